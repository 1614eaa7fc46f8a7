package org.cml4j.testbeds.tasks;

import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;

/**
 * One benchmark task of the catalog: the {@link CouplingTask} the couplings see, and what only the
 * scorer sees.
 *
 * @param id unique id, e.g. {@code twin}, {@code twin-n3}, {@code huang2025-2depth}
 * @param family one of the {@code TaskCatalog.FAMILY_*} constants
 * @param task the coupling problem (test-period observations hidden)
 * @param truth noise-free truth (synthetic tasks) or the unmasked observations (real sites) on the
 *     task's axis, for scoring; contains at least every target
 * @param trueParameters true mechanism parameters where defined (empty for real sites)
 * @param description one paragraph for reports
 */
public record BenchTask(String id, String family, CouplingTask task, Frame truth,
    Map<String, Double> trueParameters, String description) {
  /** Prefix of the version tag on the coupling task. */
  public static final String VERSION_TAG = "version=";

  public BenchTask {
    trueParameters = Map.copyOf(trueParameters);
    if (!id.equals(task.name())) {
      throw new IllegalArgumentException("bench task id " + id + " differs from its coupling task"
          + " name " + task.name());
    }
    if (truth.size() != task.split().size()) {
      throw new IllegalArgumentException("task " + id + ": truth has " + truth.size()
          + " steps, the task " + task.split().size());
    }
    for (String t : task.targets()) {
      if (!truth.has(t)) {
        throw new IllegalArgumentException("task " + id + ": truth lacks target " + t);
      }
    }
  }

  /** The task's version string (bumped whenever its data or protocol change). */
  public String version() {
    return task.tags().stream().filter(t -> t.startsWith(VERSION_TAG))
        .map(t -> t.substring(VERSION_TAG.length())).findFirst().orElse("unversioned");
  }

  /** Days of observations visible to the couplings (train + validation). */
  public double trainingDays() {
    return task.split().validationEnd() * task.forcing().stepSeconds() / 86400.0;
  }

  /** Truth of one variable over the test period. */
  public double[] testTruth(String variable) {
    TimeSplit s = task.split();
    return truth.values(variable, s.validationEnd(), s.size());
  }
}
