package org.cml4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MomentsTest {
  @Test
  void countsSumsAndVarianceOfTheNonNanValuesInTheRange() {
    double[] v = {9, 1, Double.NaN, 2, 3, Double.NaN, 4, 100};
    Moments m = Moments.of(v, 1, 7);
    assertThat(m.count()).isEqualTo(4);
    assertThat(m.sum()).isEqualTo(10.0);
    assertThat(m.sumSquares()).isEqualTo(30.0);
    assertThat(m.variance()).isEqualTo(1.25); // population variance of 1, 2, 3, 4
    assertThat(Moments.of(v).count()).isEqualTo(6);
  }

  @Test
  void theVarianceIsTheOnePassFormulaToTheBitAndNanWithoutValues() {
    double[] v = {0.1, 0.7, Double.NaN, 1.3, 2.9, 0.3};
    double s = 0;
    double s2 = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        s2 += x * x;
        n++;
      }
    }
    assertThat(Moments.of(v).variance()).isEqualTo(s2 / n - (s / n) * (s / n));
    assertThat(Moments.of(new double[] {Double.NaN}).variance()).isNaN();
    assertThat(Moments.of(new double[0]).count()).isZero();
  }
}
