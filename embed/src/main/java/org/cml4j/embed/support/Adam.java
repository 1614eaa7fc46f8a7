package org.cml4j.embed.support;

/**
 * Adam (Kingma and Ba 2015) on a flat parameter vector with one learning rate per entry, PyTorch
 * default moments (0.9, 0.999, 1e-8). Used to train networks through a physics adjoint, where the
 * gradient comes from {@code Learner.backprop} rather than from DL4J's own training loop.
 */
public final class Adam {
  private final double[] lr;
  private final double[] m;
  private final double[] v;
  private double b1t = 1;
  private double b2t = 1;

  /** One learning rate per entry. */
  public Adam(double[] learningRates) {
    this.lr = learningRates.clone();
    this.m = new double[lr.length];
    this.v = new double[lr.length];
  }

  /** The same learning rate for {@code n} entries. */
  public static Adam uniform(int n, double learningRate) {
    double[] lr = new double[n];
    java.util.Arrays.fill(lr, learningRate);
    return new Adam(lr);
  }

  /** One step: {@code x -= lr * mHat / (sqrt(vHat) + eps)} in place. */
  public void step(double[] x, double[] grad) {
    if (x.length != lr.length || grad.length != lr.length) {
      throw new IllegalArgumentException("Adam has " + lr.length + " entries, got x "
          + x.length + ", gradient " + grad.length);
    }
    b1t *= 0.9;
    b2t *= 0.999;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(grad[i])) {
        throw new IllegalStateException("non-finite gradient " + grad[i] + " at entry " + i);
      }
      m[i] = 0.9 * m[i] + 0.1 * grad[i];
      v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
      x[i] -= lr[i] * (m[i] / (1 - b1t)) / (Math.sqrt(v[i] / (1 - b2t)) + 1e-8);
    }
  }
}
