package org.cml4j.fuse.structure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.Regressor;
import org.cml4j.core.learn.adjoint.BoundedParameterHead;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.FuseCouplings;
import org.cml4j.fuse.data.FeatureSpec;
import org.cml4j.fuse.physics.AdjointTraining;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;

/**
 * Mode 9, model-structure constraint with the differentiable physics as the network's final layer:
 * a network maps the forcing that controls surface exchange (wind, shortwave, air temperature,
 * rain, their 24 h means, the hour of day; {@link AdjointTraining#features}) to time-varying
 * mechanism parameters kept within bounds by a sigmoid rescaling (by default the turbulent exchange
 * coefficient hbeta in [1, 100] W m-2 K-1, which in reality varies with wind, stability and soil
 * moisture), and the mechanism turns them into soil temperatures and fluxes. Training runs end to
 * end through the physics: the mechanism's discrete adjoint ({@code ModelRun.vjp}) gives the
 * gradient of the misfit with respect to every hourly parameter value, the sigmoid's derivative
 * carries it to the network's output, and {@code Learner.backprop} to its weights (differentiable
 * parameter learning, Tsai et al. 2021, Nat. Commun. 12:5988). The other parameters keep their
 * calibrated constant values. Every prediction is a mechanism output, so the mechanism's own
 * constraints hold exactly: parameters within bounds, energy balance
 * {@code Rnet = Qg + QhQle}, heat conservation in the soil. Targets the mechanism cannot
 * simulate (Qh, Qle separately) are not predicted.
 */
public final class PhysicsLayerCoupling extends AbstractCoupling {
  /** Registry name. */
  public static final String NAME = "fusion.physics-layer";
  /** Identity: plugin, name, mode, description. */
  public static final CouplingInfo INFO = FuseCouplings.identity(NAME,
      CouplingMode.MODEL_STRUCTURE_CONSTRAINT, "network -> bounded time-varying parameters ->"
      + " differentiable physics (trained through the adjoint)");
  /**
   * Weight decay of the parameter network towards the calibrated constants; on the twin with 62
   * training hours 1e-3 let hbeta(t) overfit, 1e-2 kept it close to the constant.
   */
  static final double L2 = 3e-3;
  private final CouplingDefaults defaults;
  private final Map<String, double[]> bounds;

  /** Learns hbeta in [1, 100] W m-2 K-1. */
  public PhysicsLayerCoupling(CouplingDefaults defaults) {
    this(defaults, Settings.standard().boundsArrays());
  }

  /**
   * Typed settings of {@code fusion.physics-layer}.
   *
   * @param bounds learned parameters to their [lower, upper] bounds (two finite numbers, lower
   *     below upper; at least one parameter)
   */
  public record Settings(Map<String, List<Double>> bounds) {
    public Settings {
      if (bounds == null || bounds.isEmpty()) {
        throw new org.cml4j.core.spi.InvalidSettingException(null, "bounds",
            String.valueOf(bounds), "at least one parameter: [lower, upper]");
      }
      Map<String, List<Double>> copy = new LinkedHashMap<>();
      bounds.forEach((k, v) -> {
        if (v == null || v.size() != 2 || v.stream().anyMatch(java.util.Objects::isNull)
            || !Double.isFinite(v.get(0)) || !Double.isFinite(v.get(1))
            || !(v.get(0) < v.get(1))) {
          throw new org.cml4j.core.spi.InvalidSettingException(null, "bounds." + k,
              String.valueOf(v), "[lower, upper] with finite lower < upper");
        }
        copy.put(k, List.copyOf(v));
      });
      bounds = java.util.Collections.unmodifiableMap(copy);
    }

    /** hbeta in [1, 100] W m-2 K-1. */
    public static Settings standard() {
      return new Settings(Map.of("hbeta", List.of(1.0, 100.0)));
    }

    /** The bounds as the coupling's constructor takes them. */
    public Map<String, double[]> boundsArrays() {
      Map<String, double[]> m = new LinkedHashMap<>();
      bounds.forEach((k, v) -> m.put(k, new double[] {v.get(0), v.get(1)}));
      return m;
    }
  }

  /**
   * @param defaults optimizer settings for the initial calibration
   * @param bounds learned parameters and their [lower, upper] bounds (within the mechanism's)
   */
  public PhysicsLayerCoupling(CouplingDefaults defaults, Map<String, double[]> bounds) {
    super(INFO, new Capabilities(Set.of(Requirement.DIFFERENTIABLE_MECHANISM,
            Requirement.OBSERVED_SOIL_TEMPERATURE), true, true, 24));
    if (bounds.isEmpty()) {
      throw new IllegalArgumentException("the physics layer needs at least one learned parameter");
    }
    this.defaults = defaults;
    this.bounds = new LinkedHashMap<>(bounds);
  }

  /** The calibration's applicability, the learned parameters' existence, the capabilities. */
  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = new PhysicsOnlyBaseline(defaults.optimizer()).applicability(task);
    if (!a.applicable()) {
      return a;
    }
    for (var e : bounds.entrySet()) {
      if (task.mechanism().parameters().stream().noneMatch(p -> p.name().equals(e.getKey()))) {
        return Applicability.no("mechanism " + task.mechanism().name() + " has no parameter "
            + e.getKey());
      }
    }
    return capabilities().check(task);
  }

  /** The bounded head for a task (bounds clipped to the mechanism's). */
  public BoundedParameterHead head(CouplingTask task) {
    List<String> names = List.copyOf(bounds.keySet());
    double[] lo = new double[names.size()];
    double[] hi = new double[names.size()];
    for (int j = 0; j < lo.length; j++) {
      ParameterInfo info = task.mechanism().parameter(names.get(j));
      lo[j] = Math.max(info.lower(), bounds.get(names.get(j))[0]);
      hi[j] = Math.min(info.upper(), bounds.get(names.get(j))[1]);
    }
    return new BoundedParameterHead(names, lo, hi);
  }

  @Override
  protected Result run(CouplingTask task) {
    BoundedParameterHead head = head(task);
    long t0 = System.nanoTime();
    Budget.SafetyCap cap = task.budget().startCap();
    Calibration cal = new MechanismCalibrator(defaults.optimizer()).calibrate(task);
    List<String> vars = cal.variables();
    FeatureSpec fs = AdjointTraining.features(task);
    double[][] x = fs.matrix(task.forcing(), task.auxiliary());
    double[] bias = new double[head.width()];
    for (int j = 0; j < bias.length; j++) {
      bias[j] = head.raw(j, cal.parameters().get(head.parameters().get(j)));
    }
    double[] scale = new double[head.width()];
    java.util.Arrays.fill(scale, 0.5);
    Regressor net = AdjointTraining.network(new int[] {16}, x, bias, scale, task.seed());
    ModelInput base = new ModelInput(task.forcing(), cal.parameters(), Map.of(), vars,
        task.initialObservations());
    AdjointTraining.Objective obj = AdjointTraining.Objective.of(task, vars);
    AdjointTraining.Result r = AdjointTraining.train(task.mechanism(), base, head, net, x, obj,
        task.budget().scale(150, 400, 1000), 1e-2, task.budget().scale(40, 80, 150),
        L2, cap);
    double fitSeconds = (System.nanoTime() - t0) * 1e-9;
    long t1 = System.nanoTime();
    List<String> simulable = task.targets().stream().filter(task.mechanism()::canSimulate)
        .toList();
    List<String> check = List.of(Variables.RNET, Variables.QG, Variables.QHQLE);
    List<String> outs = new java.util.ArrayList<>(simulable);
    check.stream().filter(c -> !outs.contains(c)).forEach(outs::add);
    ModelRun run = task.mechanism().run(head.apply(base.withOutputs(outs), r.u()));
    Frame pred = run.outputs().select(simulable);
    double predictSeconds = (System.nanoTime() - t1) * 1e-9;
    double[][] series = head.series(r.u());
    Diagnostics.Builder d = Diagnostics.builder().curve("loss", r.loss())
        .curve("validationLoss", r.validationLoss()).scalar("epochs", r.epochs())
        .scalar("bestEpoch", r.bestEpoch()).scalar("physicsRuns", r.epochs() + 1)
        .scalar("boundViolation", head.boundViolation(r.u()))
        .scalar("energyResidualMaxAbs", energyResidual(run.outputs()))
        .scalar("calibrationEvaluations", cal.evaluations());
    cap.report(d);
    for (int j = 0; j < head.width(); j++) {
      String p = head.parameters().get(j);
      d.curve(p, series[j]).scalar(p + ".min", min(series[j])).scalar(p + ".max", max(series[j]))
          .scalar(p + ".calibrated", cal.parameters().get(p));
    }
    d.note("learned " + head.parameters() + " within " + java.util.Arrays.toString(head.lower())
        + ".." + java.util.Arrays.toString(head.upper()) + "; constants calibrated "
        + cal.fitted() + "; misfit on " + vars);
    if (simulable.size() < task.targets().size()) {
      d.note("cannot simulate " + task.targets().stream().filter(t -> !simulable.contains(t))
          .toList());
    }
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("learned", head.parameters().toString());
    cfg.put("bounds", java.util.Arrays.toString(head.lower()) + java.util.Arrays.toString(
        head.upper()));
    cfg.put("network", "core Learner MLP[16] tanh, Adam 1e-2 through the adjoint");
    Map<String, Double> fitted = new LinkedHashMap<>(cal.fitted());
    head.parameters().forEach(fitted::remove);
    return new Result(pred, fitted, d.build(), cfg, predictSeconds)
        .timed(fitSeconds, predictSeconds).withCalibration(cal.id());
  }

  /** Max |Rnet - Qg - QhQle| over the run. */
  static double energyResidual(Frame out) {
    double[] rn = out.values(Variables.RNET);
    double[] g = out.values(Variables.QG);
    double[] h = out.values(Variables.QHQLE);
    double m = 0;
    for (int i = 0; i < rn.length; i++) {
      m = Math.max(m, Math.abs(rn[i] - g[i] - h[i]));
    }
    return m;
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }
}
