package org.cml4j.embed.learning;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Multi-output ridge regression {@code y = W^T [x, 1]} on standardised inputs (Hoerl and Kennard
 * 1970), solved by Cholesky on the normal equations. The linear backbone of emulators: it carries
 * the (stable, linear) diffusion part of a column step, and a network learns what remains.
 */
public final class Ridge {
  private final double[][] w; // [nIn + 1][nOut]
  private final double[] mean;
  private final double[] scale;

  private Ridge(double[][] w, double[] mean, double[] scale) {
    this.w = w;
    this.mean = mean;
    this.scale = scale;
  }

  /** Fits on rows of {@code x} [n][nIn] and {@code y} [n][nOut] with penalty {@code lambda}. */
  public static Ridge fit(double[][] x, double[][] y, double lambda) {
    int n = x.length;
    int p = x[0].length;
    int q = y[0].length;
    double[] mean = new double[p];
    double[] scale = new double[p];
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += r[j] / n;
      }
    }
    for (double[] r : x) {
      for (int j = 0; j < p; j++) {
        scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < p; j++) {
      scale[j] = Math.sqrt(scale[j]) > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double[][] xtx = new double[p + 1][p + 1];
    double[][] xty = new double[p + 1][q];
    double[] z = new double[p + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        z[j] = (x[i][j] - mean[j]) / scale[j];
      }
      z[p] = 1;
      for (int a = 0; a <= p; a++) {
        for (int b = 0; b <= p; b++) {
          xtx[a][b] += z[a] * z[b];
        }
        for (int c = 0; c < q; c++) {
          xty[a][c] += z[a] * y[i][c];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      xtx[a][a] += lambda;
    }
    xtx[p][p] += 1e-12;
    RealMatrix sol = new CholeskyDecomposition(new Array2DRowRealMatrix(xtx, false)).getSolver()
        .solve(new Array2DRowRealMatrix(xty, false));
    return new Ridge(sol.getData(), mean, scale);
  }

  /** Prediction for one row into {@code y}. */
  public void predict(double[] x, double[] y) {
    int p = mean.length;
    for (int c = 0; c < y.length; c++) {
      y[c] = w[p][c];
    }
    for (int j = 0; j < p; j++) {
      double zj = (x[j] - mean[j]) / scale[j];
      for (int c = 0; c < y.length; c++) {
        y[c] += w[j][c] * zj;
      }
    }
  }

  /** d y_c / d x_j in original units. */
  public double derivative(int j, int c) {
    return w[j][c] / scale[j];
  }
}
