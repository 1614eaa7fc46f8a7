package org.cml4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
  static final double NAN = Double.NaN;
  // valid pairs (s, o): (2, 1), (4, 5), (5, 6); index 2 and 3 are gaps
  static final double[] SIM = {2, 4, NAN, 7, 5};
  static final double[] OBS = {1, 5, 3, NAN, 6};

  @Test
  void errorScoresSkipGaps() {
    assertThat(Metrics.rmse(SIM, OBS)).isCloseTo(1.0, within(1e-15)); // sqrt((1+1+1)/3)
    assertThat(Metrics.mae(SIM, OBS)).isCloseTo(1.0, within(1e-15));
    assertThat(Metrics.bias(SIM, OBS)).isCloseTo(-1.0 / 3, within(1e-15)); // (1-1-1)/3
  }

  @Test
  void meanSkipsGapsWithinTheRangeAndIsNaNWithoutValues() {
    assertThat(Metrics.mean(SIM, 0, 5)).isEqualTo(18.0 / 4);
    assertThat(Metrics.mean(OBS, 1, 4)).isEqualTo(4.0); // (5 + 3) / 2, index 3 a gap
    assertThat(Metrics.mean(new double[] {NAN, NAN}, 0, 2)).isNaN();
    assertThat(Metrics.mean(SIM, 2, 2)).isNaN();
  }

  @Test
  void r2AboutObservedMean() {
    // mean_o = 4, SS_tot = 9 + 1 + 4 = 14, SS_res = 3
    assertThat(Metrics.r2(SIM, OBS)).isCloseTo(11.0 / 14, within(1e-15));
    assertThat(Metrics.r2(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isEqualTo(1.0);
    // predicting the observed mean gives 0
    assertThat(Metrics.r2(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isEqualTo(0.0);
  }

  @Test
  void kgeByHand() {
    // s = (2,4,5): mean 11/3, SS = 42/9; o = (1,5,6): mean 4, SS = 14; cross = 8
    double r = 8 / Math.sqrt(42.0 / 9 * 14);
    double alpha = Math.sqrt((42.0 / 9) / 14);
    double beta = (11.0 / 3) / 4;
    double expected = 1 - Math.sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1)
        + (beta - 1) * (beta - 1));
    // by hand: 1 - sqrt(1.05e-4 + 0.17863 + 0.00694) = 0.56909
    assertThat(expected).isCloseTo(0.56909, within(1e-5));
    assertThat(Metrics.kge(SIM, OBS)).isCloseTo(expected, within(1e-14));
    assertThat(Metrics.pearson(SIM, OBS)).isCloseTo(r, within(1e-14));
    assertThat(Metrics.kge(OBS, OBS)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void kgePenalisesScaleAndBias() {
    double[] o = {1, 2, 3, 4};
    double[] doubled = {2, 4, 6, 8}; // r = 1, alpha = 2, beta = 2 -> 1 - sqrt(2)
    assertThat(Metrics.kge(doubled, o)).isCloseTo(1 - Math.sqrt(2), within(1e-14));
  }

  @Test
  void allCollectsScoresAndNaNsUndefinedOnes() {
    Metrics.Scores sc = Metrics.all(SIM, OBS);
    assertThat(sc.n()).isEqualTo(3);
    assertThat(sc.rmse()).isCloseTo(1.0, within(1e-15));
    assertThat(sc.r2()).isCloseTo(11.0 / 14, within(1e-15));
    Metrics.Scores flat = Metrics.all(new double[] {1, 2}, new double[] {3, 3});
    assertThat(flat.rmse()).isCloseTo(Math.sqrt(2.5), within(1e-15));
    assertThat(flat.r2()).isNaN();
    assertThat(flat.kge()).isNaN();
  }

  @Test
  void clearErrors() {
    assertThatThrownBy(() -> Metrics.rmse(new double[] {1, NAN}, new double[] {NAN, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no valid");
    assertThatThrownBy(() -> Metrics.mae(new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("simulated has 2").hasMessageContaining("observed has 1");
    assertThatThrownBy(() -> Metrics.r2(new double[] {1, 2}, new double[] {3, 3}))
        .hasMessageContaining("constant");
    assertThatThrownBy(() -> Metrics.kge(new double[] {1, 2}, new double[] {-1, 1}))
        .hasMessageContaining("observed mean is 0");
    assertThatThrownBy(() -> Metrics.kge(new double[] {1, 1}, new double[] {1, 2}))
        .hasMessageContaining("simulated values are constant");
    assertThatThrownBy(() -> Metrics.bias(new double[] {1, Double.POSITIVE_INFINITY},
        new double[] {1, 2})).hasMessageContaining("index 1");
  }

  @Test
  void columnOfRows() {
    double[][] m = {{1, 2}, {3, 4}};
    assertThat(Metrics.column(m, 1)).containsExactly(2, 4);
    assertThatThrownBy(() -> Metrics.column(m, 2)).hasMessageContaining("column 2");
  }

  @Test
  void rmseObservedSkipsUnobservedStepsButNotFailedSimulations() {
    double[] obs = {1, Double.NaN, 3, 5};
    double[] sim = {2, 100, 3, 3};
    // steps 0, 2, 3 observed: errors 1, 0, -2
    assertThat(Metrics.rmseObserved(sim, obs, 0, 4)).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
    assertThat(Metrics.rmseObserved(new double[] {2, 100, Double.NaN, 3}, obs, 0, 4)).isNaN();
    assertThat(Metrics.rmseObserved(new double[] {2, 100, 3, Double.POSITIVE_INFINITY}, obs, 0, 4))
        .isNaN();
    assertThat(Metrics.rmseObserved(sim, obs, 1, 2)).isNaN();
    // the lenient form skips the failed step instead
    assertThat(Metrics.rmse(new double[] {2, 100, Double.NaN, 3}, obs, 0, 4))
        .isCloseTo(Math.sqrt(5.0 / 2), within(1e-15));
  }
}
