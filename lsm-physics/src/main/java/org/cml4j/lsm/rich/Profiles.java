package org.cml4j.lsm.rich;

/** Linear interpolation of temperature profiles between depths. */
public final class Profiles {
  private Profiles() {}

  /**
   * Value at {@code z} from points ({@code depths[j]}, {@code values[j]}) with increasing depths;
   * constant beyond the first and last point.
   */
  public static double interpolate(double[] depths, double[] values, double z) {
    if (depths.length != values.length || depths.length == 0) {
      throw new IllegalArgumentException("profile: " + depths.length + " depths and "
          + values.length + " values");
    }
    if (z <= depths[0]) {
      return values[0];
    }
    for (int j = 1; j < depths.length; j++) {
      if (z <= depths[j]) {
        double w = (z - depths[j - 1]) / (depths[j] - depths[j - 1]);
        return values[j - 1] + w * (values[j] - values[j - 1]);
      }
    }
    return values[values.length - 1];
  }

  /** Values at each of {@code targets} (see {@link #interpolate}). */
  public static double[] resample(double[] depths, double[] values, double[] targets) {
    double[] out = new double[targets.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = interpolate(depths, values, targets[i]);
    }
    return out;
  }
}
