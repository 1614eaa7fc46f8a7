package org.cml4j.core.metrics;

/**
 * Normalised fractional ranks of competing models' metric values (see
 * {@link Metrics#normalisedRanks}).
 */
final class Ranks {
  private Ranks() {}

  static double[] normalised(double[] values) {
    java.util.List<Integer> idx = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException("infinite value at index " + i);
      }
      if (!Double.isNaN(values[i])) {
        idx.add(i);
      }
    }
    idx.sort(java.util.Comparator.comparingDouble(i -> values[i]));
    double[] out = new double[values.length];
    java.util.Arrays.fill(out, Double.NaN);
    int m = idx.size();
    for (int a = 0; a < m; ) {
      int b = a;
      while (b + 1 < m && values[idx.get(b + 1)] == values[idx.get(a)]) {
        b++;
      }
      double rank = (a + b) / 2.0 + 1;
      for (int k = a; k <= b; k++) {
        out[idx.get(k)] = m == 1 ? 0 : (rank - 1) / (m - 1);
      }
      a = b + 1;
    }
    return out;
  }
}
