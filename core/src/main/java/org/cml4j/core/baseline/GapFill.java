package org.cml4j.core.baseline;

/**
 * Fills NaN gaps of a series by linear interpolation between the neighbouring valid values in
 * index (time) order, and by the nearest valid value before the first or after the last one.
 */
public final class GapFill {
  private GapFill() {}

  /** A filled copy of {@code v}; null if no value is valid (finite). */
  public static double[] linear(double[] v) {
    int first = -1;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i])) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    double[] o = v.clone();
    for (int i = 0; i < first; i++) {
      o[i] = v[first];
    }
    int last = first;
    for (int i = first + 1; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        continue;
      }
      for (int k = last + 1; k < i; k++) {
        o[k] = v[last] + (v[i] - v[last]) * (k - last) / (double) (i - last);
      }
      last = i;
    }
    for (int i = last + 1; i < v.length; i++) {
      o[i] = v[last];
    }
    return o;
  }
}
