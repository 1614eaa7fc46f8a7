package org.cml4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterInfoTest {
  private static final ParameterInfo LAMBDA =
      new ParameterInfo("lambda", "W m-1 K-1", 0.05, 5, 1, true, "conductivity");
  private static final ParameterInfo TB =
      new ParameterInfo("Tb", "K", 150, 400, 290, false, "bottom temperature");

  /** Each coordinate's n strata are hit exactly once; same seed, same design. */
  @Test
  void latinHypercubeHitsEveryStratumOnce() {
    int n = 17;
    double[][] x = ParameterInfo.latinHypercube(n, 3, 7);
    for (int j = 0; j < 3; j++) {
      boolean[] hit = new boolean[n];
      for (double[] row : x) {
        int s = (int) Math.floor(row[j] * n);
        assertThat(hit[s]).isFalse();
        hit[s] = true;
      }
    }
    assertThat(ParameterInfo.latinHypercube(n, 3, 7)).isDeepEqualTo(x);
    assertThat(ParameterInfo.latinHypercube(n, 3, 8)[0][0]).isNotEqualTo(x[0][0]);
  }

  @Test
  void transformsAreLogForPositiveParametersAndClampInside() {
    assertThat(LAMBDA.toU(Math.E)).isEqualTo(1.0);
    assertThat(LAMBDA.fromU(LAMBDA.toU(2.5))).isCloseTo(2.5, org.assertj.core.data.Offset
        .offset(1e-15));
    assertThat(TB.toU(290)).isEqualTo(290);
    assertThat(LAMBDA.fromU(LAMBDA.clampU(50))).isLessThan(5).isGreaterThan(4.99);
    assertThat(TB.clampU(100)).isGreaterThan(150);
    assertThat(TB.clampU(290)).isEqualTo(290);
  }
}
