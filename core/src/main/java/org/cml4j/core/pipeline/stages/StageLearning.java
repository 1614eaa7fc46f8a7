package org.cml4j.core.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.baseline.ForcingFeatures;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;

/**
 * How the learned stages build features and train: features from named pipeline variables by
 * {@link ForcingFeatures} (the variables, time of day, trailing 6/24/72 h means); an MLP of
 * {@link org.cml4j.core.learn} trained on the task's training period with early stopping on its
 * validation period (the last 20 % of the training period when no target is observed in the
 * validation period), seeded from the task's seed. Rows without any target value are skipped.
 */
final class StageLearning {
  /** Minimum training observations of a target for it to be learned. */
  static final int MIN_TRAINING_OBS = 12;

  private StageLearning() {}

  /**
   * The learner settings for a task: {@code spec} if given, else an MLP 32-32 (tanh, batch 64,
   * learning rate 5e-3, patience 25) with 60 / 250 / 600 epochs for the TINY / QUICK / FULL
   * budget, as the cascade couplings use; the seed is always the task's.
   */
  static LearnerSpec spec(LearnerSpec spec, CouplingTask task) {
    LearnerSpec s = spec != null ? spec : LearnerSpec.mlp(32, 32)
        .withEpochs(task.budget().scale(60, 250, 600)).withBatchSize(64)
        .withLearningRate(5e-3).withPatience(25);
    return s.withSeed(task.seed());
  }

  /** Feature matrix [t][feature] of the named variables; a non-finite value fails naming it. */
  static double[][] features(String stage, Frame available, List<VariableSpec> features) {
    List<String> names = features.stream().map(VariableSpec::name).toList();
    for (String v : names) {
      double[] x = available.values(v);
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(x[i])) {
          throw new IllegalArgumentException("stage '" + stage + "': feature " + v + " is "
              + x[i] + " at step " + i + "; fill its gaps upstream");
        }
      }
    }
    return ForcingFeatures.matrix(available, names);
  }

  /** True if {@code v} has enough training observations to be learned. */
  static boolean learnable(CouplingTask task, String v) {
    return task.observations().has(v)
        && task.observations().countValid(v, 0, task.split().trainEnd()) >= MIN_TRAINING_OBS;
  }

  /** Fails unless the task observes {@code v} in {@code unit}. */
  static void checkUnit(String stage, CouplingTask task, String v, String unit) {
    String u = task.observations().spec(v).unit();
    if (!u.equals(unit)) {
      throw new IllegalArgumentException("stage '" + stage + "': " + v + " is observed in " + u
          + " but the stage works in " + unit);
    }
  }

  /** A trained network, its report, and its training / validation rows [0, trainEnd), [a, b). */
  record Fitted(Learner learner, TrainingReport report, int trainEnd, int valFrom, int valTo) {}

  /** Trains on the task's periods (see class doc); y may hold NaN (gaps). */
  static Fitted fit(LearnerSpec spec, double[][] x, double[][] y, TimeSplit split) {
    int trainEnd = split.trainEnd();
    int valFrom = split.trainEnd();
    int valTo = split.validationEnd();
    if (rows(y, valFrom, valTo).isEmpty()) {
      trainEnd = Math.max(1, (int) Math.round(0.8 * split.trainEnd()));
      valFrom = trainEnd;
      valTo = split.trainEnd();
    }
    List<Integer> tr = rows(y, 0, trainEnd);
    List<Integer> va = rows(y, valFrom, valTo);
    if (tr.size() < 2) {
      throw new IllegalArgumentException("only " + tr.size() + " training rows with a target"
          + " value in steps [0, " + trainEnd + "); need at least 2");
    }
    Learner l = Learners.create(spec, x[0].length, y[0].length);
    TrainingReport r = va.isEmpty() ? l.fit(pick(x, tr), pick(y, tr), null, null)
        : l.fit(pick(x, tr), pick(y, tr), pick(x, va), pick(y, va));
    return new Fitted(l, r, trainEnd, valFrom, valTo);
  }

  private static List<Integer> rows(double[][] y, int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      for (double v : y[i]) {
        if (!Double.isNaN(v)) {
          out.add(i);
          break;
        }
      }
    }
    return out;
  }

  private static double[][] pick(double[][] a, List<Integer> rows) {
    return rows.stream().map(i -> a[i]).toArray(double[][]::new);
  }

  /** Column {@code k} of a matrix. */
  static double[] column(double[][] a, int k) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i][k];
    }
    return c;
  }
}
