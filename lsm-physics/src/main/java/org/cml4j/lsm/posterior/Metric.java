package org.cml4j.lsm.posterior;

/** Dense-metric helpers of {@link Hmc}: products with the Cholesky factor and the pooled covariance. */
final class Metric {
  private Metric() {}

  /** L z for lower-triangular L. */
  static double[] mul(double[][] l, double[] z) {
    int d = z.length;
    double[] r = new double[d];
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (int j = 0; j <= i; j++) {
        s += l[i][j] * z[j];
      }
      r[i] = s;
    }
    return r;
  }

  /** L^T v for lower-triangular L. */
  static double[] mulT(double[][] l, double[] v) {
    int d = v.length;
    double[] r = new double[d];
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = j; i < d; i++) {
        s += l[i][j] * v[i];
      }
      r[j] = s;
    }
    return r;
  }

  /** L L^T. */
  static double[][] times(double[][] l) {
    int d = l.length;
    double[][] c = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k <= Math.min(i, j); k++) {
          s += l[i][k] * l[j][k];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /**
   * Covariance of the draws {@code [chain][iteration][d]} for iterations {@code [from, to)}, pooled
   * over chains (each chain centred on its own mean, so between-chain offsets early in warm-up do
   * not inflate it), shrunk towards its diagonal as Stan shrinks towards a small identity:
   * (n/(n+5)) S + (5/(n+5)) diag(S).
   */
  static double[][] pooledCovariance(double[][][] draws, int from, int to) {
    int k = draws.length;
    int d = draws[0][from].length;
    double[][] s = new double[d][d];
    int n = 0;
    for (double[][] chain : draws) {
      double[] m = new double[d];
      for (int it = from; it < to; it++) {
        for (int i = 0; i < d; i++) {
          m[i] += chain[it][i] / (to - from);
        }
      }
      for (int it = from; it < to; it++) {
        for (int i = 0; i < d; i++) {
          double a = chain[it][i] - m[i];
          for (int j = 0; j < d; j++) {
            s[i][j] += a * (chain[it][j] - m[j]);
          }
        }
        n++;
      }
    }
    int dof = Math.max(1, n - k);
    double w = n / (n + 5.0);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s[i][j] = s[i][j] / dof * (i == j ? 1 : w);
      }
    }
    return s;
  }
}
