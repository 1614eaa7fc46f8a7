package org.cml4j.cascade.intermediate;

import org.cml4j.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.learning.CascadeFeatures;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.learning.Series;
import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Mode 2, intermediate-variable passing: the physics, calibrated on the observed temperatures
 * (or whatever simulable variables are observed), produces intermediate variables — surface
 * temperature, available energy {@code Rn - G} (= the model's QH+QE), ground heat flux, net
 * radiation and the soil temperature profile at 2, 10 and 30 cm — and an MLP maps them plus the
 * forcing and time of day to targets the physics cannot give, typically sensible and latent heat
 * Qh and Qle separately (the model's single hbeta lumps them). Trained on the training period,
 * early stopping on the validation period. Targets the mechanism simulates are predicted by the
 * calibrated physics itself. Cascade pattern of Shen et al. (2023), mode 2;
 * cf. Zhao et al. (2019, GRL) for physics-informed ML of latent heat.
 */
public final class IntermediateVariableCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.intermediate-variables",
      CouplingMode.INTERMEDIATE_VARIABLE_PASSING,
      "physics intermediates (Ts, Rn-G, G, soil profile) + forcing -> MLP -> targets the physics"
      + " cannot give (e.g. Qh, Qle)");
  /** Registry name. */
  public static final String NAME = INFO.name();
  /** Intermediate variables passed from the physics to the learner. */
  public static final List<String> INTERMEDIATES = List.of(Variables.SURF_TEMP, Variables.QHQLE,
      Variables.QG, Variables.RNET, "SoilTemp_0.02", "SoilTemp_0.1", "SoilTemp_0.3");

  public IntermediateVariableCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.differentiableMechanism(), defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    if (CalibrationProblem.defaultVariables(task, task.observations()).isEmpty()) {
      return Applicability.no("no observed variable the mechanism simulates (needed to"
          + " calibrate the physics that produces the intermediates); observed "
          + task.observed());
    }
    if (Targets.learnableOnly(task).isEmpty()) {
      return Applicability.no("no target that the mechanism cannot simulate is observed at least "
          + Targets.MIN_TRAINING_OBS + " times in training (targets " + task.targets()
          + "); the physics alone covers this task");
    }
    for (String v : INTERMEDIATES) {
      if (!task.mechanism().canSimulate(v)) {
        return Applicability.no("mechanism " + task.mechanism().name() + " cannot produce the"
            + " intermediate variable " + v);
      }
    }
    return Applicability.yes();
  }

  @Override
  protected Result run(CouplingTask task) {
    List<String> targets = Targets.learnableOnly(task);
    List<String> simulated = Targets.simulated(task);
    Frame obs = task.observations();
    Calibration phys = new MechanismCalibrator(defaults.optimizer()).calibrate(task);
    List<String> cal = phys.variables();
    Frame forcing = phys.problem().forcing();
    List<String> outs = new ArrayList<>(INTERMEDIATES);
    simulated.stream().filter(v -> !outs.contains(v)).forEach(outs::add);
    Frame physOut = phys.simulate(outs);
    double[][] x = new FeatureTable(forcing).add(physOut, INTERMEDIATES, "physics.")
        .with(CascadeFeatures::forcing).with(CascadeFeatures::diurnal).matrix();
    double[][] y = obs.matrix(targets);
    Learning.Periods s = Learning.periods(task, targets);
    LearnerSpec spec = Learning.mlp(task, 32, 32);
    Learning.Trained tr = Learning.fit(spec, x, y, 0, s.trainEnd(), s.valFrom(), s.valTo());
    long t0 = System.nanoTime();
    double[][] yHat = tr.learner().predict(x);
    Frame pred = forcing.select(List.of());
    Diagnostics.Builder d = Diagnostics.builder()
        .scalar("physicsEvaluations", phys.evaluations())
        .scalar("bestEpoch", tr.report().bestEpoch())
        .curve("trainLoss", tr.report().trainLoss())
        .curve("validationLoss", tr.report().valLoss());
    for (int k = 0; k < targets.size(); k++) {
      double[] p = Series.columnOf(yHat, k);
      d.scalar("validationRmse." + targets.get(k), Metrics.rmse(obs.values(targets.get(k)), p,
          s.valFrom(), s.valTo()));
      pred = pred.with(task.targetSpec(targets.get(k)), p);
    }
    for (String v : simulated) {
      pred = pred.with(task.targetSpec(v), physOut.values(v));
    }
    double predictSeconds = (System.nanoTime() - t0) * 1e-9;
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("learner", spec.toString());
    cfg.put("intermediates", INTERMEDIATES.toString());
    cfg.put("calibratedOn", cal.toString());
    cfg.put("optimizer", defaults.optimizer().toString());
    cfg.put(Calibration.PROVENANCE_KEY, phys.id());
    return new Result(pred, phys.fitted(), d.note("physics calibrated on " + cal).build(), cfg,
        predictSeconds);
  }
}
