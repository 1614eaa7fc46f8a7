package org.cml4j.examples.embed;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.substitution.ColumnEmulatorCoupling;
import org.cml4j.embed.substitution.SurfaceEmulatorCoupling;
import org.cml4j.examples.ExampleInfo;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.twin.TwinScenario;

/**
 * Mode 4, emulators: on a 30-day structural twin (9 days of training observations), calibrates the
 * simple column, then (a) replaces its surface energy-balance update by an MLP and (b) replaces
 * the whole hourly step by a ridge + MLP emulator trained on the 1 mm / 1 min reference, and rolls
 * both out over the month. Prints rollout errors against the physics each replaces, costs per
 * step, and test-period RMSE against the truth next to the calibrated physics.
 * Run: {@code java -cp embed/target/classes:... org.cml4j.examples.embed.SubstitutionExample}.
 */
@ExampleInfo(name = "substitution", mode = 4,
    summary = "surface-node and coarse-column emulators: month-long rollout accuracy and speed")
public final class SubstitutionExample {
  private SubstitutionExample() {}

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

  /**
   * Runs the example; test RMSEs [K, W m-2] of the runs {@code "surface emulator"},
   * {@code "column emulator"} and {@code "physics only"}; diagnostics of the couplings
   * {@code "surface emulator"} and {@code "column emulator"}.
   */
  public static Outcome run(long seed) {
    TwinScenario sc = scenario(seed);
    CouplingTask task = task(sc, seed);
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution s = new SurfaceEmulatorCoupling(d).solve(task);
    CouplingSolution c = new ColumnEmulatorCoupling(d).solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    var rmse = ExampleSupport.TestRmse.onTwin(sc, task);
    return new Outcome(ExampleSupport.labelled(List.of("surface emulator", "column emulator",
        "physics only"), List.of(rmse.of(s), rmse.of(c), rmse.of(b))),
        ExampleSupport.labelled(List.of("surface emulator", "column emulator"),
            List.of(s.diagnostics().scalars(), c.diagnostics().scalars())));
  }

  public static void main(String[] args) {
    Outcome r = run(8);
    // rollout RMSE and max deviation [K] over the month; step times [us]; speed-ups (wall-clock
    // median, thread CPU); the column emulator against the 1 mm / 1 min reference
    r.printDiagnostics("surface emulator", "rolloutRmseVsPhysics_SurfTemp",
        "lastWeekRmseVsPhysics_SurfTemp", "rolloutMaxDevVsPhysics_SurfTemp", "emulatorStepMicros",
        "physicsStepMicros");
    r.printDiagnostics("column emulator", "rolloutRmseVsReference_SurfTemp",
        "coarsePhysics_rolloutRmseVsReference_SurfTemp", "rolloutRmseVsReference_SoilTemp_0.2",
        "coarsePhysics_rolloutRmseVsReference_SoilTemp_0.2", "linearSpectralRadius",
        "emulatorStepMicros", "referenceStepMicros", "speedupVsReference",
        "speedupVsReferenceCpu", "coarsePhysicsStepMicros");
    r.printTestRmse();
  }
}
