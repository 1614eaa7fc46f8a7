package org.cml4j.core.learn;

import java.util.Random;
import org.cml4j.core.metrics.Metrics;

/** Seeded synthetic regression data for learner tests. */
final class Synthetic {
  private Synthetic() {}

  /** Uniform features in [-1.5, 1.5]. */
  static double[][] uniform(int rows, int cols, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[rows][cols];
    for (double[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = -1.5 + 3 * r.nextDouble();
      }
    }
    return x;
  }

  /** Smooth target {@code 20 + 5 (sin(2 a) + 0.5 b^2 - a b)}; offset and scale test the scalers. */
  static double[][] smooth(double[][] x) {
    double[][] y = new double[x.length][1];
    for (int i = 0; i < x.length; i++) {
      double a = x[i][0];
      double b = x[i][1];
      y[i][0] = 20 + 5 * (Math.sin(2 * a) + 0.5 * b * b - a * b);
    }
    return y;
  }

  /** R² of column {@code j}. */
  static double r2(double[][] pred, double[][] obs, int j) {
    return Metrics.r2(Metrics.column(pred, j), Metrics.column(obs, j));
  }

  /** Rows {@code [from, to)}. */
  static double[][] rows(double[][] a, int from, int to) {
    return java.util.Arrays.copyOfRange(a, from, to);
  }
}
