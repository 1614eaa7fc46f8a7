package org.cml4j.embed.adjustment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.uncertainty.HeldOut;
import org.cml4j.core.uncertainty.Predictives;
import org.cml4j.core.uncertainty.StructuralError;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.model.Output;

/**
 * Mode 5 (model adjustment): the ensemble Kalman filter ({@link ColumnEnsembleFilter}) keeps the
 * simple model's soil-temperature state — and, with augmentation, its parameters (prior: a
 * calibration on the training period, or the first guess) — close to the observations during the
 * training and validation periods, then forecasts freely from the last
 * analysis over the test period. Predictions are ensemble means; fitted parameters are the
 * ensemble means at the end of the assimilation window. Diagnostics compare analysis and free-run
 * errors for every observed variable. Predictive distribution: Gaussian with the filter's
 * ensemble spread plus a noise scale fitted on the held-out residuals of the free run (the
 * validation-period analysis has seen the observations, so its residuals would be too small);
 * targets never observed get the spread plus a {@link StructuralError} scale transferred from the
 * observed ones.
 */
public final class EnkfCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.enkf", CouplingMode.MODEL_ADJUSTMENT,
      "ensemble Kalman filter on the soil-temperature state with parameter augmentation");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final EnkfConfig config;
  private final EnkfSetup setup;

  public EnkfCoupling(CouplingDefaults defaults, EnkfConfig config, EnkfSetup setup) {
    super(INFO, Capabilities.observedSoilTemperature().predictingDistribution(), defaults, true, 2);
    this.config = config;
    this.setup = setup;
  }

  /**
   * Default filter and setup; with the calibrated prior the parameter spread is 0.1 (about 10 %),
   * with the first-guess prior 0.3.
   */
  public EnkfCoupling(CouplingDefaults defaults) {
    this(defaults, standardConfig(), EnkfSetup.defaults());
  }

  /** The filter's default settings: {@link EnkfConfig#standard()} with parameter spread 0.1. */
  public static EnkfConfig standardConfig() {
    return EnkfConfig.standard().withParameterSpread(0.1, 0.002);
  }

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    List<String> vars = setup.assimilated(task, NAME);
    ColumnEnsembleFilter filter = setup.filter(task, NAME, defaults.optimizer());
    EnkfConfig cfg = config.forTask(task);
    List<String> report = new java.util.ArrayList<>(TaskSupport.simulableTargets(task));
    task.observed().stream().filter(v -> !report.contains(v) && task.mechanism().canSimulate(v))
        .forEach(report::add);
    List<Output> outs = report.stream().map(Output::parse).toList();
    EnkfResult res = filter.run(setup.observations(task, vars), cfg.settings(),
        task.split().validationEnd(), outs, null);
    long t1 = System.nanoTime();
    EnkfResult free = filter.run(List.of(), cfg.settings(), 0, outs, null);
    Map<String, double[]> pred = new LinkedHashMap<>();
    Map<String, PredictiveDistribution> dist = new LinkedHashMap<>();
    List<StructuralError.Donor> donors = new java.util.ArrayList<>();
    Map<String, double[]> unobserved = new LinkedHashMap<>();
    Map<String, double[]> spreads = new LinkedHashMap<>();
    for (String t : TaskSupport.simulableTargets(task)) {
      pred.put(t, res.output(t));
      StructuralError.Donor dn = StructuralError.donor(task, t, free.output(t), free.spread(t));
      if (dn == null) {
        unobserved.put(t, res.output(t));
        spreads.put(t, res.spread(t));
        continue;
      }
      donors.add(dn);
      dist.put(t, Predictives.gaussian("enkf(" + cfg.members() + ")+noise"
          + (HeldOut.of(task, t).inSample() ? "(in-sample)" : ""), res.output(t),
          Predictives.addInQuadrature(res.spread(t), dn.scale())));
    }
    dist.putAll(StructuralError.gaussians("enkf(" + cfg.members() + ")", task, unobserved,
        spreads, donors));
    int end = task.split().validationEnd();
    Diagnostics.Builder d = Diagnostics.builder().scalar("members", cfg.members())
        .scalar("memberSteps", res.memberSteps())
        .scalar("physicsEvaluations", res.memberSteps() / (double) (task.split().size() - 1))
        .scalar("filterSeconds", res.seconds())
        .note("assimilated " + vars + " until step " + end + "; augmented " + res.parameters());
    for (String v : report) {
      if (task.observations().has(v)) {
        double[] o = task.observations().values(v);
        d.scalar("analysisRmse_" + v, TaskSupport.rmse(res.output(v), o, 0, end));
        d.scalar("freeRunRmse_" + v, TaskSupport.rmse(free.output(v), o, 0, end));
      }
    }
    Map<String, Double> fitted = new LinkedHashMap<>();
    for (String p : res.parameters()) {
      double[] s = res.parameter(p);
      fitted.put(p, s[end - 1]);
      d.curve("parameterMean_" + p, s);
    }
    return new Result(TaskSupport.frame(task, pred), fitted, d.build(), TaskSupport.config(
        "members", cfg.members(), "inflation", cfg.inflation(), "stateNoise", cfg.stateNoise(),
        "assimilate", vars, "augment", res.parameters(), "seed", cfg.seed()), 0)
        .timed((t1 - t0) * 1e-9, 0).withCalibration(setup.calibrationId(task,
            defaults.optimizer())).withPredictive(dist);
  }
}
