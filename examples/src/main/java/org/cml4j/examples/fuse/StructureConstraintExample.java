package org.cml4j.examples.fuse;

import java.util.List;
import java.util.Locale;
import org.cml4j.core.metrics.PhysicsConsistency;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.fuse.FusePlugin;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.fuse.structure.PhysicsLayerCoupling;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 9 example on the structural twin (3 days observed, 2 days test): (a) the unconstrained
 * network (the mode-7 network: forcing plus calibrated-physics inputs) against the same network
 * with the energy-conserving output layer, with the largest energy-balance violation of each over
 * the whole period; (b) the calibrated physics against the
 * physics layer — a network predicting hbeta(t) within bounds, followed by the mechanism, trained
 * through its adjoint — with the largest bound violation and energy-balance residual. Run:
 * {@code org.cml4j.examples.fuse.StructureConstraintExample}.
 */
@ExampleInfo(name = "structure-constraint", mode = 9,
    summary = "energy-conserving output layer and physics as the last layer")
public final class StructureConstraintExample {
  private StructureConstraintExample() {}

  /**
   * The outcome.
   *
   * @param free the unconstrained network
   * @param conserving the network with the energy-conserving layer
   * @param physicsOnly the calibrated mechanism
   * @param physicsLayer network -> bounded hbeta(t) -> mechanism
   * @param freeViolation largest |Rn - G - Qh - Qle| of the free network [W m-2]
   * @param conservingViolation the same for the conserving network (its own learned albedo)
   */
  public record Result(Score free, Score conserving, Score physicsOnly, Score physicsLayer,
      double freeViolation, double conservingViolation) {}

  /** Runs both comparisons on a task. */
  public static Result run(BenchTask task) {
    CouplingDefaults d = CouplingDefaults.standard();
    Score f = ExampleSupport.run(new PhysicsInputCoupling(d, true), task);
    Score c = ExampleSupport.run(FusePlugin.energyConserving(d), task);
    Score p = ExampleSupport.run(new PhysicsOnlyBaseline(d.optimizer()), task);
    Score l = ExampleSupport.run(new PhysicsLayerCoupling(d), task);
    double alpha = c.solution().diagnostics().scalars().getOrDefault("layer.alpha", 0.2);
    return new Result(f, c, p, l, maxViolation(f.solution(), task.task(), alpha),
        maxViolation(c.solution(), task.task(), alpha));
  }

  /** Largest |energy-balance residual| of a solution's predicted fluxes over the whole axis. */
  public static double maxViolation(CouplingSolution s, CouplingTask t, double albedo) {
    double[] r = PhysicsConsistency.energyBalanceResidual(s.predictions(), t.forcing(), albedo)
        .orElseThrow(() -> new IllegalStateException(s.coupling() + " did not predict all"
            + " fluxes"));
    double m = 0;
    for (double v : r) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  public static void main(String[] args) {
    Result r = run(InputConstraintExample.twin(42));
    System.out.println(ExampleSupport.table(List.of(r.free(), r.conserving(), r.physicsOnly(),
        r.physicsLayer())));
    System.out.printf(Locale.ROOT, "max |Rn - G - Qh - Qle|: free %.3g W m-2, conserving %.3g W"
        + " m-2%n", r.freeViolation(), r.conservingViolation());
    var s = r.physicsLayer().solution().diagnostics().scalars();
    System.out.printf(Locale.ROOT, "physics layer: hbeta %.1f..%.1f (calibrated %.1f), bound"
        + " violation %.3g, max |Rnet - Qg - QhQle| %.3g W m-2%n", s.get("hbeta.min"),
        s.get("hbeta.max"), s.get("hbeta.calibrated"), s.get("boundViolation"),
        s.get("energyResidualMaxAbs"));
  }
}
