package org.cml4j.lsm.posterior;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.Observations;

/**
 * Laplace (Gauss-Newton) approximation of the {@link GaussianLikelihood} posterior with independent
 * residuals at a mode: covariance (sum_k (n_k / SSR_k) J_k^T J_k)^-1 in the fitted coordinates'
 * physical units, J_k the tangent-model Jacobian of output k's residuals, n_k / SSR_k the
 * curvature of -(n_k/2) log SSR_k. The prior is ignored (flat), which is what the sampler's
 * result is compared against. Also the sampler's initial metric.
 *
 * @param mode the fitted coordinates
 * @param covariance covariance in physical units {@code [i][j]}
 */
public record Laplace(double[] mode, double[][] covariance) {

  /** The approximation of {@code obj}'s posterior at {@code theta} (one tangent evaluation). */
  public static Laplace at(Objective obj, double[] theta) {
    Objective.Residuals res = obj.residuals(theta);
    Observations o = obj.observations();
    int m = o.outputs().size();
    double[] ssr = new double[m];
    int[] cnt = new int[m];
    int[] rowOutput = new int[res.r().length];
    int row = 0;
    for (int t = 0; t < o.levels(); t++) {
      for (int k = 0; k < m; k++) {
        if (!Double.isNaN(o.value(t, k))) {
          ssr[k] += res.r()[row] * res.r()[row];
          cnt[k]++;
          rowOutput[row++] = k;
        }
      }
    }
    int n = theta.length;
    double[][] h = new double[n][n];
    for (int r = 0; r < rowOutput.length; r++) {
      int k = rowOutput[r];
      double w = cnt[k] / Math.max(ssr[k], Double.MIN_NORMAL);
      double[] j = res.jacobian()[r];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          h[a][b] += w * j[a] * j[b];
        }
      }
    }
    double[][] cov = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver().getInverse()
        .getData();
    return new Laplace(theta.clone(), cov);
  }

  /** Standard deviation of coordinate i [physical units]. */
  public double sd(int i) {
    return Math.sqrt(covariance[i][i]);
  }

  /** Covariance of u = g(theta) for the sampler, given d theta / d u per coordinate. */
  public double[][] unconstrained(double[] dThetaDu, int dimension) {
    double[][] c = new double[dimension][dimension];
    for (int a = 0; a < dimension; a++) {
      for (int b = 0; b < dimension; b++) {
        if (a < mode.length && b < mode.length) {
          c[a][b] = covariance[a][b] / (dThetaDu[a] * dThetaDu[b]);
        } else if (a == b) {
          c[a][b] = 0.01;
        }
      }
    }
    return c;
  }
}
