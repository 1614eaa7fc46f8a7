package org.cml4j.embed.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class SolvingExampleTest {
  @Test
  void adjointSurrogateAndAmortisedInversionsRecoverTheHuangParameters() {
    SolvingExample.Result r = SolvingExample.run(SharedData.dir(), 3);
    assertThat(SolvingExample.maxError(r.adjoint(), r.truth())).isLessThan(0.005);
    var s = r.surrogate();
    assertThat(SolvingExample.maxError(r.surrogateFitted(), r.truth())).isLessThan(0.005);
    assertThat(s.get("fellBack") > 0).isEqualTo(s.get("disagreementAtOptimum")
        > s.get("tolerance"));
    assertThat(s.get("physicsEvaluations")).isEqualTo(s.get("trainingRuns") + 1
        + s.get("fallbackEvaluations"));
    // honest: the tangent-LM physics inversion needs fewer evaluations than surrogate training
    // at this budget, and reaches the same parameters
    assertThat(s.get("physicsOnlyEvaluations")).isLessThan(s.get("physicsEvaluations"));
    for (String p : r.surrogateFitted().keySet()) {
      assertThat(r.surrogateFitted().get(p)).as(p)
          .isCloseTo(s.get("physicsOnly_" + p), org.assertj.core.data.Percentage.withPercentage(1));
    }
    assertThat(r.adjointRuns()).isGreaterThan(s.get("physicsEvaluations"));
    assertThat(r.amortised()).hasSize(3);
    for (SolvingExample.Amortised a : r.amortised()) {
      assertThat(a.refinedError()).as("noise " + a.noise()).isLessThan(a.onePassError());
      assertThat(a.onePassError()).as("noise " + a.noise()).isLessThan(0.5);
      assertThat(a.refineEvaluations()).isLessThan(20);
    }
    assertThat(r.amortised().get(0).onePassError()).isLessThan(0.15);
    assertThat(r.amortised().get(0).refinedError()).isLessThan(0.005);
    assertThat(r.amortised().get(2).refinedError()).isLessThan(0.1);
  }
}
