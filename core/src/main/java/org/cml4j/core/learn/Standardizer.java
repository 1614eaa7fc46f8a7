package org.cml4j.core.learn;

import java.util.Arrays;

/**
 * Per-column z-score transform {@code z = (x - mean) / scale}, immutable.
 *
 * <p>{@link #fit} uses the non-NaN entries of each column (population standard deviation). A
 * constant column (standard deviation below {@code 1e-12 * max(1, |mean|)}) gets scale 1, so it
 * is only centred and never divided by zero. NaN entries stay NaN through both transforms.
 */
public final class Standardizer {
  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Explicit means and (positive, finite) scales, e.g. a prior range of a physics parameter. */
  public static Standardizer of(double[] mean, double[] scale) {
    if (mean.length != scale.length) {
      throw new IllegalArgumentException("mean has " + mean.length + " entries, scale has "
          + scale.length);
    }
    for (int j = 0; j < mean.length; j++) {
      if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
        throw new IllegalArgumentException("column " + j + ": mean " + mean[j] + ", scale "
            + scale[j] + " (need finite mean and finite scale > 0)");
      }
    }
    return new Standardizer(mean.clone(), scale.clone());
  }

  /** The identity transform on {@code columns} columns. */
  public static Standardizer identity(int columns) {
    double[] ones = new double[columns];
    Arrays.fill(ones, 1);
    return new Standardizer(new double[columns], ones);
  }

  /**
   * Fits on the non-NaN entries of each column of {@code rows}.
   *
   * @param what name used in error messages (e.g. "yTrain")
   * @throws IllegalArgumentException if a column has no finite value or a value is infinite
   */
  public static Standardizer fit(double[][] rows, String what) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException(what + " has no rows");
    }
    int m = rows[0].length;
    double[] sum = new double[m];
    long[] count = new long[m];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != m) {
        throw new IllegalArgumentException(what + " row " + i + " has " + rows[i].length
            + " columns, row 0 has " + m);
      }
      for (int j = 0; j < m; j++) {
        double v = rows[i][j];
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException(what + " row " + i + ", column " + j + " is " + v);
        }
        if (!Double.isNaN(v)) {
          sum[j] += v;
          count[j]++;
        }
      }
    }
    double[] mean = new double[m];
    double[] scale = new double[m];
    for (int j = 0; j < m; j++) {
      if (count[j] == 0) {
        throw new IllegalArgumentException(what + " column " + j + " has no finite value in its "
            + rows.length + " rows");
      }
      mean[j] = sum[j] / count[j];
    }
    double[] ss = new double[m];
    for (double[] row : rows) {
      for (int j = 0; j < m; j++) {
        if (!Double.isNaN(row[j])) {
          double d = row[j] - mean[j];
          ss[j] += d * d;
        }
      }
    }
    for (int j = 0; j < m; j++) {
      double sd = Math.sqrt(ss[j] / count[j]);
      scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1;
    }
    return new Standardizer(mean, scale);
  }

  /**
   * The one-pass, lenient fit of the fusion networks on rows {@code [from, to)}: variance
   * {@code E[x^2] - mean^2} of the non-NaN entries (population); a column with no value gets mean
   * 0, one with fewer than two values or a variance below {@code 1e-12 * max(1, mean^2)} gets
   * scale 1. Kept apart from {@link #fit} because the two-pass form differs in the last bits and
   * the fusion results were produced with this one.
   */
  public static Standardizer fitOnePass(double[][] rows, int from, int to) {
    int k = rows.length == 0 ? 0 : rows[0].length;
    double[] mu = new double[k];
    double[] s = new double[k];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      double sum2 = 0;
      int n = 0;
      for (int i = from; i < to; i++) {
        double v = rows[i][j];
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
    return new Standardizer(mu, s);
  }

  /** Number of columns. */
  public int columns() {
    return mean.length;
  }

  public double mean(int j) {
    return mean[j];
  }

  public double scale(int j) {
    return scale[j];
  }

  /** All column means (a copy). */
  public double[] means() {
    return mean.clone();
  }

  /** All column scales (a copy). */
  public double[] scales() {
    return scale.clone();
  }

  /** {@code (x - mean) / scale}, column by column (a new matrix). */
  public double[][] transform(double[][] x) {
    return columnwise(x, (j, v) -> (v - mean[j]) / scale[j]);
  }

  /** {@code mean + scale * z}, column by column (a new matrix). */
  public double[][] inverse(double[][] z) {
    return columnwise(z, (j, v) -> mean[j] + scale[j] * v);
  }

  /** A value of column {@code j} mapped to another. */
  private interface ColumnMap {
    double apply(int j, double v);
  }

  /** {@code f} applied to every value of {@code a}, rows checked for width (a new matrix). */
  private double[][] columnwise(double[][] a, ColumnMap f) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      checkWidth(a[i], i);
      out[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = f.apply(j, a[i][j]);
      }
    }
    return out;
  }

  private void checkWidth(double[] row, int i) {
    if (row.length != mean.length) {
      throw new IllegalArgumentException("row " + i + " has " + row.length
          + " columns, the scaler has " + mean.length);
    }
  }

  @Override
  public String toString() {
    return "Standardizer" + Arrays.toString(mean) + " / " + Arrays.toString(scale);
  }
}
