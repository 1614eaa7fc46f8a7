package org.cml4j.core.spi;

import java.util.Arrays;

/**
 * A predictive distribution of one target over a task's whole time axis, as an equally weighted
 * ensemble: {@code members[m][t]} (ensemble members, samples, or quantiles at the mid-point levels
 * (i - 0.5)/M, which an equally weighted ensemble represents equally well). Values are in the
 * target's units; a step where the coupling has no prediction is NaN in every member.
 *
 * <p>Quantiles ({@link #quantile}) interpolate the sorted members linearly between the levels
 * (i - 0.5)/M (Hyndman &amp; Fan 1996, type 5), clamped to the extreme members.
 *
 * @param method how the distribution was obtained, e.g. {@code laplace+noise},
 *     {@code deep-ensemble(5)+noise}, {@code enkf(40)+noise}, {@code split-conformal}
 * @param members [member][step], at least 2 members of equal length
 */
public record PredictiveDistribution(String method, double[][] members) {
  public PredictiveDistribution {
    if (members == null || members.length < 2) {
      throw new IllegalArgumentException("predictive distribution " + method
          + " needs at least 2 members, got " + (members == null ? 0 : members.length));
    }
    int n = members[0].length;
    for (double[] m : members) {
      if (m.length != n) {
        throw new IllegalArgumentException("predictive distribution " + method
            + ": members have " + n + " and " + m.length + " steps");
      }
      for (double v : m) {
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("predictive distribution " + method
              + " has an infinite member value");
        }
      }
    }
  }

  /** Number of members. */
  public int size() {
    return members.length;
  }

  /** Number of time steps. */
  public int length() {
    return members[0].length;
  }

  /** The members at step {@code t}, sorted ascending (NaN if the step has no prediction). */
  public double[] sortedAt(int t) {
    double[] v = new double[members.length];
    for (int m = 0; m < v.length; m++) {
      v[m] = members[m][t];
    }
    Arrays.sort(v);
    return v;
  }

  /** Mean of the members at every step. */
  public double[] mean() {
    double[] s = new double[length()];
    for (double[] m : members) {
      for (int t = 0; t < s.length; t++) {
        s[t] += m[t];
      }
    }
    for (int t = 0; t < s.length; t++) {
      s[t] /= members.length;
    }
    return s;
  }

  /** The {@code p}-quantile (0 &lt; p &lt; 1) at step {@code t} (type 5, see the class comment). */
  public double quantile(int t, double p) {
    return quantileOfSorted(sortedAt(t), p);
  }

  /** The {@code p}-quantile of sorted equally weighted values (type 5, clamped). */
  public static double quantileOfSorted(double[] sorted, double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("quantile level must be in (0, 1), got " + p);
    }
    int m = sorted.length;
    double h = p * m - 0.5;
    if (h <= 0) {
      return sorted[0];
    }
    if (h >= m - 1) {
      return sorted[m - 1];
    }
    int i = (int) Math.floor(h);
    return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
  }
}
