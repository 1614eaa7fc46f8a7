package org.cml4j.core.spi;

import java.util.Random;

/**
 * A parameter of a mechanism model with its unit and physical bounds, and the coordinates in which
 * estimators move it: {@link #toU transformed coordinates} are {@code log(v)} for positive
 * parameters and {@code v} otherwise. Also home of the framework's Latin hypercube sampling
 * ({@link #latinHypercube}).
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

  /** Transformed coordinate of a physical value: {@code log(v)} if positive, else {@code v}. */
  public double toU(double v) {
    return positive ? Math.log(v) : v;
  }

  /** Physical value of a transformed coordinate (inverse of {@link #toU}). */
  public double fromU(double u) {
    return positive ? Math.exp(u) : u;
  }

  /**
   * Clamps a transformed value strictly inside the bounds ({@link #clampInside}; positive
   * parameters also at least 1e-6 of their nominal value), so that {@link #fromU} never lands on
   * or, by round-off of {@code exp(log(upper))}, beyond a bound that a model or {@link #check}
   * rejects. A value already inside is returned unchanged.
   */
  public double clampU(double u) {
    double v = fromU(u);
    double c = clampInside(positive ? Math.max(v, 1e-6 * nominal) : v);
    return c == v ? u : toU(c);
  }

  /**
   * Latin hypercube sample of the unit cube (McKay, Beckman &amp; Conover 1979): each coordinate's
   * range is cut into {@code n} equal strata, each stratum is hit exactly once (at a random
   * position), and the strata are paired across coordinates by independent random permutations
   * (Fisher–Yates with {@code new Random(seed)}, coordinate by coordinate).
   *
   * @return {@code n} rows of {@code dimension} values in [0, 1)
   */
  public static double[][] latinHypercube(int n, int dimension, long seed) {
    if (n < 0 || dimension < 0) {
      throw new IllegalArgumentException("a Latin hypercube needs n >= 0 and dimension >= 0, got "
          + n + ", " + dimension);
    }
    Random rnd = new Random(seed);
    double[][] x = new double[n][dimension];
    int[] perm = new int[n];
    for (int j = 0; j < dimension; j++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rnd.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = (perm[i] + rnd.nextDouble()) / n;
      }
    }
    return x;
  }
}
