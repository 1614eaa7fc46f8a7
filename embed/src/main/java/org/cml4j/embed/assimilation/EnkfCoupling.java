package org.cml4j.embed.assimilation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.Requirement;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.lsm.model.Output;

/**
 * Mode 5 (model adjustment): the ensemble Kalman filter ({@link ColumnEnsembleFilter}) keeps the
 * simple model's soil-temperature state — and, with augmentation, its parameters — close to the
 * observations during the training and validation periods, then forecasts freely from the last
 * analysis over the test period. Predictions are ensemble means; fitted parameters are the
 * ensemble means at the end of the assimilation window. Diagnostics compare analysis and free-run
 * errors for every observed variable.
 */
public final class EnkfCoupling implements Coupling {
  /** Registry name. */
  public static final String NAME = "embed.enkf";
  private final EnkfConfig config;
  private final EnkfSetup setup;

  public EnkfCoupling(EnkfConfig config, EnkfSetup setup) {
    this.config = config;
    this.setup = setup;
  }

  /** Default filter and setup. */
  public EnkfCoupling() {
    this(EnkfConfig.standard(), EnkfSetup.defaults());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CouplingMode mode() {
    return CouplingMode.MODEL_ADJUSTMENT;
  }

  @Override
  public String description() {
    return "ensemble Kalman filter on the soil-temperature state with parameter augmentation";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.requiring(Requirement.OBSERVED_SOIL_TEMPERATURE,
        Requirement.SIMULATED_TARGETS).estimatingParameters().predictingUnobserved();
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    if (!TaskSupport.isLsm(task)) {
      return Applicability.no("needs the land-surface column mechanism");
    }
    return capabilities().check(task);
  }

  @Override
  public CouplingSolution solve(CouplingTask task) {
    Applicability a = applicability(task);
    if (!a.applicable()) {
      throw new IllegalArgumentException(NAME + " cannot address task " + task.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    List<String> vars = setup.assimilated(task, NAME);
    ColumnEnsembleFilter filter = setup.filter(task, NAME);
    EnkfConfig cfg = config.withMembers(task.budget().scale(Math.min(24, config.members()),
        config.members(), Math.max(80, config.members()))).withSeed(config.seed() + task.seed());
    List<String> report = new java.util.ArrayList<>(task.targets());
    task.observed().stream().filter(v -> !report.contains(v) && task.mechanism().canSimulate(v))
        .forEach(report::add);
    List<Output> outs = report.stream().map(Output::parse).toList();
    EnkfResult res = filter.run(setup.observations(task, vars), cfg, task.split().validationEnd(),
        outs, null);
    long t1 = System.nanoTime();
    EnkfResult free = filter.run(List.of(), cfg, 0, outs, null);
    Map<String, double[]> pred = new LinkedHashMap<>();
    for (String t : task.targets()) {
      pred.put(t, res.output(t));
    }
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
    return new CouplingSolution(NAME, TaskSupport.frame(task, pred), fitted, d.build(),
        (t1 - t0) * 1e-9, 0, TaskSupport.provenance(NAME, TaskSupport.config("members",
            cfg.members(), "inflation", cfg.inflation(), "stateNoise", cfg.stateNoise(),
            "assimilate", vars, "augment", res.parameters(), "seed", cfg.seed()), task));
  }
}
