package org.cml4j.embed.learning;

import org.cml4j.core.learn.Activation;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Standardizer;

/**
 * Allocation-free plain-Java forward pass of a trained MLP {@link Learner} (same weights, scalers
 * and activations), for use inside physics time loops where one ND4J call per step would cost more
 * than the whole step (5–20 microseconds of op overhead versus about one microsecond for a 101-node
 * column step). Reads the DL4J parameter layout: per layer the weight matrix [nIn x nOut] in
 * column-major order, then the bias. A snapshot: later training of the learner is not seen.
 * Not thread-safe (scratch buffers); use {@link #copy()} per thread.
 */
public final class FastMlp {
  private final double[][] w;
  private final double[][] b;
  private final int[] sizes;
  private final Activation act;
  private final double[] xMean;
  private final double[] xScale;
  private final double[] yMean;
  private final double[] yScale;
  private final double[][] buf;

  private FastMlp(double[][] w, double[][] b, int[] sizes, Activation act, double[] xMean,
      double[] xScale, double[] yMean, double[] yScale) {
    this.w = w;
    this.b = b;
    this.sizes = sizes;
    this.act = act;
    this.xMean = xMean;
    this.xScale = xScale;
    this.yMean = yMean;
    this.yScale = yScale;
    this.buf = new double[sizes.length][];
    for (int i = 0; i < sizes.length; i++) {
      buf[i] = new double[sizes[i]];
    }
  }

  /** Snapshot of an MLP learner. */
  public static FastMlp of(Learner l) {
    if (l.spec().kind() != LearnerSpec.Kind.MLP) {
      throw new IllegalArgumentException("FastMlp needs an MLP learner, got " + l.spec().kind());
    }
    int[] hidden = l.spec().hidden();
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = l.nIn();
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = l.nOut();
    double[] p = l.params();
    int layers = sizes.length - 1;
    double[][] w = new double[layers][];
    double[][] b = new double[layers][];
    int off = 0;
    for (int k = 0; k < layers; k++) {
      int in = sizes[k];
      int out = sizes[k + 1];
      w[k] = new double[in * out];
      // DL4J: W is [in, out] flattened column-major; store row-major by output for speed
      for (int j = 0; j < out; j++) {
        for (int i = 0; i < in; i++) {
          w[k][j * in + i] = p[off + i + j * in];
        }
      }
      off += in * out;
      b[k] = java.util.Arrays.copyOfRange(p, off, off + out);
      off += out;
    }
    if (off != p.length) {
      throw new IllegalStateException("unexpected parameter layout: read " + off + " of "
          + p.length + " parameters");
    }
    Standardizer xs = l.featureScaler();
    Standardizer ys = l.targetScaler();
    return new FastMlp(w, b, sizes, l.spec().activation(), column(xs, true), column(xs, false),
        column(ys, true), column(ys, false));
  }

  private static double[] column(Standardizer s, boolean mean) {
    double[] v = new double[s.columns()];
    for (int j = 0; j < v.length; j++) {
      v[j] = mean ? s.mean(j) : s.scale(j);
    }
    return v;
  }

  /** Independent copy with its own scratch buffers. */
  public FastMlp copy() {
    return new FastMlp(w, b, sizes, act, xMean, xScale, yMean, yScale);
  }

  public int nIn() {
    return sizes[0];
  }

  public int nOut() {
    return sizes[sizes.length - 1];
  }

  /** Prediction for one row {@code x} (original units) into {@code y}. */
  public void predict(double[] x, double[] y) {
    double[] cur = buf[0];
    for (int i = 0; i < cur.length; i++) {
      cur[i] = (x[i] - xMean[i]) / xScale[i];
    }
    int layers = w.length;
    for (int k = 0; k < layers; k++) {
      int in = sizes[k];
      int out = sizes[k + 1];
      double[] next = k == layers - 1 ? y : buf[k + 1];
      double[] wk = w[k];
      for (int j = 0; j < out; j++) {
        double s = b[k][j];
        int base = j * in;
        for (int i = 0; i < in; i++) {
          s += wk[base + i] * cur[i];
        }
        next[j] = k == layers - 1 ? s : activate(s);
      }
      cur = next;
    }
    for (int j = 0; j < y.length; j++) {
      y[j] = yMean[j] + yScale[j] * y[j];
    }
  }

  private double activate(double s) {
    return switch (act) {
      case TANH -> 1 - 2 / (Math.exp(2 * s) + 1);
      case RELU -> Math.max(0, s);
      case LEAKY_RELU -> s > 0 ? s : 0.01 * s;
      case ELU -> s > 0 ? s : Math.expm1(s);
      case SOFTPLUS -> s > 30 ? s : Math.log1p(Math.exp(s));
      case SIGMOID -> 1 / (1 + Math.exp(-s));
      case IDENTITY -> s;
    };
  }
}
