package org.cml4j.testbeds.tasks;

import java.util.function.IntPredicate;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * Tasks with gappy training observations, for the tests of couplings that must leave a too-gappy
 * variable out (or say they are not applicable) instead of failing (issue 12).
 */
public final class GappyTasks {
  private GappyTasks() {}

  /**
   * Replicate 3 (seed 42) of the quick suite's {@code twin-n1} on a tiny budget: 20 training steps,
   * of which Qg has only 11 valid values.
   */
  public static CouplingTask twinN1Replicate3() {
    return TaskCatalog.of(TaskCatalog.Suite.QUICK, null, 42, 3).task("twin-n1").task()
        .toBuilder().budget(Budget.tiny()).build();
  }

  /**
   * {@code task} with every observed variable set to NaN at the training steps {@code i} (from 0
   * to the end of training) for which {@code missing} holds.
   */
  public static CouplingTask withTrainingGaps(CouplingTask task, IntPredicate missing) {
    Frame obs = task.observations();
    for (String v : obs.names()) {
      double[] y = obs.values(v).clone();
      for (int i = 0; i < task.split().trainEnd(); i++) {
        if (missing.test(i)) {
          y[i] = Double.NaN;
        }
      }
      obs = obs.replace(obs.spec(v), y);
    }
    return task.toBuilder().observations(obs).build();
  }
}
