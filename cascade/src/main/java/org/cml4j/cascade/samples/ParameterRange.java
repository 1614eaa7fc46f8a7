package org.cml4j.cascade.samples;

/**
 * One sampled parameter: its range and whether it is sampled uniformly in log space (for
 * positive scale parameters spanning orders of magnitude, e.g. conductivity or heat capacity).
 *
 * @param name parameter name as the mechanism model knows it
 * @param lower lower bound (> 0 when {@code log})
 * @param upper upper bound (> lower)
 * @param log sample log-uniformly
 */
public record ParameterRange(String name, double lower, double upper, boolean log) {
  public ParameterRange {
    if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException("parameter range " + name + ": need finite lower < upper,"
          + " got [" + lower + ", " + upper + "]");
    }
    if (log && !(lower > 0)) {
      throw new IllegalArgumentException("parameter range " + name + ": log sampling needs"
          + " lower > 0, got " + lower);
    }
  }

  /** Uniform range. */
  public static ParameterRange linear(String name, double lower, double upper) {
    return new ParameterRange(name, lower, upper, false);
  }

  /** Log-uniform range. */
  public static ParameterRange logUniform(String name, double lower, double upper) {
    return new ParameterRange(name, lower, upper, true);
  }

  /** Maps u in [0, 1] to the range. */
  public double fromUnit(double u) {
    return log ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
        : lower + u * (upper - lower);
  }

  /** Maps a value in the range to [0, 1] (values outside map outside). */
  public double toUnit(double v) {
    return log ? (Math.log(v) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
        : (v - lower) / (upper - lower);
  }

  /** True if lower <= v <= upper. */
  public boolean contains(double v) {
    return v >= lower && v <= upper;
  }
}
