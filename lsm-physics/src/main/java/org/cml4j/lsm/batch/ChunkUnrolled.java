package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.Arrays;
import org.cml4j.lsm.model.Param;

/**
 * The reverse sweep of one truncated point-Jacobi step for a chunk of columns: the batched form of
 * {@code org.cml4j.lsm.gradient.UnrolledJacobiAdjoint} (the derivative PyTorch autograd returns for
 * the loop of Huang, Heaney &amp; van Reeuwijk 2025). The step's iterates y^0..y^S come from
 * {@link ChunkJacobi#solve} with {@code record}; each column is back-propagated through its own
 * S_c sweeps: at reverse sweep s a column with S_c &lt; s is not yet active and its adjoint passes
 * through unchanged. Per-worker scratch.
 */
final class ChunkUnrolled {
  private final ChunkKernel k;
  /** Per node: adjoint of the direct T^{k-1} term summed over sweeps. */
  private final double[][] sumG;
  private final double[] mask;
  private final double[] surf;
  private final double[] cube;
  private final double[] acc;
  private final double[] ri;
  /** The step's source and 1 / (1 + 2r) per column, from the recording {@link ChunkJacobi}. */
  private final double[] src;
  private final double[] inv;
  /** Per-column adjoints of r, a, the source s, hbeta, eps, Tb and T^{k-1}_0. */
  private final double[][] bar;
  private static final int R = 0;
  private static final int A = 1;
  private static final int S = 2;
  private static final int HB = 3;
  private static final int EPS = 4;
  private static final int TB = 5;
  private static final int PREV0 = 6;
  /** The columns of the current call. */
  private int c0;
  private int c1;

  ChunkUnrolled(ChunkKernel k) {
    this.k = k;
    sumG = k.newState();
    mask = new double[k.cap];
    surf = new double[k.cap];
    cube = new double[k.cap];
    acc = new double[k.cap];
    ri = new double[k.cap];
    src = k.jacobi.src;
    inv = k.jacobi.inv;
    bar = new double[7][k.cap];
  }

  /**
   * Back-propagates the adjoint {@code g} of the step's new state T^k, columns {@code [c0, c1)},
   * through the {@code smax} sweeps recorded for them (columns with fewer sweeps join later),
   * replacing it by the adjoint of T^{k-1} and adding the parameter terms to {@code gp}
   * ({@code [param][column]}).
   *
   * @param gy scratch state, same shape as {@code g}
   */
  void reverse(int smax, double[][] g, double[][] gy, double[][] gp, int c0, int c1) {
    this.c0 = c0;
    this.c1 = c1;
    double[][] adjoint = g;
    int n = k.n;
    double[] r = k.r;
    double[] a = k.a;
    int[] count = k.jacobi.count;
    for (int c = c0; c < c1; c++) {
      ri[c] = r[c] * inv[c];
    }
    for (double[] row : bar) {
      Arrays.fill(row, c0, c1, 0);
    }
    for (double[] row : sumG) {
      Arrays.fill(row, c0, c1, 0);
    }
    for (int sw = smax; sw >= 1; sw--) {
      double[][] y = k.jacobi.iterate(sw - 1);
      double[][] yn = k.jacobi.iterate(sw);
      boolean partial = false;
      for (int c = c0; c < c1; c++) {
        mask[c] = sw <= count[c] ? 1 : 0;
        partial |= sw > count[c];
      }
      surface(g, y, yn);
      interior(g, y, yn);
      propagate(g, gy);
      if (partial) {
        for (int c = c0; c < c1; c++) {
          if (mask[c] == 0) {
            for (int i = 0; i < n; i++) {
              gy[i][c] = g[i][c];
            }
          }
        }
      }
      double[][] t = g;
      g = gy;
      gy = t;
    }
    double[] g0 = g[0];
    for (int c = c0; c < c1; c++) {
      g0[c] += bar[PREV0][c];
    }
    for (int i = 1; i < n - 1; i++) {
      double[] gi = g[i];
      double[] si = sumG[i];
      for (int c = c0; c < c1; c++) {
        gi[c] += si[c] * inv[c];
      }
    }
    for (int c = c0; c < c1; c++) {
      double rBar = bar[R][c];
      double sBar = bar[S][c];
      gp[Param.LAMBDA.ordinal()][c] += rBar * r[c] / k.lambda[c];
      gp[Param.C.ordinal()][c] -= (rBar * r[c] + bar[A][c] * a[c]) / k.heat[c];
      gp[Param.ALPHA.ordinal()][c] -= sBar * k.kd[c];
      gp[Param.HBETA.ordinal()][c] += bar[HB][c] + sBar * k.ta[c];
      gp[Param.EPS.ordinal()][c] += bar[EPS][c];
      gp[Param.TB.ordinal()][c] += bar[TB][c];
    }
    if (g != adjoint) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(g[i], c0, adjoint[i], c0, c1 - c0);
      }
    }
  }

  /**
   * Surface row yn0 = (T0 + 2 r y1 + a s) / D, D = 1 + 2r + a (hbeta + eps sigma y0^3), and the
   * Dirichlet bottom yn_{N-1} = Tb: parameter adjoints and the surface terms of the propagation.
   */
  private void surface(double[][] g, double[][] y, double[][] yn) {
    double[] r = k.r;
    double[] a = k.a;
    double[] g0 = g[0];
    double[] gb = g[k.n - 1];
    double[] y0r = y[0];
    double[] y1r = y[1];
    double[] yn0r = yn[0];
    for (int c = c0; c < c1; c++) {
      double m = mask[c];
      bar[TB][c] += m * gb[c];
      double y0 = y0r[c];
      double sy3 = SIGMA * y0 * y0 * y0;
      double diag = k.hbeta[c] + k.eps[c] * sy3;
      double yn0 = yn0r[c];
      double t = m * g0[c] / (1 + 2 * r[c] + a[c] * diag);
      surf[c] = t;
      bar[PREV0][c] += t;
      bar[R][c] += 2 * t * (y1r[c] - yn0);
      bar[A][c] += t * (src[c] - yn0 * diag);
      bar[S][c] += t * a[c];
      bar[HB][c] -= t * a[c] * yn0;
      bar[EPS][c] -= t * a[c] * sy3 * yn0;
      cube[c] = -t * a[c] * 3 * k.eps[c] * SIGMA * y0 * y0 * yn0;
    }
  }

  /**
   * Interior rows yn_i = (T_i + r (y_{i-1} + y_{i+1})) / (1 + 2r): the r-derivative and the direct
   * T^{k-1} terms.
   */
  private void interior(double[][] g, double[][] y, double[][] yn) {
    Arrays.fill(acc, c0, c1, 0);
    for (int i = 1; i < k.n - 1; i++) {
      double[] gi = g[i];
      double[] ym = y[i - 1];
      double[] yp = y[i + 1];
      double[] yni = yn[i];
      double[] si = sumG[i];
      for (int c = c0; c < c1; c++) {
        acc[c] += gi[c] * (ym[c] + yp[c] - 2 * yni[c]);
        si[c] += mask[c] * gi[c];
      }
    }
    double[] rBar = bar[R];
    for (int c = c0; c < c1; c++) {
      rBar[c] += mask[c] * acc[c] * inv[c];
    }
  }

  /** gy = adjoint of the previous iterate: the interior neighbours plus the surface terms. */
  private void propagate(double[][] g, double[][] gy) {
    int n = k.n;
    for (int j = 0; j < n; j++) {
      double[] out = gy[j];
      double[] left = j - 1 >= 1 && j - 1 <= n - 2 ? g[j - 1] : null;
      double[] right = j + 1 <= n - 2 ? g[j + 1] : null;
      if (left != null && right != null) {
        for (int c = c0; c < c1; c++) {
          out[c] = ri[c] * (left[c] + right[c]);
        }
      } else if (left != null || right != null) {
        double[] one = left != null ? left : right;
        for (int c = c0; c < c1; c++) {
          out[c] = ri[c] * one[c];
        }
      } else {
        Arrays.fill(out, c0, c1, 0);
      }
    }
    double[] gy0 = gy[0];
    double[] gy1 = gy[1];
    double[] r = k.r;
    for (int c = c0; c < c1; c++) {
      gy0[c] += cube[c];
      gy1[c] += 2 * r[c] * surf[c];
    }
  }
}
