package org.cml4j.embed.adjustment;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.learning.FastMlp;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.ObservationSeries;
import org.cml4j.lsm.coupling.LsmMechanism;

/** Shared pieces of the couplings that learn from a filter's analysis increments. */
final class IncrementLearning {
  private IncrementLearning() {}

  /**
   * What the increment-learning couplings share before their first filter run: the assimilated
   * variables and their observation series, the auxiliary inputs and hours of day, the physics
   * calibrated on the training period, its column, a state-only ensemble filter around it, the
   * filter settings for the task and the standard state features of the column.
   */
  record CalibratedFilter(List<String> assimilated, List<ObservationSeries> observations,
      double[][] auxiliary, double[] hours, Calibration calibration, CalibratedColumn column,
      ColumnEnsembleFilter filter, EnkfConfig config, StateFeatures features) {}

  /**
   * Checks the assimilated variables and auxiliary inputs, calibrates the mechanism on the
   * training period and builds the filter around it.
   */
  static CalibratedFilter calibratedFilter(CouplingTask task, EnkfSetup setup,
      EnkfConfig config, OptimizerSettings optimizer, String coupling) {
    List<String> vars = setup.assimilated(task, coupling);
    double[][] aux = auxiliary(task, coupling);
    double[] hours = hours(task);
    Calibration cal = new MechanismCalibrator(optimizer).calibrate(task);
    LsmMechanism lsm = TaskSupport.lsm(task, coupling);
    CalibratedColumn col = CalibratedColumn.of(lsm, LsmMechanism.surfaceForcing(task.forcing()),
        cal.parameters(), task.initialObservations());
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(col.grid(), col.forcing(),
        cal.parameters(), List.of(), lsm.initialState(task.initialObservations()));
    return new CalibratedFilter(vars, setup.observations(task, vars), aux, hours, cal, col,
        filter, config.forTask(task), StateFeatures.standard(col.grid()));
  }

  /** Hour of day of every step of the task's axis. */
  static double[] hours(CouplingTask task) {
    long[] t = task.forcing().times();
    double[] h = new double[t.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = Math.floorMod(t[i], 86400L) / 3600.0;
    }
    return h;
  }

  /** Auxiliary inputs [step][variable], rejecting gaps. */
  static double[][] auxiliary(CouplingTask task, String coupling) {
    List<String> names = new ArrayList<>(task.auxiliary().names());
    int n = task.split().size();
    double[][] a = new double[n][names.size()];
    for (int j = 0; j < names.size(); j++) {
      double[] v = task.auxiliary().values(names.get(j));
      for (int k = 0; k < n; k++) {
        if (!Double.isFinite(v[k])) {
          throw new IllegalArgumentException(coupling + ": auxiliary input " + names.get(j)
              + " is missing at step " + k + "; gap-fill it first");
        }
        a[k][j] = v[k];
      }
    }
    return a;
  }

  /** A trained network and its report. */
  record Trained(FastMlp net, TrainingReport report, int pairs) {}

  /** Trains an MLP on the pairs (validation pairs may be empty). */
  static Trained train(List<double[]> xs, List<double[]> ys, List<double[]> xv,
      List<double[]> yv, int[] hidden, int epochs, long seed, String coupling) {
    if (xs.size() < 24) {
      throw new IllegalArgumentException(coupling + ": only " + xs.size() + " analysis steps in"
          + " the training period; at least 24 are needed to learn from increments");
    }
    LearnerSpec spec = LearnerSpec.mlp(hidden).withEpochs(epochs).withBatchSize(64)
        .withLearningRate(3e-3).withL2(1e-4).withPatience(20).withSeed(seed);
    Learner l = Learners.create(spec, xs.get(0).length, ys.get(0).length);
    TrainingReport r = l.fit(xs.toArray(double[][]::new), ys.toArray(double[][]::new),
        xv.isEmpty() ? null : xv.toArray(double[][]::new),
        yv.isEmpty() ? null : yv.toArray(double[][]::new));
    return new Trained(FastMlp.of(l), r, xs.size());
  }
}
