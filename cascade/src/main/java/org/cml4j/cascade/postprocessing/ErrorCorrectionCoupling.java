package org.cml4j.cascade.postprocessing;

import org.cml4j.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.learning.CascadeFeatures;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.learning.Series;
import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.uncertainty.LaplacePredictive;
import org.cml4j.core.uncertainty.Predictives;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Mode 3a, learned error correction (post-processing): the calibrated physics runs over the whole
 * axis; an MLP learns its error {@code observed - physics} for every target from the physics'
 * own outputs (targets plus surface temperature, ground and turbulent heat flux), the forcing,
 * trailing forcing means and the time of day, trained on the training period with early stopping
 * on the validation period. Prediction = physics + learned correction. A target whose corrected
 * validation RMSE is not lower than the plain physics' keeps the physics (reported in the
 * diagnostics), so the correction never knowingly makes things worse. Simulated targets without
 * training observations get the plain physics; targets the mechanism cannot simulate are not
 * predicted. Classic model output
 * statistics (Glahn &amp; Lowry 1972) with a neural network, as in the post-processing mode of
 * Shen et al. (2023). Predictive distribution: a deep ensemble of {@link
 * Predictives#ensembleSize} correction networks differing in their seeds (the first is the one
 * trained for the point prediction, which the others do not change), plus a noise scale fitted on
 * the validation residuals ({@link Predictives#calibrated}). Targets never observed keep the
 * physics and its {@link LaplacePredictive} (parameter spread plus transferred structural error).
 */
public final class ErrorCorrectionCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.error-correction",
      CouplingMode.POST_PROCESSING,
      "calibrated physics + MLP correction of its error from physics outputs, forcing and time of"
      + " day");
  /** Registry name. */
  public static final String NAME = INFO.name();
  static final List<String> INTERMEDIATES = List.of(Variables.SURF_TEMP, Variables.QG,
      Variables.QHQLE);

  public ErrorCorrectionCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.differentiableMechanism().predictingDistribution(), defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    return simulatedAndObservedTarget(task);
  }

  @Override
  protected Result run(CouplingTask task) {
    List<String> simulated = Targets.simulated(task);
    List<String> targets = Targets.simulatedAndObserved(task);
    List<String> physVars = new ArrayList<>(new LinkedHashSet<>(simulated));
    INTERMEDIATES.stream().filter(v -> !physVars.contains(v)).forEach(physVars::add);
    Calibration phys = new MechanismCalibrator(defaults.optimizer()).calibrate(task);
    Frame physOut = phys.simulate(physVars);
    Frame forcing = phys.problem().forcing();
    double[][] x = new FeatureTable(forcing).add(physOut, physVars, "physics.")
        .with(CascadeFeatures::forcing).with(CascadeFeatures::diurnal).matrix();
    double[][] y = Learning.residuals(task, targets, physOut);
    Learning.Periods s = Learning.periods(task, targets);
    LearnerSpec spec = Learning.mlp(task, 32, 32);
    Learning.Trained tr = Learning.fit(spec, x, y, 0, s.trainEnd(), s.valFrom(), s.valTo());
    long t0 = System.nanoTime();
    double[][] corr = tr.learner().predict(x);
    long predictNanos = System.nanoTime() - t0;
    int k0 = Predictives.ensembleSize(task.budget());
    List<double[][]> members = new ArrayList<>();
    members.add(corr);
    for (int m = 1; m < k0; m++) {
      members.add(Learning.fit(spec.withSeed(Predictives.memberSeed(task.seed(), m)), x, y, 0,
          s.trainEnd(), s.valFrom(), s.valTo()).learner().predict(x));
    }
    Map<String, PredictiveDistribution> dist = new LinkedHashMap<>();
    t0 = System.nanoTime() - predictNanos;
    Frame pred = forcing.select(List.of());
    Diagnostics.Builder d = Diagnostics.builder()
        .scalar("physicsEvaluations", phys.evaluations())
        .curve("trainLoss", tr.report().trainLoss()).curve("validationLoss",
            tr.report().valLoss()).scalar("bestEpoch", tr.report().bestEpoch());
    for (int k = 0; k < targets.size(); k++) {
      String v = targets.get(k);
      double[] p = physOut.values(v);
      double[] c = Series.plus(p, Series.columnOf(corr, k));
      double[] o = task.observations().values(v);
      double rp = Metrics.rmse(o, p, s.valFrom(), s.valTo());
      double rc = Metrics.rmse(o, c, s.valFrom(), s.valTo());
      boolean keep = Double.isNaN(rp) || Double.isNaN(rc) || rc < rp;
      d.scalar("validationRmse.physics." + v, rp).scalar("validationRmse.corrected." + v, rc);
      if (!keep) {
        d.note(v + ": correction did not lower the validation RMSE (" + rc + " vs " + rp
            + "); physics kept");
      }
      pred = pred.with(task.targetSpec(v), keep ? c : p);
      List<double[]> centres = new ArrayList<>();
      for (double[][] mc : members) {
        centres.add(keep ? Series.plus(p, Series.columnOf(mc, k)) : p);
      }
      PredictiveDistribution pd = keep ? Predictives.calibrated("deep-ensemble(" + k0 + ")", task,
          v, c, centres, null) : Predictives.calibrated("physics", task, v, p, List.of(p), null);
      if (pd != null) {
        dist.put(v, pd);
      }
    }
    List<String> unobserved = simulated.stream().filter(v -> !targets.contains(v)).toList();
    for (String v : unobserved) {
      pred = pred.with(task.targetSpec(v), physOut.values(v));
      d.note(v + ": not observed in training, plain physics");
    }
    if (!unobserved.isEmpty()) {
      dist.putAll(LaplacePredictive.of(phys, task, simulated, physOut, unobserved));
    }
    double predictSeconds = (System.nanoTime() - t0) * 1e-9;
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("learner", spec.toString());
    cfg.put("physicsInputs", physVars.toString());
    cfg.put("optimizer", defaults.optimizer().toString());
    cfg.put(Calibration.PROVENANCE_KEY, phys.id());
    cfg.put("ensembleMembers", Integer.toString(k0));
    return new Result(pred, phys.fitted(), d.note("calibrated on " + phys.variables())
        .note("predictive: deep ensemble of " + k0 + " correction networks (seeds; member 1 is"
            + " the point prediction) plus a noise scale from validation residuals")
        .build(), cfg, predictSeconds).withPredictive(dist);
  }
}
