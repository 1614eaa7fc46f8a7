package org.cml4j.cascade.preprocessing;

import java.util.Arrays;

/**
 * The double-differencing spike test used for eddy-covariance fluxes in FLUXNET processing
 * (Papale et al. 2006, Biogeosciences 3, 571–583): for each value with both neighbours present,
 * {@code d_i = (x_i - x_{i-1}) - (x_{i+1} - x_i)}; a value is a spike when
 * {@code |d_i - median(d)| > z MAD(d) / 0.6745}, with median and MAD over a moving block of
 * {@code blockSteps} steps centred on it (Papale et al.: 13 days, z = 4 to 7), its
 * deviation from the mean of its neighbours also exceeds {@code minDeviation}, and its |d| is not
 * smaller than its neighbours' (a spike at i also inflates d at i-1 and i+1, by half as much;
 * this keeps the neighbours of a spike from being flagged with it). Nothing is flagged where the
 * block holds fewer than {@code blockSteps / 2} valid differences: the robust scale of d needs
 * several days of data (a 3-day record would otherwise lose genuine cloud-driven peaks).
 *
 * @param z threshold in robust standard deviations of d (> 0)
 * @param blockSteps block length in steps over which median and MAD of d are taken (>= 10)
 * @param minDeviation smallest flagged |x_i - (x_{i-1} + x_{i+1}) / 2| in the series' unit
 */
public record SpikeDetector(double z, int blockSteps, double minDeviation) {
  public SpikeDetector {
    if (!(z > 0) || blockSteps < 10 || !(minDeviation >= 0)) {
      throw new IllegalArgumentException("spike detector needs z > 0, blockSteps >= 10,"
          + " minDeviation >= 0; got " + z + ", " + blockSteps + ", " + minDeviation);
    }
  }

  /** Hourly fluxes: z = 5.5 (Papale et al.'s middle value), 7-day blocks, at least 25 W m-2. */
  public static SpikeDetector hourlyFlux() {
    return new SpikeDetector(5.5, 7 * 24, 25);
  }

  /** True where a value is flagged as a spike. */
  public boolean[] flag(double[] x) {
    int n = x.length;
    double[] d = new double[n];
    Arrays.fill(d, Double.NaN);
    for (int i = 1; i < n - 1; i++) {
      if (!Double.isNaN(x[i - 1]) && !Double.isNaN(x[i]) && !Double.isNaN(x[i + 1])) {
        d[i] = (x[i] - x[i - 1]) - (x[i + 1] - x[i]);
      }
    }
    boolean[] out = new boolean[n];
    int half = blockSteps / 2;
    for (int i = 1; i < n - 1; i++) {
      if (Double.isNaN(d[i])) {
        continue;
      }
      int a = Math.max(0, Math.min(i - half, n - blockSteps));
      int b = Math.min(n, a + blockSteps);
      double[] w = Arrays.stream(d, a, b).filter(v -> !Double.isNaN(v)).toArray();
      if (w.length < Math.max(10, blockSteps / 2)) {
        continue;
      }
      double med = median(w);
      double[] dev = new double[w.length];
      for (int k = 0; k < w.length; k++) {
        dev[k] = Math.abs(w[k] - med);
      }
      double mad = median(dev);
      double lim = z * mad / 0.6745;
      double jump = Math.abs(x[i] - 0.5 * (x[i - 1] + x[i + 1]));
      double di = Math.abs(d[i] - med);
      boolean peak = (Double.isNaN(d[i - 1]) || di >= Math.abs(d[i - 1] - med))
          && (Double.isNaN(d[i + 1]) || di >= Math.abs(d[i + 1] - med));
      out[i] = di > lim && jump > minDeviation && peak;
    }
    return out;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    int m = c.length;
    return m % 2 == 1 ? c[m / 2] : 0.5 * (c[m / 2 - 1] + c[m / 2]);
  }
}
