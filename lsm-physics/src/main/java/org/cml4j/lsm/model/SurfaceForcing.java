package org.cml4j.lsm.model;

import java.util.Arrays;

/**
 * Atmospheric forcing at the model's time levels t_0..t_{n-1} (the step from t_{k-1} to t_k takes
 * forcing at the new level t_k, as in backward Euler).
 *
 * @param kdown downwelling shortwave radiation [W m-2]
 * @param ldown downwelling longwave radiation [W m-2]
 * @param ta air temperature [K]
 */
public record SurfaceForcing(double[] kdown, double[] ldown, double[] ta) {

  public SurfaceForcing {
    if (kdown.length != ldown.length || kdown.length != ta.length) {
      throw new IllegalArgumentException("SurfaceForcing: Kdown, Ldown and Ta must have the same"
          + " length, got " + kdown.length + ", " + ldown.length + ", " + ta.length);
    }
    if (kdown.length < 1) {
      throw new IllegalArgumentException("SurfaceForcing: at least one time level is required");
    }
    check("Kdown", kdown, -20, 1500, "W m-2");
    check("Ldown", ldown, 0, 1000, "W m-2");
    check("Ta", ta, 150, 350, "K");
  }

  private static void check(String name, double[] v, double lo, double hi, String unit) {
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= lo && v[i] <= hi)) {
        throw new IllegalArgumentException("SurfaceForcing: " + name + " at time level " + i + " is "
            + v[i] + " " + unit + ", outside the allowed range [" + lo + ", " + hi + "]");
      }
    }
  }

  /** Number of time levels. */
  public int length() {
    return kdown.length;
  }

  /** Forcing restricted to time levels [from, to). */
  public SurfaceForcing slice(int from, int to) {
    return new SurfaceForcing(Arrays.copyOfRange(kdown, from, to), Arrays.copyOfRange(ldown, from, to),
        Arrays.copyOfRange(ta, from, to));
  }

  /** The time levels {@code levels} in that order, e.g. the first day repeated before a run. */
  public SurfaceForcing levels(int[] levels) {
    return new SurfaceForcing(pick(kdown, levels), pick(ldown, levels), pick(ta, levels));
  }

  /** This forcing followed by {@code next} (e.g. lead levels before a window). */
  public SurfaceForcing followedBy(SurfaceForcing next) {
    return new SurfaceForcing(concat(kdown, next.kdown), concat(ldown, next.ldown),
        concat(ta, next.ta));
  }

  private static double[] pick(double[] x, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
