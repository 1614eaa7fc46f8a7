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
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ModelGrid;

/**
 * Mode 3b, temporal downscaling (post-processing): the land-surface model runs at a coarse time
 * step ({@code factor} times the observation step, forcing sampled at the coarse levels, so the
 * physics costs {@code factor} times fewer steps), is calibrated on the observations at the
 * coarse levels of the training period, and its outputs are linearly interpolated to the
 * observation step; an MLP then learns the fine-scale remainder {@code observed - interpolated}
 * from the interpolated physics, the fine forcing and its departure from the coarse-sampled
 * forcing (the sub-step signal the coarse model never saw), and the time of day. Prediction =
 * interpolated physics + learned refinement (simulated targets without training observations get
 * the interpolated physics; targets the mechanism cannot simulate are not predicted). Needs the
 * {@link LsmMechanism} (to build the coarse grid) on a task whose step equals the model's. Statistical downscaling after a dynamical model
 * (e.g. Wilby &amp; Wigley 1997) with the learned transfer function of Shen et al. (2023), mode 3.
 */
public final class DownscalingCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.downscaling",
      CouplingMode.POST_PROCESSING,
      "physics at a coarse time step, interpolated and refined to the observation step by an MLP");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final int factor;

  /** Factor 3 (e.g. 3-hourly physics refined to hourly observations). */
  public DownscalingCoupling(CouplingDefaults defaults) {
    this(defaults, Settings.standard().factor());
  }

  /**
   * Typed settings of {@code cascade.downscaling}.
   *
   * @param factor coarse model step / observation step, in [2, 24]
   */
  public record Settings(int factor) {
    public Settings {
      org.cml4j.core.spi.SettingsChecks.range("factor", factor, 2, 24);
    }

    /** Factor 3 (a 3-hourly model under hourly observations). */
    public static Settings standard() {
      return new Settings(3);
    }
  }

  /** @param factor coarse step / observation step (>= 2) */
  public DownscalingCoupling(CouplingDefaults defaults, int factor) {
    super(INFO, Capabilities.differentiableMechanism(), defaults);
    if (factor < 2) {
      throw new IllegalArgumentException("downscaling factor must be >= 2, got " + factor);
    }
    this.factor = factor;
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    Applicability a = simulatedAndObservedTarget(task);
    if (!a.applicable()) {
      return a;
    }
    var lsm = task.mechanism().unwrap(LsmMechanism.class);
    if (lsm.isEmpty()) {
      return Applicability.no("downscaling needs the land-surface mechanism (LsmMechanism) to"
          + " build a coarse-step model; got " + task.mechanism().name());
    }
    double dt = lsm.get().columnModel().grid().dt();
    if (dt != task.forcing().stepSeconds()) {
      return Applicability.no("task step " + task.forcing().stepSeconds() + " s differs from the"
          + " model step " + dt + " s");
    }
    if (task.split().trainEnd() < 8 * factor) {
      return Applicability.no("training period of " + task.split().trainEnd() + " steps is too"
          + " short for factor " + factor);
    }
    return Applicability.yes();
  }

  /** Everything computed, for reports and tests: coarse-interpolated physics and refinement. */
  public record Analysis(Frame interpolated, Frame refined, Calibration coarse,
      Result result) {}

  @Override
  protected Result run(CouplingTask task) {
    return analyse(task).result();
  }

  /** Calibrates the coarse model, interpolates, learns the refinement. */
  public Analysis analyse(CouplingTask task) {
    LsmMechanism lsm = task.mechanism().unwrap(LsmMechanism.class).orElseThrow();
    ModelGrid g = lsm.columnModel().grid();
    LsmMechanism coarseModel = new LsmMechanism(new ModelGrid(g.nodes(), g.depth(),
        g.dt() * factor), lsm.columnModel().solver());
    Frame forcing = CalibrationProblem.fillForcingGaps(task.mechanism(), task.forcing());
    int n = forcing.size();
    int nc = (n - 1) / factor + 1;
    int[] idx = new int[nc];
    for (int i = 0; i < nc; i++) {
      idx[i] = i * factor;
    }
    Frame coarseForcing = subsample(forcing, idx);
    Frame coarseObs = subsample(task.observations(), idx);
    TimeSplit s = task.split();
    int cTrain = Math.max(2, (s.trainEnd() - 1) / factor + 1);
    int cVal = Math.max(cTrain, (s.validationEnd() - 1) / factor + 1);
    if (cVal >= nc) {
      cVal = nc - 1;
      cTrain = Math.min(cTrain, cVal);
    }
    CouplingTask coarseTask = task.toBuilder().mechanism(coarseModel).forcing(coarseForcing)
        .observations(coarseObs).auxiliary(coarseForcing.select(List.of()))
        .split(new TimeSplit(cTrain, cVal, nc)).build();
    List<String> targets = Targets.simulatedAndObserved(task);
    List<String> simulated = Targets.simulated(task);
    List<String> outs = new ArrayList<>(new LinkedHashSet<>(simulated));
    for (String v : List.of(Variables.SURF_TEMP, Variables.QG, Variables.QHQLE)) {
      if (!outs.contains(v)) {
        outs.add(v);
      }
    }
    Calibration coarse;
    try {
      coarse = new MechanismCalibrator(defaults.optimizer()).calibrate(coarseTask);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("calibration of the " + factor + "x coarser model failed on"
          + " task " + task.name() + " (" + cTrain + " coarse training levels; the coarse"
          + " problem may not identify the parameters): " + e.getMessage(), e);
    }
    Frame coarseOut = coarse.simulate(outs);
    Frame interp = forcing.select(List.of());
    for (String v : outs) {
      interp = interp.with(coarseOut.spec(v), interpolate(coarseOut.values(v), factor, n));
    }
    FeatureTable fb = new FeatureTable(forcing).add(interp, outs, "physics.")
        .with(CascadeFeatures::forcing).with(CascadeFeatures::diurnal);
    for (String f : List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR)) {
      double[] fine = forcing.values(f);
      fb.add(f + ".subStep", Series.minus(fine, interpolate(coarseForcing.values(f), factor, n)));
    }
    double[][] x = fb.matrix();
    double[][] y = Learning.residuals(task, targets, interp);
    LearnerSpec spec = Learning.mlp(task, 32, 32);
    Learning.Periods lp = Learning.periods(task, targets);
    Learning.Trained tr = Learning.fit(spec, x, y, 0, lp.trainEnd(), lp.valFrom(), lp.valTo());
    long t0 = System.nanoTime();
    double[][] corr = tr.learner().predict(x);
    Frame pred = forcing.select(List.of());
    Frame interpTargets = forcing.select(List.of());
    Diagnostics.Builder d = Diagnostics.builder()
        .scalar("physicsEvaluations", coarse.evaluations())
        .scalar("physicsStepsPerRun", nc).scalar("factor", factor)
        .scalar("bestEpoch", tr.report().bestEpoch())
        .curve("trainLoss", tr.report().trainLoss())
        .curve("validationLoss", tr.report().valLoss());
    for (int k = 0; k < targets.size(); k++) {
      String v = targets.get(k);
      double[] p = interp.values(v);
      double[] r = Series.plus(p, Series.columnOf(corr, k));
      double[] o = task.observations().values(v);
      d.scalar("validationRmse.interpolated." + v, Metrics.rmse(o, p, lp.valFrom(), lp.valTo()));
      d.scalar("validationRmse.refined." + v, Metrics.rmse(o, r, lp.valFrom(), lp.valTo()));
      pred = pred.with(task.targetSpec(v), r);
      interpTargets = interpTargets.with(task.targetSpec(v), p);
    }
    for (String v : simulated) {
      if (!targets.contains(v)) {
        pred = pred.with(task.targetSpec(v), interp.values(v));
        interpTargets = interpTargets.with(task.targetSpec(v), interp.values(v));
      }
    }
    double predictSeconds = (System.nanoTime() - t0) * 1e-9;
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("factor", Integer.toString(factor));
    cfg.put("learner", spec.toString());
    cfg.put("optimizer", defaults.optimizer().toString());
    cfg.put(Calibration.PROVENANCE_KEY, "coarse " + coarse.id());
    return new Analysis(interpTargets, pred, coarse, new Result(pred, coarse.fitted(),
        d.note("coarse model step " + g.dt() * factor + " s, calibrated on "
            + coarse.variables()).build(), cfg, predictSeconds));
  }

  private static Frame subsample(Frame f, int[] idx) {
    long[] t = f.times();
    long[] ct = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      ct[i] = t[idx[i]];
    }
    Frame out = Frame.onAxis(ct, f.stepSeconds() * (idx.length > 1 ? idx[1] - idx[0] : 1));
    for (VariableSpec v : f.specs()) {
      double[] x = f.values(v.name());
      double[] c = new double[idx.length];
      for (int i = 0; i < idx.length; i++) {
        c[i] = x[idx[i]];
      }
      out = out.with(v, c);
    }
    return out;
  }

  /** Linear interpolation of coarse levels (every {@code factor} steps) to {@code n} steps. */
  static double[] interpolate(double[] coarse, int factor, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int a = i / factor;
      double w = (i - a * factor) / (double) factor;
      out[i] = a + 1 < coarse.length ? coarse[a] * (1 - w) + coarse[a + 1] * w : coarse[a];
    }
    return out;
  }
}
