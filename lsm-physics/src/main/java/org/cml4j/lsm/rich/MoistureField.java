package org.cml4j.lsm.rich;

import java.util.Arrays;

/**
 * Volumetric soil water content [m3 m-3] on a depth-time grid: {@code values[level][j]} at
 * {@code depths[j]} and hourly time level {@code level}, linearly interpolated in depth and held
 * constant below the deepest and above the shallowest depth. A prescribed driver of the richer
 * truth model (the simple model has no moisture at all).
 *
 * @param depths increasing depths [m], at least one
 * @param values [level][depth index], each in [0, 1]
 */
public record MoistureField(double[] depths, double[][] values) {
  public MoistureField {
    if (depths.length == 0 || values.length == 0) {
      throw new IllegalArgumentException("moisture field needs at least one depth and one level");
    }
    for (int j = 1; j < depths.length; j++) {
      if (!(depths[j] > depths[j - 1])) {
        throw new IllegalArgumentException("moisture depths must increase, got "
            + Arrays.toString(depths));
      }
    }
    for (int k = 0; k < values.length; k++) {
      if (values[k].length != depths.length) {
        throw new IllegalArgumentException("moisture level " + k + " has " + values[k].length
            + " values for " + depths.length + " depths");
      }
      for (int j = 0; j < depths.length; j++) {
        if (!(values[k][j] >= 0 && values[k][j] <= 1)) {
          throw new IllegalArgumentException("moisture at level " + k + ", depth " + depths[j]
              + " m is " + values[k][j] + " m3 m-3, allowed [0, 1]");
        }
      }
    }
    depths = depths.clone();
    values = Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
  }

  /** The same water content everywhere for {@code levels} levels. */
  public static MoistureField constant(double theta, int levels) {
    double[][] v = new double[levels][1];
    for (double[] row : v) {
      row[0] = theta;
    }
    return new MoistureField(new double[] {0}, v);
  }

  /** Number of hourly levels. */
  public int levels() {
    return values.length;
  }

  /** Water content at {@code depth} [m] and level {@code k}. */
  public double at(double depth, int k) {
    return Profiles.interpolate(depths, values[k], depth);
  }


  /** The series at the shallowest depth (e.g. as a learning feature). */
  public double[] surfaceSeries() {
    double[] s = new double[values.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = values[k][0];
    }
    return s;
  }

  /** Levels [from, to). */
  public MoistureField slice(int from, int to) {
    return new MoistureField(depths, Arrays.copyOfRange(values, from, to));
  }
}
