package org.cml4j.cascade.learning;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * How the cascade couplings size and train their networks: MLPs whose epochs scale with the
 * task's budget, trained on the training period with early stopping on the validation period
 * (restoring the best epoch), seeded from the task's seed.
 */
public final class Learning {
  private Learning() {}

  /**
   * An MLP spec for the task: tanh, the given hidden widths, 60 / 250 / 600 epochs for the TINY /
   * QUICK / FULL budget, batch 64, learning rate 5e-3, patience 25, seed from the task.
   */
  public static LearnerSpec mlp(CouplingTask task, int... hidden) {
    return LearnerSpec.mlp(hidden).withEpochs(task.budget().scale(60, 250, 600)).withBatchSize(64)
        .withLearningRate(5e-3).withPatience(25).withSeed(task.seed());
  }

  /**
   * Rows a learner trains on, [0, trainEnd), and validates on, [valFrom, valTo).
   *
   * @param trainEnd end of the learner's training rows
   * @param valFrom first validation row
   * @param valTo end of the validation rows
   */
  public record Periods(int trainEnd, int valFrom, int valTo) {}

  /**
   * The task's validation period if any of {@code targets} is observed there; otherwise (e.g. a
   * task without a validation period) the last 20 % of the training period is held out.
   */
  public static Periods periods(CouplingTask task, List<String> targets) {
    var s = task.split();
    for (String v : targets) {
      if (task.observations().has(v)
          && task.observations().countValid(v, s.trainEnd(), s.validationEnd()) > 0) {
        return new Periods(s.trainEnd(), s.trainEnd(), s.validationEnd());
      }
    }
    int cut = Math.max(1, (int) Math.round(0.8 * s.trainEnd()));
    return new Periods(cut, cut, s.trainEnd());
  }

  /** Observations of {@code names} as [t][k], NaN columns for names not observed at all. */
  public static double[][] observed(CouplingTask task, List<String> names) {
    int n = task.split().size();
    double[][] y = new double[n][names.size()];
    for (int k = 0; k < names.size(); k++) {
      double[] v = task.observations().has(names.get(k))
          ? task.observations().values(names.get(k)) : null;
      for (int i = 0; i < n; i++) {
        y[i][k] = v == null ? Double.NaN : v[i];
      }
    }
    return y;
  }

  /**
   * Residuals {@code observed - base} of {@code targets} as [t][k], the learning target of the
   * post-processing corrections ({@code base} holds each target's physics prediction).
   */
  public static double[][] residuals(CouplingTask task, List<String> targets, Frame base) {
    int n = task.split().size();
    double[][] y = new double[n][targets.size()];
    for (int k = 0; k < targets.size(); k++) {
      double[] o = task.observations().values(targets.get(k));
      double[] p = base.values(targets.get(k));
      for (int i = 0; i < n; i++) {
        y[i][k] = o[i] - p[i];
      }
    }
    return y;
  }

  /** A trained learner and its report. */
  public record Trained(Learner learner, TrainingReport report) {}

  /**
   * Trains on rows [trainFrom, trainTo) and validates on [valFrom, valTo) (no validation when the
   * range is empty or has no target). Rows whose targets are all NaN are dropped.
   */
  public static Trained fit(LearnerSpec spec, double[][] x, double[][] y, int trainFrom,
      int trainTo, int valFrom, int valTo) {
    double[][][] tr = usable(x, y, trainFrom, trainTo);
    if (tr[0].length < 2) {
      throw new IllegalArgumentException("only " + tr[0].length + " training rows with a target in"
          + " steps [" + trainFrom + ", " + trainTo + "); need at least 2");
    }
    double[][][] va = usable(x, y, valFrom, valTo);
    Learner l = Learners.create(spec, x[0].length, y[0].length);
    TrainingReport r = va[0].length == 0 ? l.fit(tr[0], tr[1], null, null)
        : l.fit(tr[0], tr[1], va[0], va[1]);
    return new Trained(l, r);
  }

  /** Rows of [from, to) with at least one non-NaN target: {x rows, y rows}. */
  public static double[][][] usable(double[][] x, double[][] y, int from, int to) {
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      boolean any = false;
      for (double v : y[i]) {
        any |= !Double.isNaN(v);
      }
      if (any) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    return new double[][][] {xs.toArray(double[][]::new), ys.toArray(double[][]::new)};
  }

  /** Concatenates column blocks row by row: [t][sum of widths]. */
  public static double[][] columns(List<double[][]> blocks) {
    int n = blocks.get(0).length;
    int w = 0;
    for (double[][] b : blocks) {
      if (b.length != n) {
        throw new IllegalArgumentException("feature blocks have " + n + " and " + b.length
            + " rows");
      }
      w += b[0].length;
    }
    double[][] out = new double[n][w];
    for (int i = 0; i < n; i++) {
      int j = 0;
      for (double[][] b : blocks) {
        System.arraycopy(b[i], 0, out[i], j, b[i].length);
        j += b[i].length;
      }
    }
    return out;
  }
}
