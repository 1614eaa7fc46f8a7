package org.cml4j.examples.embed;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.adjustment.AnalysisEmulatorCoupling;
import org.cml4j.embed.adjustment.EnkfConfig;
import org.cml4j.embed.adjustment.EnkfSetup;
import org.cml4j.embed.adjustment.ModelErrorCoupling;
import org.cml4j.examples.ExampleInfo;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.twin.TwinScenario;

/**
 * Mode 5, learning in the assimilation cycle, on a 20-day structural twin whose truth has layered,
 * moisture-dependent soil and a varying Bowen ratio (the calibrated simple model is biased): (a) a
 * network learns the systematic part of the EnKF's analysis increments and corrects the forecast
 * step — test-period RMSE with and without the correction; (b) a network emulates the analysis
 * step — analysis RMSE of the EnKF and of the emulated analysis over the validation period, and
 * the cost of one cycle of each.
 */
@ExampleInfo(name = "learning-in-assimilation", mode = 5,
    summary = "learned model error from analysis increments; network emulating the analysis step")
public final class LearningInAssimilationExample {
  private LearningInAssimilationExample() {}

  private static final List<String> TARGETS = List.of("SurfTemp", "SoilTemp_0.05",
      "SoilTemp_0.2");

  /** The 20-day structural twin used here. */
  public static TwinScenario scenario(long seed) {
    return TwinScenario.builder().days(20).seed(seed).resolution(201, 12).build();
  }

  /** The task on {@link #scenario(long)}: surface and 5 cm observed, 60 % training. */
  public static CouplingTask task(TwinScenario sc, long seed) {
    return sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "SoilTemp_0.05")).withTargets(TARGETS)
        .withSplit(0.6, 0.15).withBudget(Budget.tiny()).withSeed(seed));
  }

  /**
   * Runs the example; test RMSEs [K] of the runs {@code "corrected EnKF"} (learned model error),
   * {@code "plain EnKF"}, {@code "physics only"} and {@code "analysis emulator"} (forecast from its
   * last analysis); diagnostics of the coupling {@code "analysis emulator"}.
   */
  public static Outcome run(long seed) {
    TwinScenario sc = scenario(seed);
    CouplingTask task = task(sc, seed);
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution c = new ModelErrorCoupling(d).solve(task);
    CouplingSolution p = new ModelErrorCoupling(d, EnkfConfig.standard(), EnkfSetup.defaults(),
        false).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    CouplingSolution a = new AnalysisEmulatorCoupling(d).solve(task);
    var rmse = ExampleSupport.TestRmse.onTwin(sc, task);
    return new Outcome(ExampleSupport.labelled(List.of("corrected EnKF", "plain EnKF",
        "physics only", "analysis emulator"), List.of(rmse.of(c), rmse.of(p), rmse.of(b),
        rmse.of(a))), Map.of("analysis emulator", a.diagnostics().scalars()));
  }

  public static void main(String[] args) {
    Outcome r = run(4);
    r.printTestRmse();
    // validation analysis RMSE [K]; one analysis cycle [us]; wall-clock (median) and CPU speed-up
    r.printDiagnostics("analysis emulator", "validationAnalysisRmseEnkf_SurfTemp",
        "validationAnalysisRmseEmulated_SurfTemp", "validationAnalysisRmseEnkf_SoilTemp_0.05",
        "validationAnalysisRmseEmulated_SoilTemp_0.05", "enkfCycleMicros", "emulatedCycleMicros",
        "speedup", "speedupCpu");
  }
}
