package org.cml4j.cascade.preprocessing;

/**
 * Flags isolated outliers (spikes) in a series with a Hampel filter (Hampel 1974; Pearson 2002):
 * a value is flagged when it differs from the median of its {@code 2 halfWindow + 1} neighbours by
 * more than {@code threshold} times their scaled median absolute deviation
 * {@code 1.4826 MAD} (the robust standard deviation), with a floor {@code minDeviation} so that
 * flat stretches (night-time fluxes, sensor resolution) are not flagged for tiny wiggles. Missing
 * values are skipped and never flagged.
 *
 * @param halfWindow neighbours on each side (>= 1)
 * @param threshold robust z-score above which a value is flagged (> 0)
 * @param minDeviation absolute deviation below which nothing is flagged, in the series' unit
 */
public record OutlierDetector(int halfWindow, double threshold, double minDeviation) {
  public OutlierDetector {
    if (halfWindow < 1 || !(threshold > 0) || !(minDeviation >= 0)) {
      throw new IllegalArgumentException("outlier detector needs halfWindow >= 1, threshold > 0,"
          + " minDeviation >= 0; got " + halfWindow + ", " + threshold + ", " + minDeviation);
    }
  }

  /**
   * Settings for hourly surface fluxes: 3 h either side, 4 robust standard deviations, at least
   * 40 W m-2.
   */
  public static OutlierDetector hourlyFlux() {
    return new OutlierDetector(3, 4, 40);
  }

  /** Settings for hourly temperatures: 3 h either side, 4 robust standard deviations, 1.5 K. */
  public static OutlierDetector hourlyTemperature() {
    return new OutlierDetector(3, 4, 1.5);
  }

  /** True where a value is flagged as an outlier. */
  public boolean[] flag(double[] v) {
    boolean[] out = new boolean[v.length];
    double[] win = new double[2 * halfWindow];
    double[] dev = new double[2 * halfWindow];
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        continue;
      }
      int n = 0;
      for (int j = Math.max(0, i - halfWindow); j <= Math.min(v.length - 1, i + halfWindow); j++) {
        if (j != i && !Double.isNaN(v[j])) {
          win[n++] = v[j];
        }
      }
      if (n < 2) {
        continue;
      }
      double med = median(win, n);
      for (int k = 0; k < n; k++) {
        dev[k] = Math.abs(win[k] - med);
      }
      double mad = 1.4826 * median(dev, n);
      double d = Math.abs(v[i] - med);
      out[i] = d > minDeviation && d > threshold * mad;
    }
    return out;
  }

  /** A copy with flagged values set to NaN. */
  public double[] removeFlagged(double[] v) {
    boolean[] f = flag(v);
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      if (f[i]) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  /** Number of true entries. */
  public static int count(boolean[] flags) {
    int n = 0;
    for (boolean b : flags) {
      n += b ? 1 : 0;
    }
    return n;
  }

  private static double median(double[] a, int n) {
    double[] c = java.util.Arrays.copyOf(a, n);
    java.util.Arrays.sort(c);
    return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
  }
}
