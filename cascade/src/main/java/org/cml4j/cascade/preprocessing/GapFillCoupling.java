package org.cml4j.cascade.preprocessing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.CascadeCoupling;
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
import org.cml4j.core.vars.VariableSpec;

/**
 * Mode 1, preprocessing (gap filling and quality control): the forcing's gaps are filled by a
 * {@link LearnedGapFiller} (linear interpolation where the network does not beat it on held-out
 * artificial gaps), spikes in the observations are flagged — fluxes by the double-differencing
 * test of Papale et al. (2006) ({@link SpikeDetector}), temperatures by a Hampel filter
 * ({@link OutlierDetector}) — and removed, and the physics is then
 * calibrated on the cleaned training observations and run with the filled forcing. Observation
 * gaps are left out of the calibration's misfit rather than imputed (imputed values would add no
 * information and bias the weights). Targets the mechanism cannot simulate are not predicted.
 */
public final class GapFillCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.gap-fill",
      CouplingMode.PREPROCESSING_AND_INITIALISATION,
      "learned gap filling of the forcing + spike removal of the observations, then calibrated"
      + " physics");
  /** Registry name. */
  public static final String NAME = INFO.name();

  public GapFillCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.differentiableMechanism(), defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    return calibratableTargets(task);
  }

  /**
   * The gap filler for a task's budget: MLP(24, 24), artificial gaps up to 12 steps, 100 / 300 /
   * 800 of them, 30 / 120 / 300 epochs for the TINY / QUICK / FULL budget.
   */
  public static LearnedGapFiller filler(CouplingTask task) {
    LearnerSpec spec = LearnerSpec.mlp(24, 24).withEpochs(task.budget().scale(30, 120, 300))
        .withBatchSize(64).withLearningRate(5e-3).withPatience(15).withSeed(task.seed());
    return new LearnedGapFiller(12, task.budget().scale(100, 300, 800), spec, task.seed());
  }

  /** Observations with flagged spikes removed, and the number flagged per variable. */
  public static Map<String, Integer> removeSpikes(Frame obs, Frame[] out) {
    Map<String, Integer> flagged = new LinkedHashMap<>();
    Frame f = obs;
    for (VariableSpec v : obs.specs()) {
      double[] x = obs.values(v.name());
      boolean[] flags = "K".equals(v.unit()) ? OutlierDetector.hourlyTemperature().flag(x)
          : SpikeDetector.hourlyFlux().flag(x);
      flagged.put(v.name(), OutlierDetector.count(flags));
      for (int i = 0; i < x.length; i++) {
        if (flags[i]) {
          x[i] = Double.NaN;
        }
      }
      f = f.replace(v, x);
    }
    out[0] = f;
    return flagged;
  }

  /**
   * Everything computed, for reports and tests.
   *
   * @param filled the forcing with its gaps filled, and the filler's report per variable
   * @param cleaned the observations with flagged spikes removed
   * @param spikes values removed per observed variable
   * @param result the coupling's result
   */
  public record Analysis(LearnedGapFiller.Filled filled, Frame cleaned,
      Map<String, Integer> spikes, Result result) {}

  @Override
  protected Result run(CouplingTask task) {
    return analyse(task).result();
  }

  /** Fills, cleans, calibrates and predicts (no applicability check). */
  public Analysis analyse(CouplingTask task) {
    List<String> forcingVars = task.mechanism().forcing().stream().map(VariableSpec::name)
        .toList();
    LearnedGapFiller.Filled filled = filler(task).fill(task.forcing(), forcingVars);
    Frame[] cleaned = new Frame[1];
    Map<String, Integer> flagged = removeSpikes(task.observations(), cleaned);
    Frame obs = cleaned[0];
    List<String> simulable = Targets.simulated(task);
    Calibration phys = new MechanismCalibrator(defaults.optimizer())
        .calibrate(CalibrationProblem.on(task, filled.frame(), obs));
    Frame physOut = phys.simulate(simulable);
    long t0 = System.nanoTime();
    Frame pred = filled.frame().select(List.of());
    for (String v : simulable) {
      pred = pred.with(task.targetSpec(v), physOut.values(v));
    }
    Diagnostics.Builder d = Diagnostics.builder().scalar("physicsEvaluations", phys.evaluations());
    filled.reports().forEach((v, r) -> d.scalar("forcingMissing." + v, r.missing())
        .scalar("heldOutRmse.learned." + v, r.learnedRmse())
        .scalar("heldOutRmse.linear." + v, r.linearRmse())
        .note(v + " gaps filled " + (r.usedLearned() ? "by the network" : "linearly")));
    flagged.forEach((v, c) -> d.scalar("spikesRemoved." + v, c));
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("filler", "maxGap 12, MLP(24, 24)");
    cfg.put("optimizer", defaults.optimizer().toString());
    cfg.put(Calibration.PROVENANCE_KEY, phys.id());
    return new Analysis(filled, obs, flagged, new Result(pred, phys.fitted(), d.note(
        "calibrated on " + phys.variables()).build(), cfg, (System.nanoTime() - t0) * 1e-9));
  }
}
