package org.cml4j.fuse.data;

import java.util.List;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;

/** Row masks, target matrices and prediction frames of a coupling task. */
public final class TaskData {
  private TaskData() {}

  /** True on rows of the training period. */
  public static boolean[] trainRows(TimeSplit s) {
    return range(s.size(), 0, s.trainEnd());
  }

  /** True on rows of the validation period. */
  public static boolean[] validationRows(TimeSplit s) {
    return range(s.size(), s.trainEnd(), s.validationEnd());
  }

  /** True on rows [from, to) of n. */
  public static boolean[] range(int n, int from, int to) {
    boolean[] b = new boolean[n];
    for (int i = from; i < to; i++) {
      b[i] = true;
    }
    return b;
  }

  /**
   * Observed targets [time][target] (NaN where missing; the test period is NaN by construction).
   * Fails before any training, naming the target and the observed variables, if a target is not
   * observed at all.
   */
  public static double[][] observedTargets(CouplingTask task) {
    for (String t : task.targets()) {
      if (!task.observations().has(t)) {
        throw new IllegalArgumentException("target " + t + " is not in the observations of task "
            + task.name() + "; observed: " + task.observed());
      }
    }
    return task.observations().matrix(task.targets());
  }

  /** Target specs (units from the observations). */
  public static List<VariableSpec> targetSpecs(CouplingTask task) {
    return task.targets().stream().map(task::targetSpec).toList();
  }

  /** True if any validation row has an observation of any target. */
  public static boolean hasValidationData(double[][] y, TimeSplit s) {
    for (int i = s.trainEnd(); i < s.validationEnd(); i++) {
      for (double v : y[i]) {
        if (!Double.isNaN(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A frame on the task's axis with one column per spec from a [time][column] matrix. */
  public static Frame frame(CouplingTask task, List<VariableSpec> specs, double[][] m) {
    Frame f = task.forcing().select(List.of());
    for (int k = 0; k < specs.size(); k++) {
      double[] c = new double[m.length];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i][k];
      }
      f = f.with(specs.get(k), c);
    }
    return f;
  }


}
