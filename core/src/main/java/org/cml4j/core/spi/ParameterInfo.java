package org.cml4j.core.spi;

/**
 * A parameter of a mechanism model with its unit and physical bounds.
 *
 * @param name e.g. {@code "lambda"}
 * @param unit e.g. {@code "W m-1 K-1"}
 * @param lower lower physical bound
 * @param upper upper physical bound
 * @param nominal a typical value (used as default and for scaling)
 * @param positive true if the parameter is strictly positive (optimised in log space)
 * @param description one line
 */
public record ParameterInfo(String name, String unit, double lower, double upper, double nominal,
    boolean positive, String description) {
  public ParameterInfo {
    if (!(lower < upper) || nominal < lower || nominal > upper) {
      throw new IllegalArgumentException("parameter " + name + ": need lower < upper and nominal"
          + " within, got [" + lower + ", " + upper + "], nominal " + nominal);
    }
  }

  /**
   * {@code v} clamped strictly inside the bounds, a margin of 1e-9 of the range from each: models
   * may reject a value exactly on a bound (an initial temperature must lie in the open interval
   * (150, 400) K), and a value put through {@code log}/{@code exp} can land an ulp beyond it.
   */
  public double clampInside(double v) {
    double margin = 1e-9 * (upper - lower);
    return Math.max(lower + margin, Math.min(upper - margin, v));
  }

  /** Throws naming the parameter and its range if {@code v} is outside the bounds or NaN. */
  public double check(double v) {
    if (!(v >= lower && v <= upper)) {
      throw new IllegalArgumentException("parameter " + name + " = " + v + " " + unit
          + " outside its allowed range [" + lower + ", " + upper + "]");
    }
    return v;
  }
}
