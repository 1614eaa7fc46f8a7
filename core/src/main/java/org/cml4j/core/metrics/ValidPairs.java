package org.cml4j.core.metrics;

/**
 * The pairs of a simulated and an observed series where neither value is NaN, compacted into
 * {@code s[0..n)} and {@code o[0..n)} in time order, with the population moments the
 * {@link Metrics} scores are built from. Infinite values and series without a valid pair are
 * rejected with {@link IllegalArgumentException}.
 */
final class ValidPairs {
  final double[] s;
  final double[] o;
  final int n;

  private ValidPairs(double[] s, double[] o, int n) {
    this.s = s;
    this.o = o;
    this.n = n;
  }

  static ValidPairs of(double[] simulated, double[] observed) {
    if (simulated == null || observed == null) {
      throw new IllegalArgumentException("simulated and observed must not be null");
    }
    if (simulated.length != observed.length) {
      throw new IllegalArgumentException("length mismatch: simulated has " + simulated.length
          + " values, observed has " + observed.length);
    }
    double[] s = new double[simulated.length];
    double[] o = new double[simulated.length];
    int n = 0;
    for (int i = 0; i < simulated.length; i++) {
      double a = simulated[i];
      double b = observed[i];
      if (Double.isInfinite(a) || Double.isInfinite(b)) {
        throw new IllegalArgumentException("infinite value at index " + i + ": simulated " + a
            + ", observed " + b);
      }
      if (Double.isNaN(a) || Double.isNaN(b)) {
        continue;
      }
      s[n] = a;
      o[n] = b;
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException("no valid (non-NaN) simulated/observed pair among "
          + simulated.length + " values");
    }
    return new ValidPairs(s, o, n);
  }

  double meanSimulated() {
    return mean(s, n);
  }

  double meanObserved() {
    return mean(o, n);
  }

  /** Population variance of the simulated values. */
  double varianceSimulated() {
    return variance(s, n, mean(s, n));
  }

  /** Population variance of the observed values. */
  double varianceObserved() {
    return variance(o, n, mean(o, n));
  }

  /** Pearson correlation; throws naming {@code what} if either series is constant. */
  double correlation(String what) {
    double ms = mean(s, n);
    double mo = mean(o, n);
    double sso = 0;
    double sss = 0;
    double sp = 0;
    for (int i = 0; i < n; i++) {
      double ds = s[i] - ms;
      double d0 = o[i] - mo;
      sss += ds * ds;
      sso += d0 * d0;
      sp += ds * d0;
    }
    if (!(sss > 0) || !(sso > 0)) {
      String which = sss > 0 ? "observed" : "simulated";
      throw new IllegalArgumentException(what + " undefined: " + which
          + " values are constant over the " + n + " valid pairs");
    }
    return sp / Math.sqrt(sss * sso);
  }

  private static double mean(double[] v, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
    }
    return sum / n;
  }

  private static double variance(double[] v, int n, double m) {
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - m;
      ss += d * d;
    }
    return ss / n;
  }
}
