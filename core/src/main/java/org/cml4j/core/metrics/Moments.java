package org.cml4j.core.metrics;

/**
 * Count, sum and sum of squares of the non-NaN values of a series, accumulated in one pass in index
 * order, and the population variance E[x²] − E[x]² they give (in the squared unit of the values).
 * The one home of the one-pass variance behind observation weights and truth spreads; the sums are
 * formed in the same order as the loops it replaced, so their results are unchanged to the bit.
 * The one-pass formula loses precision when the mean is large against the spread (Chan, Golub and
 * LeVeque 1983); its users only weight or normalise by it.
 *
 * @param count      number of non-NaN values
 * @param sum        their sum (unit of the values)
 * @param sumSquares the sum of their squares (squared unit)
 */
public record Moments(int count, double sum, double sumSquares) {

  /** The moments of the non-NaN values of {@code values}. */
  public static Moments of(double[] values) {
    return of(values, 0, values.length);
  }

  /** The moments of the non-NaN values in {@code [from, to)}. */
  public static Moments of(double[] values, int from, int to) {
    double s = 0;
    double s2 = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(values[i])) {
        s += values[i];
        s2 += values[i] * values[i];
        n++;
      }
    }
    return new Moments(n, s, s2);
  }

  /**
   * Population variance sumSquares/count − (sum/count)²: may be slightly negative by rounding
   * (callers bound it), NaN without values.
   */
  public double variance() {
    return sumSquares / count - (sum / count) * (sum / count);
  }
}
