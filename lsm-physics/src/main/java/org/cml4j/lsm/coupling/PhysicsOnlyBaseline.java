package org.cml4j.lsm.coupling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Baseline "physics only (calibrated)": the mechanism's constant parameters are fitted by
 * multi-start Levenberg–Marquardt to every observed variable it can simulate over the training
 * period, then the mechanism predicts every target it can simulate. Targets it cannot simulate
 * (e.g. Qh and Qle separately for the single-hbeta model) are left out of the predictions.
 */
public final class PhysicsOnlyBaseline implements Approach {
  /** Registry-style name. */
  public static final String NAME = "baseline.physics-only";
  private final OptimizerSettings settings;

  public PhysicsOnlyBaseline(OptimizerSettings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "calibrated physics only: LM fit of the mechanism parameters to the training period";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(java.util.Set.of(Requirement.DIFFERENTIABLE_MECHANISM), true, true,
        24);
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = capabilities().check(task);
    if (!a.applicable()) {
      return a;
    }
    if (calibrationVariables(task).isEmpty()) {
      return Applicability.no("no observed variable the mechanism can simulate");
    }
    if (task.targets().stream().noneMatch(task.mechanism()::canSimulate)) {
      return Applicability.no("mechanism simulates none of the targets " + task.targets());
    }
    return a;
  }

  @Override
  public String category() {
    return "baseline (physics)";
  }

  /** Observed variables with training data that the mechanism simulates. */
  public static List<String> calibrationVariables(CouplingTask task) {
    List<String> out = new ArrayList<>();
    for (String v : task.observed()) {
      if (task.mechanism().canSimulate(v)
          && task.observations().countValid(v, 0, task.split().trainEnd()) >= 2) {
        out.add(v);
      }
    }
    return out;
  }

  /** Parameters to fit: the task's list, or every parameter except known ones and eps. */
  public static List<String> fitParameters(CouplingTask task) {
    if (!task.fitParameters().isEmpty()) {
      return task.fitParameters();
    }
    return task.mechanism().parameters().stream().map(ParameterInfo::name)
        .filter(n -> !task.knownParameters().containsKey(n) && !n.equals("eps")).toList();
  }

  /**
   * First guess: nominal values, the task's known parameters, and for the land-surface model Tb
   * from the mean of the deepest observed soil temperature over the training period.
   */
  public static Map<String, Double> firstGuess(CouplingTask task) {
    Map<String, Double> g = new LinkedHashMap<>();
    MechanismModel m = task.mechanism();
    m.parameters().forEach(p -> g.put(p.name(), p.nominal()));
    g.putAll(task.knownParameters());
    String deepest = null;
    for (String v : task.observed()) {
      if (Variables.isSoilTemperature(v) && (deepest == null
          || Variables.depthOf(v) > Variables.depthOf(deepest))) {
        deepest = v;
      }
    }
    if (deepest != null && g.containsKey("Tb") && !task.knownParameters().containsKey("Tb")) {
      double[] v = task.observations().values(deepest, 0, task.split().trainEnd());
      double s = 0;
      int n = 0;
      for (double x : v) {
        if (!Double.isNaN(x)) {
          s += x;
          n++;
        }
      }
      if (n > 0) {
        g.put("Tb", m.parameter("Tb").check(s / n));
      }
    }
    return g;
  }

  /** Calibrates the mechanism on the training period of the task. */
  public Calibration calibrate(CouplingTask task) {
    List<String> vars = calibrationVariables(task);
    if (vars.isEmpty()) {
      throw new IllegalArgumentException("task " + task.name() + ": no observed variable the"
          + " mechanism " + task.mechanism().name() + " can simulate; observed " + task.observed());
    }
    return new MechanismCalibrator(settings).calibrate(new MechanismCalibrator.Problem(
        task.mechanism(), task.forcing(), task.observations(), vars, 0, task.split().trainEnd(),
        fitParameters(task), firstGuess(task), task.initialObservations(), task.seed()));
  }

  @Override
  public CouplingSolution solve(CouplingTask task) {
    Applicability a = applicability(task);
    if (!a.applicable()) {
      throw new IllegalArgumentException(NAME + " cannot address task " + task.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    Calibration cal = calibrate(task);
    long t1 = System.nanoTime();
    List<String> simulable = task.targets().stream().filter(task.mechanism()::canSimulate)
        .toList();
    ModelRun run = task.mechanism().run(new ModelInput(task.forcing(), cal.parameters(),
        Map.of(), simulable, task.initialObservations()));
    Frame pred = run.outputs();
    long t2 = System.nanoTime();
    Diagnostics d = Diagnostics.builder().scalar("cost", cal.cost())
        .scalar("rmsWeightedResidual", cal.rmsWeightedResidual())
        .scalar("iterations", cal.iterations()).scalar("physicsEvaluations", cal.evaluations())
        .note("calibrated against " + calibrationVariables(task))
        .note(simulable.size() < task.targets().size() ? "cannot simulate "
            + task.targets().stream().filter(x -> !simulable.contains(x)).toList() : "")
        .build();
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("optimizer", settings.toString());
    cfg.put("fit", fitParameters(task).toString());
    return new CouplingSolution(NAME, pred, cal.fitted(), d, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
        RunProvenance.of(NAME, "cml4j-lsm-physics", cfg, task.seed(), task.fingerprint()));
  }
}
