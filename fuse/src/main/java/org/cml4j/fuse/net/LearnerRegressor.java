package org.cml4j.fuse.net;

import org.cml4j.core.learn.Activation;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.Standardizer;

/**
 * A {@link Regressor} over the core {@link Learner} (a DL4J MLP, double precision): its inputs
 * are z-scored with a scaler fitted on the given rows and its outputs are
 * {@code start + scale * z} for the network's raw output z; the output layer's initial weights
 * are shrunk tenfold and its bias zeroed (DL4J stores each dense layer as its weights then its
 * bias, the output layer last), so an untrained network outputs values near {@code start} (e.g.
 * the logit of a calibrated parameter). {@link #backprop} is
 * {@link Learner#backprop}, the exact vector-Jacobian product the physics adjoint is chained into.
 */
public final class LearnerRegressor implements Regressor {
  private final Learner learner;

  /**
   * @param hidden hidden layer widths
   * @param x rows the input scaler is fitted on
   * @param start output offsets (one per output)
   * @param scale output scales (one per output, > 0)
   * @param seed weight seed
   */
  public LearnerRegressor(int[] hidden, double[][] x, double[] start, double[] scale, long seed) {
    this.learner = Learners.create(LearnerSpec.mlp(hidden).withActivation(Activation.TANH)
        .withSeed(seed), x[0].length, start.length);
    learner.setScalers(Standardizer.fit(x, "network inputs"), Standardizer.of(start, scale));
    double[] p = learner.params();
    int nOut = start.length;
    int last = hidden[hidden.length - 1];
    int from = p.length - (last * nOut + nOut);
    for (int i = from; i < p.length - nOut; i++) {
      p[i] *= 0.1;
    }
    for (int i = p.length - nOut; i < p.length; i++) {
      p[i] = 0;
    }
    learner.setParams(p);
  }

  /** The underlying learner. */
  public Learner learner() {
    return learner;
  }

  @Override
  public int nIn() {
    return learner.nIn();
  }

  @Override
  public int nOut() {
    return learner.nOut();
  }

  @Override
  public double[][] predict(double[][] x) {
    return learner.predict(x);
  }

  @Override
  public double[] backprop(double[][] x, double[][] dLdy) {
    return learner.backprop(x, dLdy);
  }

  @Override
  public double[] params() {
    return learner.params();
  }

  @Override
  public void setParams(double[] p) {
    learner.setParams(p);
  }
}
