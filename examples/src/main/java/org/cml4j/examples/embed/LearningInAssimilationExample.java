package org.cml4j.examples.embed;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.adjustment.AnalysisEmulatorCoupling;
import org.cml4j.embed.adjustment.EnkfConfig;
import org.cml4j.embed.adjustment.EnkfSetup;
import org.cml4j.embed.adjustment.ModelErrorCoupling;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;

/**
 * Mode 5, learning in the assimilation cycle, on a 20-day structural twin whose truth has layered,
 * moisture-dependent soil and a varying Bowen ratio (the calibrated simple model is biased): (a) a
 * network learns the systematic part of the EnKF's analysis increments and corrects the forecast
 * step — test-period RMSE with and without the correction; (b) a network emulates the analysis
 * step — analysis RMSE of the EnKF and of the emulated analysis over the validation period, and
 * the cost of one cycle of each.
 */
public final class LearningInAssimilationExample {
  private LearningInAssimilationExample() {}

  /**
   * Outcome.
   *
   * @param corrected test RMSE of the corrected filter against the truth
   * @param plain same filter without the correction
   * @param baseline calibrated physics only
   * @param analysis diagnostics of the analysis emulator
   * @param emulatedTest test RMSE of the analysis-emulator run (forecast from its last analysis)
   */
  public record Result(Map<String, Double> corrected, Map<String, Double> plain,
      Map<String, Double> baseline, Map<String, Double> analysis,
      Map<String, Double> emulatedTest) {}

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

  public static Result run(long seed) {
    TwinScenario sc = scenario(seed);
    List<String> targets = TARGETS;
    CouplingTask task = task(sc, seed);
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution c = new ModelErrorCoupling(d).solve(task);
    CouplingSolution p = new ModelErrorCoupling(d, EnkfConfig.standard(), EnkfSetup.defaults(),
        false).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    CouplingSolution a = new AnalysisEmulatorCoupling(d).solve(task);
    Frame truth = sc.truthFrame(targets);
    return new Result(ExampleSupport.testRmse(task, c, truth, targets),
        ExampleSupport.testRmse(task, p, truth, targets),
        ExampleSupport.testRmse(task, b, truth, targets), a.diagnostics().scalars(),
        ExampleSupport.testRmse(task, a, truth, targets));
  }

  public static void main(String[] args) {
    Result r = run(4);
    ExampleSupport.print("test RMSE corrected EnKF", r.corrected());
    ExampleSupport.print("test RMSE plain EnKF", r.plain());
    ExampleSupport.print("test RMSE physics only", r.baseline());
    ExampleSupport.print("test RMSE analysis emulator", r.emulatedTest());
    System.out.printf("analysis emulator: validation analysis RMSE SurfTemp EnKF %.3f emulated"
        + " %.3f, 5 cm %.3f / %.3f; cycle %.0f us (EnKF) vs %.1f us (emulated), wall-clock speed-up"
        + " median %.0fx, thread CPU %.0fx%n",
        r.analysis().get("validationAnalysisRmseEnkf_SurfTemp"),
        r.analysis().get("validationAnalysisRmseEmulated_SurfTemp"),
        r.analysis().get("validationAnalysisRmseEnkf_SoilTemp_0.05"),
        r.analysis().get("validationAnalysisRmseEmulated_SoilTemp_0.05"),
        r.analysis().get("enkfCycleMicros"), r.analysis().get("emulatedCycleMicros"),
        r.analysis().get("speedup"), r.analysis().get("speedupCpu"));
  }
}
