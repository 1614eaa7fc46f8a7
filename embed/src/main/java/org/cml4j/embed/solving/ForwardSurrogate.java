package org.cml4j.embed.solving;

import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.embed.learning.FastMlp;
import org.cml4j.embed.learning.Pca;

/**
 * A learned forward model: an MLP from normalised parameter coordinates to the principal-component
 * scores of the physics outputs ({@link PhysicsSamples}), reconstructed into the full flattened
 * output vector. Evaluation is plain Java ({@link FastMlp}), microseconds per call.
 *
 * @param box the parameter box the coordinates are normalised in
 * @param pca principal components of the physics outputs
 * @param net the trained network, parameters to component scores
 * @param report the network's training
 */
public record ForwardSurrogate(ParameterBox box, Pca pca, FastMlp net, TrainingReport report) {

  /** Trains on the samples: the last 15 % validate (early stopping). */
  public static ForwardSurrogate train(PhysicsSamples s, int components, int epochs, long seed) {
    int n = s.u().length;
    Pca pca = Pca.fit(s.y(), components);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = s.box().normalise(s.u()[i]);
      y[i] = pca.project(s.y()[i]);
    }
    int nv = Math.max(2, n * 15 / 100);
    LearnerSpec spec = LearnerSpec.mlp(64, 64).withEpochs(epochs).withBatchSize(64)
        .withLearningRate(3e-3).withPatience(40).withSeed(seed);
    Learner l = Learners.create(spec, x[0].length, pca.components());
    TrainingReport r = l.fit(java.util.Arrays.copyOf(x, n - nv), java.util.Arrays.copyOf(y,
        n - nv), java.util.Arrays.copyOfRange(x, n - nv, n), java.util.Arrays.copyOfRange(y,
        n - nv, n));
    return new ForwardSurrogate(s.box(), pca, FastMlp.of(l), r);
  }

  /** Variance kept by the principal components. */
  public double explainedVariance() {
    return pca.explainedVariance();
  }

  /** Predicted flattened outputs at transformed coordinates {@code u}. */
  public double[] predict(double[] u) {
    double[] s = new double[pca.components()];
    net.predict(box.normalise(u), s);
    return pca.reconstruct(s);
  }
}
