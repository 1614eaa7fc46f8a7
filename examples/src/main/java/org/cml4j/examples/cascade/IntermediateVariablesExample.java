package org.cml4j.examples.cascade;

import java.util.Map;
import org.cml4j.cascade.intermediate.ConstantFractionSplit;
import org.cml4j.cascade.intermediate.IntermediateVariableCoupling;
import org.cml4j.testbeds.twin.CascadeTwins;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.baseline.LearningOnlyBaseline;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 2, intermediate-variable passing, on the flux-partitioning twin
 * ({@link CascadeTwins#partitioning}: Qh and Qle split by an evaporative fraction that falls with
 * air temperature): {@code cascade.intermediate-variables} against the calibrated physics with a
 * constant evaporative fraction (the physics-only answer) and the learning-only baseline (MLP on
 * forcing), test-period RMSE of Qh and Qle.
 */
@ExampleInfo(name = "intermediate-variables", mode = 2, arguments = "[seed]",
    summary = "physics Ts, Rn - G, soil profile + forcing -> network -> Qh and Qle")
public final class IntermediateVariablesExample {
  private IntermediateVariablesExample() {}

  /**
   * Test-period RMSE [W m-2] of Qh and Qle on the partitioning twin of that seed: physics with a
   * constant evaporative fraction, the learning-only baseline and the coupling.
   */
  public static Comparison run(long seed, Budget budget) {
    TwinCase c = CascadeTwins.partitioning(seed, budget);
    CouplingDefaults d = CouplingDefaults.standard();
    return Comparison.score("test-period RMSE [W m-2], partitioning twin seed " + seed, c,
        Map.of("physics + constant EF", ConstantFractionSplit.predict(c.task(), d.optimizer())),
        LearningOnlyBaseline.standard(), new IntermediateVariableCoupling(d));
  }

  public static void main(String[] args) {
    System.out.println(run(args.length > 0 ? Long.parseLong(args[0]) : 1, Budget.tiny()).table());
  }
}
