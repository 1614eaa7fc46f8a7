package org.cml4j.core.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.cml4j.core.spi.PredictiveDistribution;
import org.junit.jupiter.api.Test;

class ProbabilisticScoresTest {
  @Test
  void ensembleCrpsOfGaussianQuantilesMatchesTheClosedForm() {
    double mu = 2;
    double sigma = 1.5;
    double[] z = Predictives.normalScores(400);
    double[] x = new double[z.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = mu + sigma * z[i];
    }
    for (double y : new double[] {-3, 0.5, 2, 2.7, 9}) {
      double exact = ProbabilisticScores.gaussianCrps(mu, sigma, y);
      // quantile members at (i - 0.5)/m: discretisation error about sigma / m
      assertEquals(exact, ProbabilisticScores.crps(x, y), 2e-3 * sigma, "y = " + y);
    }
  }

  @Test
  void ensembleCrpsOfRandomSamplesMatchesTheClosedFormWithinMonteCarloError() {
    Random r = new Random(7);
    double[] x = new double[20000];
    for (int i = 0; i < x.length; i++) {
      x[i] = -1 + 0.5 * r.nextGaussian();
    }
    double exact = ProbabilisticScores.gaussianCrps(-1, 0.5, 0.3);
    assertEquals(exact, ProbabilisticScores.crps(x, 0.3), 0.01);
  }

  @Test
  void crpsOfAPointIsTheAbsoluteError() {
    assertEquals(2.5, ProbabilisticScores.crps(new double[] {1, 1}, 3.5), 1e-12);
    // two members 0 and 2, y = 1: E|X-y| = 1, E|X-X'| = 1 -> 0.5
    assertEquals(0.5, ProbabilisticScores.crps(new double[] {2, 0}, 1), 1e-12);
  }

  @Test
  void calibratedGaussianCoversNominallyAndHasAFlatPit() {
    int n = 20000;
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      mean[t] = Math.sin(t * 0.01);
      sd[t] = 0.5 + 0.4 * Math.cos(t * 0.003);
    }
    double[] y = gaussianDraws(11, mean, sd);
    PredictiveDistribution d = Predictives.gaussian("test", mean, sd);
    ProbabilisticScores.Scores s = ProbabilisticScores.score(d, y, 0, n);
    assertEquals(n, s.n());
    // binomial sd of a coverage over 20000 draws: 0.0035 (50 %), 0.0021 (90 %)
    assertEquals(0.5, s.coverage50(), 0.011);
    assertEquals(0.9, s.coverage90(), 0.007);
    double meanSd = 0.5;
    assertEquals(2 * 1.6449 * meanSd, s.width90(), 0.01);
    for (double b : s.pit()) {
      assertEquals(0.1, b, 0.007);
    }
    double exact = 0;
    for (int t = 0; t < n; t++) {
      exact += ProbabilisticScores.gaussianCrps(mean[t], sd[t], y[t]);
    }
    assertEquals(exact / n, s.crps(), 0.01 * exact / n);
  }

  @Test
  void tooNarrowDistributionUndercoversWithAUShapedPit() {
    int n = 5000;
    double[] mean = new double[n];
    double[] y = gaussianDraws(3, mean, Predictives.constant(n, 1));
    ProbabilisticScores.Scores s = ProbabilisticScores.score(Predictives.gaussian("narrow", mean,
        Predictives.constant(n, 0.3)), y, 0, n);
    // P(|Z| < 1.645 * 0.3) = 0.377
    assertEquals(0.377, s.coverage90(), 0.03);
    double[] p = s.pit();
    assertEquals(true, p[0] > 0.25 && p[9] > 0.25 && p[5] < 0.05, java.util.Arrays.toString(p));
  }

  @Test
  void nanStepsAreSkippedAndOffsetsAlign() {
    double[][] m = {{0, Double.NaN, 1, 1}, {2, Double.NaN, 3, 3}};
    PredictiveDistribution d = new PredictiveDistribution("two", m);
    double[] obsFromStep2 = {2, Double.NaN};
    ProbabilisticScores.Scores s = ProbabilisticScores.score(d, obsFromStep2, 2, 4, 2);
    assertEquals(1, s.n());
    assertEquals(0.5, s.crps(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0}, s.pit(), 1e-12);
  }

  @Test
  void mixtureOfMembersWithoutNoiseKeepsTheMembers() {
    PredictiveDistribution d = Predictives.mixture("ens", List.of(new double[] {1, 2},
        new double[] {3, 4}), null, 10);
    assertEquals(2, d.size());
    assertArrayEquals(new double[] {2, 3}, d.mean(), 1e-12);
  }

  /** One seeded draw per step from N(mean[t], sd[t]^2). */
  private static double[] gaussianDraws(long seed, double[] mean, double[] sd) {
    Random r = new Random(seed);
    double[] y = new double[mean.length];
    for (int t = 0; t < y.length; t++) {
      y[t] = mean[t] + sd[t] * r.nextGaussian();
    }
    return y;
  }
}
