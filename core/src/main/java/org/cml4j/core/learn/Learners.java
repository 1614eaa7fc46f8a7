package org.cml4j.core.learn;

/**
 * Creates {@link Learner}s: DL4J networks (deeplearning4j-nn 1.0.0-M2.1, ND4J CPU backend) in
 * double precision.
 *
 * <pre>{@code
 * Learner mlp = Learners.create(LearnerSpec.mlp(32, 32).withSeed(7), nIn, nOut);
 * TrainingReport r = mlp.fit(xTrain, yTrain, xVal, yVal);   // early stopping on (xVal, yVal)
 * double[][] yHat = mlp.predict(xTest);
 * Learner lstm = Learners.create(LearnerSpec.lstm(16, 24), nIn, nOut);  // 24-row window
 * }</pre>
 *
 * <p>The first call configures ND4J process-wide: one thread for small tensors (override the
 * OpenMP count with {@code -Dcml4j.nd4j.threads=N}) and DOUBLE as the default floating type
 * ({@code Nd4j.setDefaultDataTypes(DOUBLE, DOUBLE)}), without which DL4J's LSTM silently computes
 * in float precision. Code that relies on ND4J's FLOAT default should pass data types explicitly.
 *
 * <p>Cost: DL4J spends roughly 1 ms of CPU per mini-batch step on a 2 x 32 MLP (per-op overhead,
 * not arithmetic) plus garbage-collection work, so prefer batches of 64+ rows; see
 * {@code LearnerTrainingBenchmark} and {@code docs/LEARNERS.md}.
 */
public final class Learners {
  private Learners() {}

  /**
   * A new learner with weights initialised from {@code spec.seed()}, identity scalers until the
   * first {@link Learner#fit}.
   *
   * @param nIn number of feature columns, >= 1
   * @param nOut number of target columns, >= 1
   */
  public static Learner create(LearnerSpec spec, int nIn, int nOut) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    return new NetworkLearner(spec, nIn, nOut);
  }
}
