package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;
import static org.assertj.core.data.Percentage.withPercentage;

import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards the mode-6 inversion numbers (README row 6, docs/modes/embedding.md) on
 * huang2025-2depth, seed 3, deterministic: one constant per claim with the measured value,
 * asserted within {@link Measured#TOLERANCE}; run counts exactly. Times are not asserted.
 */
class SolvingExampleTest {
  /** Adjoint Adam inversion, 3 starts: largest relative parameter error (measured 1.89e-3). */
  static final double ADJOINT_MAX_ERROR = 1.89e-3;
  /** Its forward + adjoint runs (measured 895). */
  static final double ADJOINT_RUNS = 895;
  /** Surrogate inversion: physics evaluations 100 training + 1 verification + 5 fallback. */
  static final double SURROGATE_PHYSICS_EVALUATIONS = 106;
  /** Its largest error after the fallback (measured 2.54e-3, the physics-only LM optimum). */
  static final double SURROGATE_MAX_ERROR = 2.54e-3;
  /** Tangent-Jacobian LM needs fewer evaluations than the surrogate (measured 20; reported). */
  static final double PHYSICS_ONLY_LM_EVALUATIONS = 20;
  /**
   * Amortised inverse, noise 0 / 0.1 / 0.5 K: one-pass largest relative error (noise 0, seeds
   * 1 and 2: 0.039, 0.076).
   */
  static final double[] AMORTISED_ONE_PASS = {0.0451, 0.189, 0.220};
  /** Same after LM refinement (5 evaluations each). */
  static final double[] AMORTISED_REFINED = {2.54e-3, 9.98e-3, 4.86e-2};

  @Test
  void adjointSurrogateAndAmortisedInversionsRecoverTheHuangParameters() {
    SolvingExample.Result r = SolvingExample.run(SharedData.dir(), 3);
    assertThat(SolvingExample.maxError(r.adjoint(), r.truth()))
        .isCloseTo(ADJOINT_MAX_ERROR, TOLERANCE);
    assertThat(r.adjointRuns()).isEqualTo(ADJOINT_RUNS);
    var s = r.surrogate();
    assertThat(SolvingExample.maxError(r.surrogateFitted(), r.truth()))
        .isCloseTo(SURROGATE_MAX_ERROR, TOLERANCE);
    assertThat(s.get("fellBack") > 0).isEqualTo(s.get("disagreementAtOptimum")
        > s.get("tolerance"));
    assertThat(s.get("physicsEvaluations")).isEqualTo(SURROGATE_PHYSICS_EVALUATIONS)
        .isEqualTo(s.get("trainingRuns") + 1 + s.get("fallbackEvaluations"));
    // saved against the Adam inversion: 895 - 106 = 789 runs
    assertThat(r.adjointRuns() - s.get("physicsEvaluations")).isEqualTo(789.0);
    // honest: the tangent-LM physics inversion needs fewer evaluations than surrogate training
    // at this budget, and reaches the same parameters
    assertThat(s.get("physicsOnlyEvaluations")).isEqualTo(PHYSICS_ONLY_LM_EVALUATIONS);
    for (String p : r.surrogateFitted().keySet()) {
      assertThat(r.surrogateFitted().get(p)).as(p)
          .isCloseTo(s.get("physicsOnly_" + p), withPercentage(1));
    }
    assertThat(r.amortised()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      SolvingExample.Amortised a = r.amortised().get(i);
      assertThat(a.onePassError()).as("one pass, noise " + a.noise())
          .isCloseTo(AMORTISED_ONE_PASS[i], TOLERANCE);
      assertThat(a.refinedError()).as("refined, noise " + a.noise())
          .isCloseTo(AMORTISED_REFINED[i], TOLERANCE);
      assertThat(a.refineEvaluations()).isEqualTo(5);
    }
  }
}
