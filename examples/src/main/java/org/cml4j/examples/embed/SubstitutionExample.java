package org.cml4j.examples.embed;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.substitution.ColumnEmulatorCoupling;
import org.cml4j.embed.substitution.SurfaceEmulatorCoupling;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;

/**
 * Mode 4, emulators: on a 30-day structural twin (9 days of training observations), calibrates the
 * simple column, then (a) replaces its surface energy-balance update by an MLP and (b) replaces
 * the whole hourly step by a ridge + MLP emulator trained on the 1 mm / 1 min reference, and rolls
 * both out over the month. Prints rollout errors against the physics each replaces, costs per
 * step, and test-period RMSE against the truth next to the calibrated physics.
 * Run: {@code java -cp embed/target/classes:... org.cml4j.examples.embed.SubstitutionExample}.
 */
public final class SubstitutionExample {
  private SubstitutionExample() {}

  /**
   * Outcome.
   *
   * @param surface diagnostics of the surface emulator
   * @param column diagnostics of the column emulator
   * @param surfaceTest test RMSE of the surface-emulated model against the truth
   * @param columnTest test RMSE of the column emulator
   * @param baselineTest test RMSE of the calibrated physics
   */
  public record Result(Map<String, Double> surface, Map<String, Double> column,
      Map<String, Double> surfaceTest, Map<String, Double> columnTest,
      Map<String, Double> baselineTest) {}

  /** The 30-day twin task used here. */
  public static TwinScenario scenario(long seed) {
    return TwinScenario.builder().days(30).seed(seed).resolution(201, 12).build();
  }

  private static final List<String> TARGETS = List.of("SurfTemp", "SoilTemp_0.05",
      "SoilTemp_0.2", "Qg");

  /** The task on {@link #scenario(long)}: 30 % training, 10 % validation, tiny budget. */
  public static CouplingTask task(TwinScenario sc, long seed) {
    return sc.task(TwinScenario.TaskOptions.standard().withSplit(0.3, 0.1)
        .withTargets(TARGETS).withBudget(Budget.tiny()).withSeed(seed));
  }

  public static Result run(long seed) {
    TwinScenario sc = scenario(seed);
    List<String> targets = TARGETS;
    CouplingTask task = task(sc, seed);
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution s = new SurfaceEmulatorCoupling(d).solve(task);
    CouplingSolution c = new ColumnEmulatorCoupling(d).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    Frame truth = sc.truthFrame(targets);
    return new Result(s.diagnostics().scalars(), c.diagnostics().scalars(),
        ExampleSupport.testRmse(task, s, truth, targets),
        ExampleSupport.testRmse(task, c, truth, targets),
        ExampleSupport.testRmse(task, b, truth, targets));
  }

  public static void main(String[] args) {
    Result r = run(8);
    System.out.printf("surface emulator: rollout RMSE vs physics SurfTemp %.3f K (last week %.3f),"
        + " max dev %.2f K; %.1f us/step vs physics %.1f us/step%n",
        r.surface().get("rolloutRmseVsPhysics_SurfTemp"),
        r.surface().get("lastWeekRmseVsPhysics_SurfTemp"),
        r.surface().get("rolloutMaxDevVsPhysics_SurfTemp"), r.surface().get("emulatorStepMicros"),
        r.surface().get("physicsStepMicros"));
    System.out.printf("column emulator: rollout RMSE vs 1 mm/1 min reference SurfTemp %.3f K"
        + " (coarse physics %.3f), 20 cm %.3f (%.3f); spectral radius %.4f;"
        + " %.1f us/step vs reference %.0f us/step (wall-clock speed-up, median %.0fx; thread CPU"
        + " %.0fx), coarse physics %.1f%n",
        r.column().get("rolloutRmseVsReference_SurfTemp"),
        r.column().get("coarsePhysics_rolloutRmseVsReference_SurfTemp"),
        r.column().get("rolloutRmseVsReference_SoilTemp_0.2"),
        r.column().get("coarsePhysics_rolloutRmseVsReference_SoilTemp_0.2"),
        r.column().get("linearSpectralRadius"), r.column().get("emulatorStepMicros"),
        r.column().get("referenceStepMicros"), r.column().get("speedupVsReference"),
        r.column().get("speedupVsReferenceCpu"),
        r.column().get("coarsePhysicsStepMicros"));
    ExampleSupport.print("test RMSE surface emulator", r.surfaceTest());
    ExampleSupport.print("test RMSE column emulator", r.columnTest());
    ExampleSupport.print("test RMSE physics only", r.baselineTest());
  }
}
