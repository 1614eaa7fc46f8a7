package org.cml4j.lsm.posterior;

import java.util.Random;
import org.cml4j.lsm.estimation.Observations;

/**
 * Gaussian log likelihood of model outputs {@code y[level][k]} given {@link Observations}, with one
 * unknown noise scale sigma_k per observed variable k, marginalised analytically under the Jeffreys
 * prior p(sigma_k) ~ 1/sigma_k, and optional AR(1) residuals e_t = rho_k e_{t-1} + sigma_k w_t.
 *
 * <p>With n_k present values and Q_k = (1 - rho^2) e_1^2 + sum_t (e_t - rho e_{t-1})^2 (a missing
 * value starts a new segment, each segment contributing a stationary first term):
 * log p(y | theta, rho) = sum_k [ -(n_k/2) log Q_k + (s_k/2) log(1 - rho_k^2) ] + const, s_k the
 * number of segments. With rho = 0 this is -(n_k/2) log SSR_k. Given theta and rho the noise
 * variance is sigma_k^2 | y ~ Q_k / chi^2_{n_k} ({@link #drawSigma}).
 */
public final class GaussianLikelihood {
  private final Observations obs;
  private final int[] present;

  public GaussianLikelihood(Observations obs) {
    this.obs = obs;
    int m = obs.outputs().size();
    this.present = new int[m];
    for (int k = 0; k < m; k++) {
      for (int t = 0; t < obs.levels(); t++) {
        present[k] += Double.isNaN(obs.value(t, k)) ? 0 : 1;
      }
      if (present[k] < 2) {
        throw new IllegalArgumentException("posterior: observed variable "
            + obs.outputs().get(k).name() + " has " + present[k]
            + " values; at least 2 are needed to estimate its noise scale");
      }
    }
  }

  public Observations observations() {
    return obs;
  }

  /** Number of observed variables (noise scales). */
  public int variables() {
    return present.length;
  }

  /**
   * Log likelihood at outputs {@code y} with AR(1) coefficients {@code rho} (null or zeros for
   * independent residuals).
   *
   * @param seed if non-null, receives d logL / d y {@code [level][k]}
   * @param dRho if non-null, receives d logL / d rho_k
   */
  public double logLikelihood(double[][] y, double[] rho, double[][] seed, double[] dRho) {
    double total = 0;
    for (int k = 0; k < present.length; k++) {
      double r = rho == null ? 0 : rho[k];
      Residuals res = residuals(y, k, r);
      double q = Math.max(res.q, Double.MIN_NORMAL);
      double n = present[k];
      total += -0.5 * n * Math.log(q) + 0.5 * res.segments * Math.log1p(-r * r);
      if (dRho != null) {
        dRho[k] = -0.5 * n * res.dq / q - res.segments * r / (1 - r * r);
      }
      if (seed != null) {
        double f = -0.5 * n / q;
        double prev = Double.NaN;
        for (int t = 0; t < y.length; t++) {
          double o = obs.value(t, k);
          if (Double.isNaN(o)) {
            prev = Double.NaN;
            seed[t][k] = 0;
            continue;
          }
          double e = y[t][k] - o;
          double dqe = Double.isNaN(prev) ? 2 * (1 - r * r) * e : 2 * (e - r * prev);
          if (t + 1 < y.length && !Double.isNaN(obs.value(t + 1, k))) {
            double next = y[t + 1][k] - obs.value(t + 1, k);
            dqe += -2 * r * (next - r * e);
          }
          seed[t][k] = f * dqe;
          prev = e;
        }
      }
    }
    return total;
  }

  /** Q_k, its derivative in rho_k and the number of segments of output k (class comment). */
  private record Residuals(double q, double dq, int segments) {}

  private Residuals residuals(double[][] y, int k, double r) {
    double q = 0;
    double dq = 0;
    int segments = 0;
    double prev = Double.NaN;
    for (int t = 0; t < y.length; t++) {
      double o = obs.value(t, k);
      if (Double.isNaN(o)) {
        prev = Double.NaN;
        continue;
      }
      double e = y[t][k] - o;
      if (Double.isNaN(prev)) {
        segments++;
        q += (1 - r * r) * e * e;
        dq += -2 * r * e * e;
      } else {
        double a = e - r * prev;
        q += a * a;
        dq += -2 * a * prev;
      }
      prev = e;
    }
    return new Residuals(q, dq, segments);
  }

  /**
   * One draw of sigma_k from its conditional posterior given the outputs and rho:
   * sigma_k^2 = Q_k / chi^2_{n_k}.
   */
  public double[] drawSigma(double[][] y, double[] rho, Random rng) {
    double[] s = new double[present.length];
    for (int k = 0; k < s.length; k++) {
      double q = residuals(y, k, rho == null ? 0 : rho[k]).q;
      double chi2 = 0;
      for (int i = 0; i < present[k]; i++) {
        double z = rng.nextGaussian();
        chi2 += z * z;
      }
      s[k] = Math.sqrt(q / chi2);
    }
    return s;
  }
}
