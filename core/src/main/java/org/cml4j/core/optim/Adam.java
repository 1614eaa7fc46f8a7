package org.cml4j.core.optim;

import java.util.Arrays;

/**
 * The one Adam update of cml4j (Kingma &amp; Ba 2015) on a flat parameter vector with one learning
 * rate per entry (in the entry's own units). Every hand-written training loop of the framework
 * (physical-parameter inversion, networks trained through a physics adjoint, gated ensembles,
 * fusion networks) steps through this class; DL4J's own updaters are used only inside DL4J fits.
 *
 * <p>The update of entry {@code i} at step {@code t} is, in this exact floating-point order,
 * <pre>
 *   m = beta1 * m + w1 * g
 *   v = beta2 * v + w2 * g * g
 *   x = x - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 * where {@code w1, w2} are the weights of the new gradient ({@code 1 - beta}, see
 * {@link Settings}). The bias corrections {@code beta^t} come either from a running product
 * ({@link #step(double[], double[])}) or from {@code Math.pow} at an explicit step number
 * ({@link #stepAt(int, double[], double[])}); the two differ in the last bits, so each caller keeps
 * the form its published results were produced with.
 */
public final class Adam {
  private final Settings settings;
  private final double[] lr;
  private final double[] m;
  private final double[] v;
  private final boolean rejectNonFinite;
  private double b1t = 1;
  private double b2t = 1;

  /**
   * Moment decay rates and the weights of the new gradient in each moment.
   *
   * @param beta1 first-moment decay
   * @param beta2 second-moment decay
   * @param epsilon denominator guard
   * @param weight1 weight of the new gradient in the first moment (mathematically 1 - beta1)
   * @param weight2 weight of the squared gradient in the second moment (1 - beta2)
   */
  public record Settings(double beta1, double beta2, double epsilon, double weight1,
      double weight2) {
    public Settings {
      if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
        throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and epsilon > 0; got "
            + beta1 + ", " + beta2 + ", " + epsilon);
      }
    }

    /** Decays {@code beta1, beta2} with weights computed as {@code 1 - beta} in double. */
    public static Settings of(double beta1, double beta2, double epsilon) {
      return new Settings(beta1, beta2, epsilon, 1 - beta1, 1 - beta2);
    }

    /** PyTorch's defaults (0.9, 0.999, 1e-8), weights computed as {@code 1 - beta}. */
    public static Settings pytorch() {
      return of(0.9, 0.999, 1e-8);
    }

    /**
     * PyTorch's defaults with the weights written as the decimals 0.1 and 0.001 (which differ from
     * {@code 1 - 0.9} and {@code 1 - 0.999} in the last bit); the form used by the embedding
     * inversions and the cascade's gated ensemble.
     */
    public static Settings pytorchDecimal() {
      return new Settings(0.9, 0.999, 1e-8, 0.1, 0.001);
    }
  }

  /**
   * @param settings decays and epsilon
   * @param learningRates one per entry
   * @param rejectNonFinite whether a NaN or infinite gradient entry throws
   *     {@link IllegalStateException} (otherwise it propagates into the parameters)
   */
  public Adam(Settings settings, double[] learningRates, boolean rejectNonFinite) {
    this.settings = settings;
    this.lr = learningRates.clone();
    this.m = new double[lr.length];
    this.v = new double[lr.length];
    this.rejectNonFinite = rejectNonFinite;
  }

  /** The same learning rate for {@code n} entries; non-finite gradients propagate. */
  public static Adam uniform(Settings settings, int n, double learningRate) {
    double[] rates = new double[n];
    Arrays.fill(rates, learningRate);
    return new Adam(settings, rates, false);
  }

  /** Number of entries. */
  public int size() {
    return lr.length;
  }

  /** One step in place, bias corrections from running products of the decays. */
  public void step(double[] x, double[] grad) {
    b1t *= settings.beta1();
    b2t *= settings.beta2();
    update(x, grad, 1 - b1t, 1 - b2t);
  }

  /** One step in place at step number {@code t >= 1}, bias corrections {@code 1 - beta^t}. */
  public void stepAt(int t, double[] x, double[] grad) {
    update(x, grad, 1 - Math.pow(settings.beta1(), t), 1 - Math.pow(settings.beta2(), t));
  }

  private void update(double[] x, double[] grad, double c1, double c2) {
    if (x.length != lr.length || grad.length != lr.length) {
      throw new IllegalArgumentException("Adam has " + lr.length + " entries, got x "
          + x.length + ", gradient " + grad.length);
    }
    double beta1 = settings.beta1();
    double beta2 = settings.beta2();
    double w1 = settings.weight1();
    double w2 = settings.weight2();
    double eps = settings.epsilon();
    for (int i = 0; i < x.length; i++) {
      double g = grad[i];
      if (rejectNonFinite && !Double.isFinite(g)) {
        throw new IllegalStateException("non-finite gradient " + g + " at entry " + i);
      }
      m[i] = beta1 * m[i] + w1 * g;
      v[i] = beta2 * v[i] + w2 * g * g;
      x[i] -= lr[i] * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
}
