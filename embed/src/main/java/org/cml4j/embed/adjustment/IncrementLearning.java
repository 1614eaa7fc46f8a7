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
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.LevelValues;

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

  /** Writes a level's network inputs into {@code in}, given its parameters and forcing. */
  @FunctionalInterface
  interface Inputs {
    void fill(int k, LevelValues v, double[] in);
  }

  /**
   * Training pairs of the analysed levels, in level order: network inputs and the analysis
   * increments (analysis minus forecast mean at the control depths of {@link StateFeatures}).
   */
  record Pairs(List<Integer> levels, List<double[]> inputs, List<double[]> increments) {
    int size() {
      return levels.size();
    }

    /** The pairs with index in [from, to). */
    Pairs slice(int from, int to) {
      return new Pairs(levels.subList(from, to), inputs.subList(from, to),
          increments.subList(from, to));
    }

    /** Number of pairs at levels below {@code level}. */
    int before(int level) {
      int n = 0;
      while (n < levels.size() && levels.get(n) < level) {
        n++;
      }
      return n;
    }
  }

  /** The pairs of the levels in [1, to) the filter run {@code r} analysed. */
  static Pairs increments(CalibratedFilter cf, EnkfResult r, int to, int inputs, Inputs fill) {
    Pairs p = new Pairs(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    LevelValues v = new LevelValues();
    for (int k = 1; k < to; k++) {
      if (!r.analysed()[k]) {
        continue;
      }
      double[] in = new double[inputs];
      fill.fill(k, cf.column().load(v, k), in);
      p.levels().add(k);
      p.inputs().add(in);
      p.increments().add(cf.features().increment(r.analysisMean()[k], r.forecastMean()[k]));
    }
    return p;
  }

  /** A trained network and its report. */
  record Trained(FastMlp net, TrainingReport report, int pairs) {}

  /** Trains an MLP on the training pairs (validation pairs, may be empty, for early stopping). */
  static Trained train(Pairs train, Pairs validation, int[] hidden, int epochs, long seed,
      String coupling) {
    if (train.size() < 24) {
      throw new IllegalArgumentException(coupling + ": only " + train.size() + " analysis steps"
          + " in the training period; at least 24 are needed to learn from increments");
    }
    LearnerSpec spec = LearnerSpec.mlp(hidden).withEpochs(epochs).withBatchSize(64)
        .withLearningRate(3e-3).withL2(1e-4).withPatience(20).withSeed(seed);
    Learner l = Learners.create(spec, train.inputs().get(0).length,
        train.increments().get(0).length);
    boolean val = validation.size() > 0;
    TrainingReport r = l.fit(train.inputs().toArray(double[][]::new),
        train.increments().toArray(double[][]::new),
        val ? validation.inputs().toArray(double[][]::new) : null,
        val ? validation.increments().toArray(double[][]::new) : null);
    return new Trained(FastMlp.of(l), r, train.size());
  }
}
