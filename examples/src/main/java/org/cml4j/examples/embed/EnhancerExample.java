package org.cml4j.examples.embed;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.substitution.EnhancerCoupling;
import org.cml4j.embed.substitution.HighResolutionModel;
import org.cml4j.examples.ExampleInfo;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.lsm.rich.RichTrajectory;
import org.cml4j.testbeds.twin.TwinScenario;

/**
 * Mode 4, enhancer. Truth: layered soil with moisture-dependent conductivity on 2.5 mm nodes and
 * 3-minute steps, constant hbeta 25. The high-resolution model is a separate, finer run (1 mm /
 * 1 min) with the same soil structure and known moisture but the surface parameters (albedo,
 * hbeta, Tb) calibrated on the training period and the coarse model's initial profile — it is
 * not the truth, so its own error is measured too. It provides the pseudo-observations; the
 * coarse column (1 cm, 1 h, uniform soil) gets learned lambda(t), C(t), hbeta(t) inside its step.
 * Compares test-period errors against the truth: coarse, coarse + enhancer and the
 * high-resolution run.
 */
@ExampleInfo(name = "enhancer", mode = 4,
    summary = "coarse model + learned correction trained on a high-resolution layered truth")
public final class EnhancerExample {
  private EnhancerExample() {}

  /**
   * Runs the example; test RMSEs [K] of the runs {@code "coarse (calibrated)"},
   * {@code "coarse + enhancer"} and {@code "high resolution"} (a separate, finer run with
   * calibrated surface parameters; not the truth). No diagnostics.
   */
  public static Outcome run(long seed) {
    TwinScenario sc = TwinScenario.builder().days(24).seed(seed).resolution(401, 20)
        .constantHbeta(25).build();
    List<String> targets = List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2");
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard().withSplit(0.5, 0.15)
        .withObserved(targets).withTargets(targets).withBudget(Budget.tiny()).withSeed(seed));
    CouplingDefaults d = CouplingDefaults.standard();
    HighResolutionModel fine = HighResolutionModel.withSoil(1001, 60, sc.model().soil(),
        sc.moisture());
    RichTrajectory[] fineRun = new RichTrajectory[1];
    CouplingSolution e = new EnhancerCoupling(d, (t, c) -> fineRun[0] = fine.run(t, c))
        .solve(task);
    CouplingSolution b = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    var rmse = ExampleSupport.TestRmse.onTwin(sc, task);
    CouplingSolution hi = new CouplingSolution("high-resolution", fineRun[0].frame(sc.axis(),
        targets), Map.of(), e.diagnostics(), 0, 0, e.provenance());
    return new Outcome(ExampleSupport.labelled(List.of("coarse (calibrated)", "coarse + enhancer",
        "high resolution"), List.of(rmse.of(b), rmse.of(e), rmse.of(hi))), Map.of());
  }

  public static void main(String[] args) {
    run(8).printTestRmse();
  }
}
