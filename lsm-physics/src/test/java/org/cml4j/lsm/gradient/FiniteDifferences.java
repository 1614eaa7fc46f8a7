package org.cml4j.lsm.gradient;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.Trajectory;

/**
 * The finite-difference harness shared by the gradient checks: a seeded random output weighting
 * {@code w[k][j]}, the scalar loss {@code sum_k sum_j w[k][j] y[k][j]} whose gradient the adjoint
 * computes, the central difference and the relative error.
 */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /** Gaussian weights [levels][m] from {@code new Random(s)}. */
  static double[][] seed(int levels, int m, long s) {
    Random rnd = new Random(s);
    double[][] w = new double[levels][m];
    for (double[] row : w) {
      for (int j = 0; j < m; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    return w;
  }

  /** {@code sum_k sum_j w[k][j] y[k][j]} over the trajectory's outputs. */
  static double loss(Trajectory tr, List<Output> outputs, double[][] w) {
    double[][] y = tr.outputs(outputs);
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      for (int j = 0; j < y[k].length; j++) {
        s += w[k][j] * y[k][j];
      }
    }
    return s;
  }

  /** Central difference {@code (f(x + h) - f(x - h)) / 2h}. */
  static double central(Function<Double, Double> f, double x, double h) {
    return (f.apply(x + h) - f.apply(x - h)) / (2 * h);
  }

  /** {@code |a - b| / |b|}. */
  static double relErr(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
  }
}
