package org.cml4j.embed.learning;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal-component compression of long output series (e.g. a few depths x hundreds of hours)
 * to a handful of scores, so a network maps parameters to scores (surrogate) or scores to
 * parameters (amortised inverse). Fitted by SVD of the centred sample matrix (Commons Math).
 */
public final class Pca {
  private final double[] mean;
  private final double[][] components; // [k][dim], orthonormal rows
  private final double explained;

  private Pca(double[] mean, double[][] components, double explained) {
    this.mean = mean;
    this.components = components;
    this.explained = explained;
  }

  /** Fits {@code k} components to the rows of {@code samples} [n][dim] (finite values). */
  public static Pca fit(double[][] samples, int k) {
    int n = samples.length;
    int dim = samples[0].length;
    if (n < 2 || k < 1) {
      throw new IllegalArgumentException("PCA needs >= 2 samples and >= 1 component, got " + n
          + " samples, " + k + " components");
    }
    double[] mean = new double[dim];
    for (double[] s : samples) {
      if (s.length != dim) {
        throw new IllegalArgumentException("PCA samples have different lengths: " + s.length
            + " vs " + dim);
      }
      for (int j = 0; j < dim; j++) {
        if (!Double.isFinite(s[j])) {
          throw new IllegalArgumentException("PCA sample has a non-finite value at " + j);
        }
        mean[j] += s[j] / n;
      }
    }
    double[][] c = new double[n][dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        c[i][j] = samples[i][j] - mean[j];
      }
    }
    SingularValueDecomposition svd = new SingularValueDecomposition(
        new Array2DRowRealMatrix(c, false));
    double[] sv = svd.getSingularValues();
    int kk = Math.min(k, sv.length);
    double[][] v = svd.getVT().getData();
    double[][] comp = new double[kk][];
    double tot = 0;
    double kept = 0;
    for (int i = 0; i < sv.length; i++) {
      tot += sv[i] * sv[i];
      if (i < kk) {
        kept += sv[i] * sv[i];
        comp[i] = v[i].clone();
      }
    }
    return new Pca(mean, comp, tot == 0 ? 1 : kept / tot);
  }

  /** Number of components. */
  public int components() {
    return components.length;
  }

  /** Fraction of the sample variance the components keep. */
  public double explainedVariance() {
    return explained;
  }

  /** Scores of one series. */
  public double[] project(double[] x) {
    double[] s = new double[components.length];
    for (int k = 0; k < s.length; k++) {
      double acc = 0;
      for (int j = 0; j < x.length; j++) {
        acc += (x[j] - mean[j]) * components[k][j];
      }
      s[k] = acc;
    }
    return s;
  }

  /** The series reconstructed from scores. */
  public double[] reconstruct(double[] scores) {
    double[] x = mean.clone();
    for (int k = 0; k < scores.length; k++) {
      for (int j = 0; j < x.length; j++) {
        x[j] += scores[k] * components[k][j];
      }
    }
    return x;
  }
}
