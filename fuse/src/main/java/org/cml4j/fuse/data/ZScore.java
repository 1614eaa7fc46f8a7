package org.cml4j.fuse.data;

/**
 * Per-column z-scoring {@code z = (x - mean) / sd} fitted on a row range, skipping NaN; a column
 * with fewer than two valid values or zero spread gets sd 1 (so it is only centred).
 *
 * @param mean column means
 * @param sd column standard deviations (> 0)
 */
public record ZScore(double[] mean, double[] sd) {
  public ZScore {
    mean = mean.clone();
    sd = sd.clone();
  }

  /** Fits on rows [from, to) of {@code m}. */
  public static ZScore fit(double[][] m, int from, int to) {
    int k = m.length == 0 ? 0 : m[0].length;
    double[] mu = new double[k];
    double[] s = new double[k];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      double sum2 = 0;
      int n = 0;
      for (int i = from; i < to; i++) {
        double v = m[i][j];
        if (!Double.isNaN(v)) {
          sum += v;
          sum2 += v * v;
          n++;
        }
      }
      mu[j] = n == 0 ? 0 : sum / n;
      double var = n < 2 ? 0 : Math.max(0, sum2 / n - mu[j] * mu[j]);
      s[j] = var > 1e-12 * Math.max(1, mu[j] * mu[j]) ? Math.sqrt(var) : 1;
    }
    return new ZScore(mu, s);
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] sd() {
    return sd.clone();
  }

  /** Number of columns. */
  public int width() {
    return mean.length;
  }

  /** z-scored copy (NaN stays NaN). */
  public double[][] apply(double[][] m) {
    double[][] z = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      z[i] = new double[m[i].length];
      for (int j = 0; j < z[i].length; j++) {
        z[i][j] = (m[i][j] - mean[j]) / sd[j];
      }
    }
    return z;
  }

  /** Back to original units. */
  public double[][] invert(double[][] z) {
    double[][] m = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      m[i] = new double[z[i].length];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = z[i][j] * sd[j] + mean[j];
      }
    }
    return m;
  }
}
