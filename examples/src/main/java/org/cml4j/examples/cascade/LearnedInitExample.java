package org.cml4j.examples.cascade;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.cml4j.cascade.preprocessing.Huang2025LearnedStart;
import org.cml4j.cascade.preprocessing.LearnedInitCoupling;
import org.cml4j.testbeds.twin.CascadeTwins;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 1, learned initialisation: (a) on the structural twin, {@code cascade.learned-init} (one
 * LM start from the network's estimate) against the calibrated physics-only baseline (multi-start
 * LM): model evaluations, fitted parameters, test RMSE; (b) with a data folder argument, the
 * paper's two-depth experiment ({@link Huang2025LearnedStart}): Adam from learned vs the paper's
 * random starts. Run: {@code ... org.cml4j.examples.cascade.LearnedInitExample [shared/data]}.
 */
@ExampleInfo(name = "learned-init", mode = 1, arguments = "[data dir: adds huang2025-2depth]",
    summary = "network trained on physics samples seeds the inversion; evaluations vs random "
        + "starts")
public final class LearnedInitExample {
  private LearnedInitExample() {}

  /**
   * The twin comparison.
   *
   * @param baselineEvaluations LM model evaluations (with tangents) of the baseline
   * @param learnedEvaluations LM model evaluations of the learned start
   * @param sampleSimulations forward runs spent on training samples
   * @param maxRelativeParameterDifference largest |learned - baseline| / |baseline| over the
   *     fitted parameters
   * @param test test-period RMSE
   * @param learnedParameters fitted parameters of the coupling
   */
  public record Outcome(int baselineEvaluations, int learnedEvaluations, int sampleSimulations,
      double maxRelativeParameterDifference, Comparison test,
      Map<String, Double> learnedParameters) {}

  public static Outcome run(long seed, Budget budget) {
    TwinCase c = CascadeTwins.structural(seed, budget);
    CouplingDefaults d = CouplingDefaults.standard();
    CouplingSolution base = new PhysicsOnlyBaseline(d.optimizer()).solve(c.task());
    CouplingSolution s = new LearnedInitCoupling(d).solve(c.task());
    double maxDiff = 0;
    for (var e : base.parameters().entrySet()) {
      maxDiff = Math.max(maxDiff, Math.abs(s.parameters().get(e.getKey()) - e.getValue())
          / Math.abs(e.getValue()));
    }
    Comparison test = new Comparison("test-period RMSE, structural twin seed " + seed);
    for (String v : c.task().targets()) {
      test.put(PhysicsOnlyBaseline.NAME, v, c.testRmse(v, base.prediction(v)));
      test.put(LearnedInitCoupling.NAME, v, c.testRmse(v, s.prediction(v)));
    }
    return new Outcome(base.diagnostics().scalars().get("physicsEvaluations").intValue(),
        s.diagnostics().scalars().get("physicsEvaluations").intValue(),
        s.diagnostics().scalars().get("sampleSimulations").intValue(), maxDiff, test,
        s.parameters());
  }

  /** Network settings of the huang2025 comparison. */
  public static LearnerSpec huangSpec() {
    return LearnerSpec.mlp(64, 64).withEpochs(150).withBatchSize(64).withPatience(20)
        .withLearningRate(5e-3).withSeed(3);
  }

  public static void main(String[] args) {
    Outcome o = run(1, Budget.tiny());
    System.out.printf("twin: baseline %d LM evaluations, learned start %d (+ %d sample"
        + " simulations); max relative parameter difference %.2g%n%s%n", o.baselineEvaluations(),
        o.learnedEvaluations(), o.sampleSimulations(), o.maxRelativeParameterDifference(),
        o.test().table());
    if (args.length > 0) {
      Huang2025LearnedStart.Outcome h = Huang2025LearnedStart.run(Path.of(args[0])
          .resolve("huang2025-synthetic"), 600, huangSpec(), 3, 2, 10, 25, 50, 100);
      System.out.println("huang2025-2depth learned estimate " + h.estimate());
      System.out.println("Adam step budgets " + Arrays.toString(h.adamBudgets()) + ", starts"
          + " within 1 % of lambda: paper starts " + Arrays.toString(h.curveRandom())
          + ", learned starts " + Arrays.toString(h.curveLearned()) + ", learned starts and"
          + " rates " + Arrays.toString(h.curveLearnedSteps()));
      System.out.println("Adam 151 steps: paper starts " + h.adamRandom() + "; learned "
          + h.adamLearned() + "; learned rates " + h.adamLearnedSteps());
      System.out.println("LM: paper starts " + h.lmRandom() + "; learned " + h.lmLearned());
      System.out.printf("%d sample simulations, %.1f s%n", h.sampleSimulations(), h.seconds());
    }
  }
}
