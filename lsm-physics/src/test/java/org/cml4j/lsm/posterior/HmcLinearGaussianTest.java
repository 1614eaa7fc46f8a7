package org.cml4j.lsm.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Check (a): HMC on a linear-Gaussian regression, whose posterior is Gaussian with known mean and
 * covariance; tolerances come from the sampler's own bulk ESS.
 */
class HmcLinearGaussianTest {
  /** y = A theta + N(0, sigma^2), prior theta ~ N(0, tau^2 I); d = 3, correlated design. */
  static final class Regression implements LogDensity {
    final double[][] a;
    final double[] y;
    final double sigma = 0.5;
    final double tau = 3;

    Regression(long seed) {
      Random r = new Random(seed);
      int n = 12;
      a = new double[n][3];
      y = new double[n];
      double[] truth = {1.0, -2.0, 0.5};
      for (int i = 0; i < n; i++) {
        double x = i / (n - 1.0);
        a[i] = new double[] {1, x, x * x + 0.3 * r.nextGaussian()};
        y[i] = a[i][0] * truth[0] + a[i][1] * truth[1] + a[i][2] * truth[2]
            + sigma * r.nextGaussian();
      }
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public void evaluate(double[][] points, double[] logp, double[][] grad) {
      for (int p = 0; p < points.length; p++) {
        double[] t = points[p];
        double lp = 0;
        double[] g = new double[3];
        for (int i = 0; i < y.length; i++) {
          double r = y[i] - (a[i][0] * t[0] + a[i][1] * t[1] + a[i][2] * t[2]);
          lp -= 0.5 * r * r / (sigma * sigma);
          for (int j = 0; j < 3; j++) {
            g[j] += r * a[i][j] / (sigma * sigma);
          }
        }
        for (int j = 0; j < 3; j++) {
          lp -= 0.5 * t[j] * t[j] / (tau * tau);
          g[j] -= t[j] / (tau * tau);
        }
        logp[p] = lp;
        grad[p] = g;
      }
    }

    /** Exact posterior: Sigma = (A^T A / s^2 + I / tau^2)^-1, mu = Sigma A^T y / s^2. */
    double[][] covariance() {
      RealMatrix am = new Array2DRowRealMatrix(a);
      RealMatrix prec = am.transpose().multiply(am).scalarMultiply(1 / (sigma * sigma));
      for (int j = 0; j < 3; j++) {
        prec.addToEntry(j, j, 1 / (tau * tau));
      }
      return new LUDecomposition(prec).getSolver().getInverse().getData();
    }

    double[] mean() {
      double[][] s = covariance();
      double[] aty = new double[3];
      for (int i = 0; i < y.length; i++) {
        for (int j = 0; j < 3; j++) {
          aty[j] += a[i][j] * y[i] / (sigma * sigma);
        }
      }
      double[] m = new double[3];
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[i] += s[i][j] * aty[j];
        }
      }
      return m;
    }
  }

  @Test
  void meanAndCovarianceMatchTheAnalyticPosteriorWithinMonteCarloError() {
    Regression target = new Regression(3);
    HmcConfig cfg = HmcConfig.of(4, 300, 1000, 11);
    HmcRun run = Hmc.sample(target, new double[3], null, cfg);
    double[] mu = target.mean();
    double[][] sigma = target.covariance();
    double[] mean = new double[3];
    for (int j = 0; j < 3; j++) {
      double[][] x = run.coordinate(j);
      double ess = Diagnostics.essBulk(x);
      double rhat = Diagnostics.rhat(x);
      assertTrue(rhat < 1.01, "R-hat " + rhat);
      assertTrue(ess > 1000, "ESS " + ess);
      double[] all = Diagnostics.flatten(x);
      mean[j] = Diagnostics.mean(all);
      double sd = Math.sqrt(sigma[j][j]);
      // mean: 4 Monte Carlo standard errors; variance: relative MC SE sqrt(2/ESS), 4 of them,
      // with the ESS of the squared deviations (HMC is often antithetic for the mean only)
      assertEquals(mu[j], mean[j], 4 * sd / Math.sqrt(ess), "mean of " + j);
      double var = Diagnostics.variance(all, mean[j]);
      double[][] sq = new double[x.length][x[0].length];
      for (int c = 0; c < x.length; c++) {
        for (int i = 0; i < x[c].length; i++) {
          sq[c][i] = (x[c][i] - mean[j]) * (x[c][i] - mean[j]);
        }
      }
      double essSq = Diagnostics.essBulk(sq);
      assertTrue(essSq > 500, "ESS of the variance " + essSq);
      assertEquals(sigma[j][j], var, 4 * sigma[j][j] * Math.sqrt(2 / essSq), "variance of " + j);
    }
    // covariances through the correlation: MC SE of r is about (1 - r^2)/sqrt(ESS)
    double ess = Diagnostics.essBulk(run.coordinate(0));
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        double r = sigma[a][b] / Math.sqrt(sigma[a][a] * sigma[b][b]);
        double rs = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
            .correlation(Diagnostics.flatten(run.coordinate(a)),
                Diagnostics.flatten(run.coordinate(b)));
        assertEquals(r, rs, 4 * (1 - r * r) / Math.sqrt(ess) + 0.01, "corr " + a + "," + b);
      }
    }
    assertEquals(0, run.totalDivergences());
    for (double acc : run.acceptance()) {
      assertTrue(acc > 0.6 && acc < 0.97, "acceptance " + acc);
    }
  }

  @Test
  void sameSeedSameDraws() {
    Regression target = new Regression(3);
    HmcConfig cfg = HmcConfig.of(3, 40, 20, 5);
    HmcRun a = Hmc.sample(target, new double[3], null, cfg);
    HmcRun b = Hmc.sample(target, new double[3], null, cfg);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 20; i++) {
        assertArrayEquals(a.draws()[c][i], b.draws()[c][i], 0.0);
      }
    }
    HmcRun other = Hmc.sample(target, new double[3], null,
        HmcConfig.of(3, 40, 20, 6));
    assertTrue(other.draws()[0][19][0] != a.draws()[0][19][0]);
  }

  @Test
  void diagnosticsFlagChainsStuckInDifferentPlaces() {
    Random r = new Random(1);
    double[][] mixed = new double[4][500];
    double[][] stuck = new double[4][500];
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 500; i++) {
        double z = r.nextGaussian();
        mixed[c][i] = z;
        stuck[c][i] = z + c;
      }
    }
    assertTrue(Diagnostics.rhat(mixed) < 1.01);
    assertTrue(Diagnostics.rhat(stuck) > 1.3);
    // independent draws: bulk ESS near the number of draws (2000)
    double ess = Diagnostics.essBulk(mixed);
    assertTrue(ess > 1700 && ess < 2300, "ESS " + ess);
    // AR(1) with phi = 0.9: ESS about N (1 - phi)/(1 + phi) = 105
    double[][] ar = new double[4][500];
    for (int c = 0; c < 4; c++) {
      double x = r.nextGaussian() / Math.sqrt(1 - 0.81);
      for (int i = 0; i < 500; i++) {
        x = 0.9 * x + r.nextGaussian();
        ar[c][i] = x;
      }
    }
    double essAr = Diagnostics.essBulk(ar);
    assertTrue(essAr > 60 && essAr < 170, "AR(1) ESS " + essAr);
  }
}
