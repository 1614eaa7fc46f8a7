package org.cml4j.cascade.learning;

import java.util.Arrays;
import org.cml4j.core.metrics.Metrics;

/**
 * Small NaN-aware helpers on series (double arrays indexed by time step) used across the cascade
 * couplings: scores over a period, moments, and linear interpolation across gaps.
 */
public final class Series {
  private Series() {}



  /** Mean of {@code pred - obs} over [from, to), skipping NaN pairs; NaN if none. */
  public static double bias(double[] obs, double[] pred, int from, int to) {
    double s = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(obs[i]) && !Double.isNaN(pred[i])) {
        s += pred[i] - obs[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Mean of the non-NaN values in [from, to); NaN if none. */
  public static double mean(double[] v, int from, int to) {
    return Metrics.mean(v, from, to);
  }

  /** Population standard deviation of the non-NaN values in [from, to); NaN if none. */
  public static double std(double[] v, int from, int to) {
    double m = mean(v, from, to);
    double s = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(v[i])) {
        s += (v[i] - m) * (v[i] - m);
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.sqrt(s / n);
  }

  /** Number of NaN values. */
  public static int countMissing(double[] v) {
    int n = 0;
    for (double x : v) {
      if (Double.isNaN(x)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Linear interpolation across NaN runs; leading and trailing runs take the nearest valid value
   * (constant extrapolation). Throws naming {@code what} if there is no valid value at all.
   */
  public static double[] interpolateGaps(double[] v, String what) {
    return org.cml4j.core.calibration.CalibrationProblem.interpolateGaps(v, what);
  }

  /**
   * Distance in steps from each index to the nearest non-NaN value (0 where the value is present);
   * {@code Integer.MAX_VALUE} everywhere if all values are missing.
   */
  public static int[] gapDistance(double[] v) {
    int n = v.length;
    int[] d = new int[n];
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(v[i])) {
        last = i;
      }
      d[i] = last < 0 ? Integer.MAX_VALUE : i - last;
    }
    last = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (!Double.isNaN(v[i])) {
        last = i;
      }
      if (last >= 0) {
        d[i] = Math.min(d[i], last - i);
      }
    }
    return d;
  }

  /** Element-wise a - b. */
  public static double[] minus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = a[i] - b[i];
    }
    return c;
  }

  /** Element-wise a + b. */
  public static double[] plus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }

  /** Rows [from, to) of a matrix. */
  public static double[][] rows(double[][] m, int from, int to) {
    return Arrays.copyOfRange(m, from, to);
  }

  /** Column matrix [t][1] of a series. */
  public static double[][] column(double[] v) {
    double[][] m = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      m[i][0] = v[i];
    }
    return m;
  }

  /** Column {@code j} of a matrix as a series. */
  public static double[] columnOf(double[][] m, int j) {
    double[] v = new double[m.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = m[i][j];
    }
    return v;
  }
}
