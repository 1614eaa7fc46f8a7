package org.cml4j.core.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.cml4j.core.spi.PredictiveDistribution;
import org.junit.jupiter.api.Test;

class SplitConformalTest {
  @Test
  void exchangeableResidualsGiveNominalCoverageOnNewData() {
    int cal = 2000;
    int n = cal + 20000;
    Random r = new Random(5);
    double[] point = new double[n];
    double[] obs = new double[n];
    for (int t = 0; t < n; t++) {
      point[t] = 10 + Math.sin(t * 0.05);
      // skewed, heavy-ish errors: conformal does not assume a Gaussian
      double e = r.nextGaussian();
      obs[t] = point[t] + (e > 0 ? 2 * e : 0.5 * e) + 0.3;
    }
    PredictiveDistribution d = SplitConformal.around(point, obs, new HeldOut(0, cal, false));
    ProbabilisticScores.Scores s = ProbabilisticScores.score(d, obs, cal, n);
    // finite-sample guarantee >= 0.9; binomial sd over 20000 test steps 0.0021, plus the
    // sampling of the 2000 calibration residuals (~0.007)
    assertEquals(0.90, s.coverage90(), 0.02);
    assertEquals(0.50, s.coverage50(), 0.03);
  }

  @Test
  void tooFewResidualsAreRefused() {
    double[] p = {1, 2, 3};
    double[] o = {Double.NaN, 2, Double.NaN};
    assertThrows(IllegalArgumentException.class,
        () -> SplitConformal.around(p, o, new HeldOut(0, 3, true)));
  }
}
