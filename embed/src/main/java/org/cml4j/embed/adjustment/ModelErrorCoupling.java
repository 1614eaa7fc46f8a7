package org.cml4j.embed.adjustment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.learning.FastMlp;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.assimilation.ForecastCorrection;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.ColumnStepper;

/**
 * Mode 5 (model adjustment) with learning in the data-assimilation cycle, model-error learning: a
 * state-only EnKF ({@link ColumnEnsembleFilter}) runs the calibrated — but structurally biased —
 * model over the training and validation periods; the analysis increments (analysis minus forecast
 * mean at a few control depths) measure what the model gets wrong each hour. A small MLP learns
 * their systematic part from the state shape, the forcing, the hour of day and the auxiliary inputs
 * (Brajard et al. 2021; Bonavita and Laloyaux 2020) on the training period (validation-period
 * increments for early stopping). The learned term then corrects every forecast step: the filter
 * is re-run with the corrected model, and the test period is a free forecast of the corrected
 * ensemble. Diagnostics compare free forecasts over the validation period with and without the
 * correction.
 */
public final class ModelErrorCoupling extends IncrementLearningCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.enkf-model-error",
      CouplingMode.MODEL_ADJUSTMENT,
      "EnKF whose analysis increments train a network that corrects the forecast step"
      + " (model-error learning)");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final boolean correct;

  /**
   * @param correct false = the same filter without the learned correction (for comparisons)
   */
  public ModelErrorCoupling(CouplingDefaults defaults, EnkfConfig config, EnkfSetup setup,
      boolean correct) {
    super(INFO, defaults, config, setup);
    this.correct = correct;
  }

  public ModelErrorCoupling(CouplingDefaults defaults) {
    this(defaults, EnkfConfig.standard(), EnkfSetup.defaults(), true);
  }

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    IncrementLearning.CalibratedFilter cf = calibratedFilter(task);
    CalibratedColumn col = cf.column();
    EnkfConfig cfg = cf.config();
    double[][] aux = cf.auxiliary();
    double[] hours = cf.hours();
    List<Output> outs = TaskSupport.simulableTargets(task).stream().map(Output::parse).toList();
    int trainEnd = task.split().trainEnd();
    int valEnd = task.split().validationEnd();
    EnkfResult first = cf.filter().run(cf.observations(), cfg.settings(), valEnd, outs, null);
    StateFeatures sf = cf.features();
    IncrementLearning.Pairs all = IncrementLearning.increments(cf, first, valEnd,
        sf.size(aux[0].length), (k, v, in) -> sf.features(first.analysisMean()[k - 1], v,
            hours[k], aux[k], in));
    int nt = all.before(trainEnd);
    Diagnostics.Builder d = Diagnostics.builder().scalar("members", cfg.members())
        .scalar("analysisSteps", all.size());
    EnkfResult res = first;
    ForecastCorrection corr = null;
    if (correct) {
      IncrementLearning.Trained tr = IncrementLearning.train(all.slice(0, nt),
          all.slice(nt, all.size()), new int[] {16, 16},
          task.budget().scale(60, 150, 300), task.seed(), NAME);
      corr = correction(sf, tr.net(), hours, aux);
      res = cf.filter().run(cf.observations(), cfg.settings(), valEnd, outs, corr);
      d.scalar("epochs", tr.report().epochs()).curve("trainLoss", tr.report().trainLoss())
          .curve("validationLoss", tr.report().valLoss());
    }
    long t1 = System.nanoTime();
    validationForecasts(task, col, first, trainEnd, valEnd, corr, d);
    Map<String, double[]> pred = new LinkedHashMap<>();
    for (String t : TaskSupport.simulableTargets(task)) {
      pred.put(t, res.output(t));
    }
    d.scalar("physicsEvaluations", cf.calibration().evaluations() + (correct ? 2 : 1)
        * res.memberSteps() / (double) (task.split().size() - 1));
    return new Result(TaskSupport.frame(task, pred), cf.calibration().fitted(), d.build(),
        TaskSupport.config("members", cfg.members(), "assimilate", cf.assimilated(), "correct",
            correct, "network", "16x16 tanh", "control", java.util.Arrays.toString(sf.control())),
        0).timed((t1 - t0) * 1e-9, 0).withCalibration(cf.calibration().id());
  }

  /** The learned term as a forecast correction. */
  static ForecastCorrection correction(StateFeatures sf, FastMlp net, double[] hours,
      double[][] aux) {
    double[] in = new double[net.nIn()];
    double[] out = new double[net.nOut()];
    return (k, prev, state, v) -> {
      sf.features(prev, v, hours[k], aux[k], in);
      net.predict(in, out);
      sf.apply(out, state);
    };
  }

  /**
   * Free deterministic forecasts over the validation period from the mean analysis at the end of
   * training, with and without the correction, scored against the validation observations.
   */
  private static void validationForecasts(CouplingTask task, CalibratedColumn col,
      EnkfResult first, int trainEnd, int valEnd, ForecastCorrection corr,
      Diagnostics.Builder d) {
    if (valEnd - trainEnd < 2) {
      return;
    }
    ColumnStepper st = new ColumnStepper(col.grid());
    double[] x0 = first.analysisMean()[trainEnd - 1];
    double[][] plain = col.run((k, p, n, v) -> st.step(p, n, v), x0, trainEnd - 1, valEnd);
    double[][] fixed = corr == null ? plain : col.run((k, p, n, v) -> {
      st.step(p, n, v);
      corr.correct(k, p, n, v);
    }, x0, trainEnd - 1, valEnd);
    List<String> observed = TaskSupport.observedSimulable(task, false, 1);
    double[][] yp = col.outputs(plain, trainEnd - 1, observed);
    double[][] yc = col.outputs(fixed, trainEnd - 1, observed);
    for (int j = 0; j < observed.size(); j++) {
      double[] o = java.util.Arrays.copyOfRange(task.observations().values(observed.get(j)),
          trainEnd - 1, valEnd);
      d.scalar("validationForecastRmsePlain_" + observed.get(j),
          TaskSupport.rmse(yp[j], o, 1, o.length));
      d.scalar("validationForecastRmseCorrected_" + observed.get(j),
          TaskSupport.rmse(yc[j], o, 1, o.length));
    }
  }
}
