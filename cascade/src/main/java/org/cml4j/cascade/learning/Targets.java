package org.cml4j.cascade.learning;

import java.util.List;
import org.cml4j.core.spi.CouplingTask;

/**
 * Sorts a task's targets by what a cascade coupling can do with them: simulated by the mechanism
 * or not, observed in the training period (at least {@link #MIN_TRAINING_OBS} values) or not.
 */
public final class Targets {
  /** Training observations a target needs before a learner is trained on it. */
  public static final int MIN_TRAINING_OBS = 12;

  private Targets() {}

  /** Targets the mechanism simulates. */
  public static List<String> simulated(CouplingTask task) {
    return task.targets().stream().filter(task.mechanism()::canSimulate).toList();
  }

  /** Targets the mechanism does not simulate. */
  public static List<String> notSimulated(CouplingTask task) {
    return task.targets().stream().filter(v -> !task.mechanism().canSimulate(v)).toList();
  }

  /** True if the target has enough training observations. */
  public static boolean observed(CouplingTask task, String v) {
    return task.observations().has(v)
        && task.observations().countValid(v, 0, task.split().trainEnd()) >= MIN_TRAINING_OBS;
  }

  /** Targets both simulated and observed in training. */
  public static List<String> simulatedAndObserved(CouplingTask task) {
    return simulated(task).stream().filter(v -> observed(task, v)).toList();
  }

  /** Targets not simulated but observed in training. */
  public static List<String> learnableOnly(CouplingTask task) {
    return notSimulated(task).stream().filter(v -> observed(task, v)).toList();
  }
}
