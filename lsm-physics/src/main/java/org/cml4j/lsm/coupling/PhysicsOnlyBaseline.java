package org.cml4j.lsm.coupling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.uncertainty.LaplacePredictive;
import org.cml4j.core.vars.Frame;

/**
 * Baseline "physics only (calibrated)": the mechanism's constant parameters are calibrated by the
 * shared calibration service ({@link MechanismCalibrator} on {@link CalibrationProblem#from}, the
 * same defaults every coupling's physics uses: multi-start Levenberg–Marquardt on every observed
 * variable it can simulate over the training period), then the mechanism predicts every target it
 * can simulate over the whole axis. Targets it cannot simulate
 * (e.g. Qh and Qle separately for the single-hbeta model) are left out of the predictions.
 * Predictive distribution: {@link LaplacePredictive} (parameter spread from the Laplace
 * approximation plus a noise scale from held-out residuals) for every target with observations.
 */
public final class PhysicsOnlyBaseline implements Approach {
  /** Registry-style name. */
  public static final String NAME = "baseline.physics-only";
  /** One-line description. */
  public static final String DESCRIPTION =
      "calibrated physics only: LM fit of the mechanism parameters to the training period";
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
    return DESCRIPTION;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(java.util.Set.of(Requirement.DIFFERENTIABLE_MECHANISM), true, true,
        24, true);
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = capabilities().check(task);
    if (!a.applicable()) {
      return a;
    }
    if (CalibrationProblem.defaultVariables(task, task.observations()).isEmpty()) {
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

  @Override
  public CouplingSolution solve(CouplingTask task) {
    Applicability a = applicability(task);
    if (!a.applicable()) {
      throw new IllegalArgumentException(NAME + " cannot address task " + task.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    Calibration cal = new MechanismCalibrator(settings).calibrate(task);
    long t1 = System.nanoTime();
    List<String> simulable = task.targets().stream().filter(task.mechanism()::canSimulate)
        .toList();
    Frame pred = cal.simulate(simulable);
    long t2 = System.nanoTime();
    LaplacePredictive.Result unc = LaplacePredictive.of(cal, task, simulable, pred);
    Diagnostics d = Diagnostics.builder().scalar("cost", cal.cost())
        .scalar("rmsWeightedResidual", cal.rmsWeightedResidual())
        .scalar("iterations", cal.iterations()).scalar("physicsEvaluations", cal.evaluations())
        .note("calibrated against " + cal.variables())
        .note("predictive: Laplace approximation at the optimum plus held-out noise scale for "
            + unc.predictive().keySet())
        .note(simulable.size() < task.targets().size() ? "cannot simulate "
            + task.targets().stream().filter(x -> !simulable.contains(x)).toList() : "")
        .build();
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("optimizer", settings.toString());
    cfg.put("fit", cal.problem().fit().toString());
    cfg.put(Calibration.PROVENANCE_KEY, cal.id());
    return new CouplingSolution(NAME, pred, cal.fitted(), d, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
        RunProvenance.of(NAME, "cml4j-lsm-physics", cfg, task.seed(), task.fingerprint()),
        unc.predictive(), unc.posterior());
  }
}
