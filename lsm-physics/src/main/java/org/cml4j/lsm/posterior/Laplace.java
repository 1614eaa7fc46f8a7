package org.cml4j.lsm.posterior;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.estimation.ParameterSpace;

/**
 * Laplace (Gauss-Newton) approximation of the {@link GaussianLikelihood} posterior with independent
 * residuals at a mode: covariance (sum_k (n_k / SSR_k) J_k^T J_k)^-1 in the fitted coordinates'
 * physical units, J_k the tangent-model Jacobian of output k's residuals, n_k / SSR_k the
 * curvature of -(n_k/2) log SSR_k. The prior is ignored (flat), which is what the sampler's
 * result is compared against. Also the sampler's initial metric and start.
 *
 * @param mode the fitted coordinates
 * @param covariance covariance in physical units {@code [i][j]}
 */
public record Laplace(double[] mode, double[][] covariance) {

  /**
   * The approximation at the mode of the {@link GaussianLikelihood} (flat prior), found from
   * {@code start} by Gauss-Newton with the per-variable weights n_k / SSR_k re-estimated at every
   * iteration (a least-squares fit that pools the variables with equal weights, as every fit of
   * the package does, is not that mode when the variables' residual scales differ). Stops after
   * {@code maxIterations} iterations or when a step changes no coordinate by more than 1e-10
   * relative; each iteration costs one tangent evaluation plus at most 20 forward runs.
   */
  public static Laplace atMode(Objective obj, double[] start, int maxIterations) {
    ParameterSpace space = obj.space();
    double[] theta = space.clamp(start);
    double f = negLogLik(obj, theta);
    for (int it = 0; it < maxIterations; it++) {
      Objective.Residuals res = obj.residuals(theta);
      double[][] hw = weightedNormal(obj, res, theta.length);
      int n = theta.length;
      double[][] h = new double[n][n];
      double[] g = new double[n];
      for (int a = 0; a < n; a++) {
        System.arraycopy(hw[a], 0, h[a], 0, n);
        g[a] = hw[a][n];
      }
      double[] step = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver()
          .solve(new org.apache.commons.math3.linear.ArrayRealVector(g)).toArray();
      double t = 1;
      boolean moved = false;
      for (int back = 0; back < 20; back++, t *= 0.5) {
        double[] cand = theta.clone();
        for (int i = 0; i < n; i++) {
          cand[i] -= t * step[i];
        }
        cand = space.clamp(cand);
        double fc;
        try {
          fc = negLogLik(obj, cand);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (fc <= f) {
          double change = 0;
          for (int i = 0; i < n; i++) {
            change = Math.max(change, Math.abs(cand[i] - theta[i])
                / Math.max(Math.abs(theta[i]), 1e-12));
          }
          theta = cand;
          f = fc;
          moved = change > 1e-10;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    return at(obj, theta);
  }

  /** sum_k (n_k/2) log SSR_k at theta (one forward run). */
  private static double negLogLik(Objective obj, double[] theta) {
    Observations o = obj.observations();
    double[][] y = obj.simulate(theta).outputs(o.outputs());
    return -new GaussianLikelihood(o).logLikelihood(y, null, null, null);
  }

  /** [H | g]: weighted Gauss-Newton matrix sum_k w_k J_k^T J_k and gradient sum_k w_k J_k^T r. */
  private static double[][] weightedNormal(Objective obj, Objective.Residuals res, int n) {
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
    double[][] h = new double[n][n + 1];
    for (int r = 0; r < rowOutput.length; r++) {
      int k = rowOutput[r];
      double w = cnt[k] / Math.max(ssr[k], Double.MIN_NORMAL);
      double[] j = res.jacobian()[r];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          h[a][b] += w * j[a] * j[b];
        }
        h[a][n] += w * j[a] * res.r()[r];
      }
    }
    return h;
  }

  /**
   * The approximation of {@code obj}'s posterior at {@code theta} (one tangent evaluation), e.g.
   * at a mode from {@link #atMode}.
   */
  public static Laplace at(Objective obj, double[] theta) {
    Objective.Residuals res = obj.residuals(theta);
    int n = theta.length;
    double[][] hw = weightedNormal(obj, res, n);
    double[][] h = new double[n][n];
    for (int a = 0; a < n; a++) {
      System.arraycopy(hw[a], 0, h[a], 0, n);
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
