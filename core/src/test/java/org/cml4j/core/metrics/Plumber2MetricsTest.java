package org.cml4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Plumber2MetricsTest {
  // valid pairs (s, o): (2, 1), (4, 5), (5, 6); indices 2 and 3 are gaps
  static final double[] SIM = MetricsTest.SIM;
  static final double[] OBS = MetricsTest.OBS;

  @Test
  void sdDifferenceByHand() {
    // var_s = (42/9)/3 = 14/9, var_o = 14/3 -> sd ratio 1/sqrt(3) -> |1 - 0.57735| = 0.42265
    assertThat(Metrics.sdDifference(SIM, OBS)).isCloseTo(1 - 1 / Math.sqrt(3), within(1e-15));
    assertThat(1 - 1 / Math.sqrt(3)).isCloseTo(0.42265, within(1e-5));
    // doubled amplitude: |1 - 2| = 1; exact: 0
    assertThat(Metrics.sdDifference(new double[] {2, 4, 6}, new double[] {1, 2, 3}))
        .isCloseTo(1.0, within(1e-15));
    assertThat(Metrics.sdDifference(OBS, OBS)).isEqualTo(0.0);
  }

  @Test
  void correlationErrorByHand() {
    // r = 8 / sqrt(42/9 * 14) = 0.989743 -> 1 - r = 0.010257
    assertThat(Metrics.correlationError(SIM, OBS)).isCloseTo(0.010257, within(1e-6));
    assertThat(Metrics.correlationError(new double[] {3, 2, 1}, new double[] {1, 2, 3}))
        .isCloseTo(2.0, within(1e-15));
  }

  @Test
  void percentileErrorsInterpolateLinearly() {
    // type 7, n = 3: h = 2q/100 + 1. q = 5: s 2 + 0.1*2 = 2.2, o 1 + 0.1*4 = 1.4 -> 0.8
    assertThat(Metrics.percentileError(SIM, OBS, 5)).isCloseTo(0.8, within(1e-12));
    // q = 95: s 4 + 0.9*1 = 4.9, o 5 + 0.9*1 = 5.9 -> 1.0
    assertThat(Metrics.percentileError(SIM, OBS, 95)).isCloseTo(1.0, within(1e-12));
    // order does not matter: the percentiles compare distributions, not pairs
    assertThat(Metrics.percentileError(new double[] {3, 2, 1}, new double[] {1, 2, 3}, 95))
        .isEqualTo(0.0);
  }

  @Test
  void plumber2CollectsTheSetAndNaNsUndefinedOnes() {
    Metrics.Plumber2Scores p = Metrics.plumber2(SIM, OBS);
    assertThat(p.n()).isEqualTo(3);
    assertThat(p.mae()).isCloseTo(1.0, within(1e-15));
    assertThat(p.bias()).isCloseTo(-1.0 / 3, within(1e-15));
    assertThat(p.sdDifference()).isCloseTo(0.42265, within(1e-5));
    assertThat(p.correlationError()).isCloseTo(0.010257, within(1e-6));
    assertThat(p.p5Error()).isCloseTo(0.8, within(1e-12));
    assertThat(p.p95Error()).isCloseTo(1.0, within(1e-12));
    Metrics.Plumber2Scores flat = Metrics.plumber2(new double[] {2, 2}, new double[] {1, 3});
    assertThat(flat.correlationError()).isNaN(); // constant simulation: r undefined
    assertThat(flat.sdDifference()).isEqualTo(1.0); // sd_s = 0
    assertThat(Metrics.plumber2(new double[] {1, 2}, new double[] {3, 3}).sdDifference())
        .isNaN();
  }

  @Test
  void normalisedRanksShareTiesAndSkipNaN() {
    // finite values 1 < 2 = 2 < 3: ranks 1, 2.5, 2.5, 4 -> (r - 1) / 3
    double[] r = Metrics.normalisedRanks(new double[] {3, 1, 2, Double.NaN, 2});
    assertThat(r[0]).isEqualTo(1.0);
    assertThat(r[1]).isEqualTo(0.0);
    assertThat(r[2]).isEqualTo(0.5);
    assertThat(r[3]).isNaN();
    assertThat(r[4]).isEqualTo(0.5);
    assertThat(Metrics.normalisedRanks(new double[] {7})).containsExactly(0.0);
    // a tie of all models puts every one in the middle: mean normalised rank is always 0.5
    assertThat(Metrics.normalisedRanks(new double[] {5, 5})).containsExactly(0.5, 0.5);
  }
}
