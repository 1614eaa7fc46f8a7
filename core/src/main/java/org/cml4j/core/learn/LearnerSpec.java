package org.cml4j.core.learn;

import java.util.Arrays;

/**
 * Architecture and training settings of a {@link Learner}; immutable, build with {@link #mlp} or
 * {@link #lstm} and adjust with the {@code with...} methods.
 *
 * <p>Training minimises the mean squared error of z-scored targets with Adam (Kingma and Ba 2015)
 * on shuffled mini-batches, with optional L2 weight decay and early stopping on a validation set
 * (Prechelt 1998): training stops after {@code patience} epochs without a new best validation loss
 * and the best weights are restored.
 *
 * @param kind network type
 * @param hidden hidden layer widths (MLP: dense layers; LSTM: stacked LSTM layers), each >= 1
 * @param activation hidden activation
 * @param maxEpochs upper bound on training epochs (passes over the training rows), >= 1
 * @param batchSize mini-batch size in rows, >= 1 (capped at the number of training rows)
 * @param learningRate Adam step size, > 0
 * @param l2 L2 penalty coefficient on weights (not biases), >= 0
 * @param patience epochs without validation improvement before stopping; 0 disables stopping
 *     (the best validation epoch is still restored)
 * @param lookback LSTM window length in rows (time steps), >= 1; must be 1 for an MLP
 * @param seed seed of weight initialisation and mini-batch shuffling
 */
public record LearnerSpec(Kind kind, int[] hidden, Activation activation, int maxEpochs,
    int batchSize, double learningRate, double l2, int patience, int lookback, long seed) {

  /** Network type. */
  public enum Kind {
    /** Feed-forward multilayer perceptron: row t of the output depends on row t of the input. */
    MLP,
    /** LSTM (Hochreiter and Schmidhuber 1997) over a window of the last {@code lookback} rows. */
    LSTM
  }

  /** Validates and defensively copies {@code hidden}. */
  public LearnerSpec {
    if (kind == null || activation == null) {
      throw new IllegalArgumentException("kind and activation must not be null");
    }
    if (hidden == null || hidden.length == 0) {
      throw new IllegalArgumentException("at least one hidden layer is required");
    }
    hidden = hidden.clone();
    for (int i = 0; i < hidden.length; i++) {
      if (hidden[i] < 1) {
        throw new IllegalArgumentException("hidden layer " + i + " width " + hidden[i]
            + " must be >= 1");
      }
    }
    require(maxEpochs >= 1, "maxEpochs", maxEpochs, ">= 1");
    require(batchSize >= 1, "batchSize", batchSize, ">= 1");
    require(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate,
        "finite and > 0");
    require(l2 >= 0 && Double.isFinite(l2), "l2", l2, "finite and >= 0");
    require(patience >= 0, "patience", patience, ">= 0");
    require(lookback >= 1, "lookback", lookback, ">= 1");
    if (kind == Kind.MLP && lookback != 1) {
      throw new IllegalArgumentException("lookback " + lookback
          + " needs kind LSTM; an MLP sees one row (add lagged columns to x instead)");
    }
  }

  /**
   * MLP with the given hidden widths (e.g. {@code mlp(32, 32)}): tanh, 200 epochs, batch 64,
   * learning rate 5e-3, no L2, patience 20, seed 42.
   */
  public static LearnerSpec mlp(int... hidden) {
    return new LearnerSpec(Kind.MLP, hidden, Activation.TANH, 200, 64, 5e-3, 0, 20, 1, 42);
  }

  /**
   * One LSTM layer of {@code hidden} units over windows of {@code lookback} rows: tanh, 100 epochs,
   * batch 64, learning rate 5e-3, no L2, patience 15, seed 42.
   */
  public static LearnerSpec lstm(int hidden, int lookback) {
    return new LearnerSpec(Kind.LSTM, new int[] {hidden}, Activation.TANH, 100, 64, 5e-3, 0, 15,
        lookback, 42);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  public LearnerSpec withHidden(int... h) {
    return new LearnerSpec(kind, h, activation, maxEpochs, batchSize, learningRate, l2, patience,
        lookback, seed);
  }

  public LearnerSpec withActivation(Activation a) {
    return new LearnerSpec(kind, hidden, a, maxEpochs, batchSize, learningRate, l2, patience,
        lookback, seed);
  }

  public LearnerSpec withEpochs(int e) {
    return new LearnerSpec(kind, hidden, activation, e, batchSize, learningRate, l2, patience,
        lookback, seed);
  }

  public LearnerSpec withBatchSize(int b) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, b, learningRate, l2, patience,
        lookback, seed);
  }

  public LearnerSpec withLearningRate(double lr) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, batchSize, lr, l2, patience,
        lookback, seed);
  }

  public LearnerSpec withL2(double c) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, batchSize, learningRate, c,
        patience, lookback, seed);
  }

  public LearnerSpec withPatience(int p) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, batchSize, learningRate, l2, p,
        lookback, seed);
  }

  public LearnerSpec withLookback(int l) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, batchSize, learningRate, l2,
        patience, l, seed);
  }

  public LearnerSpec withSeed(long s) {
    return new LearnerSpec(kind, hidden, activation, maxEpochs, batchSize, learningRate, l2,
        patience, lookback, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearnerSpec s && kind == s.kind && Arrays.equals(hidden, s.hidden)
        && activation == s.activation && maxEpochs == s.maxEpochs && batchSize == s.batchSize
        && Double.compare(learningRate, s.learningRate) == 0 && Double.compare(l2, s.l2) == 0
        && patience == s.patience && lookback == s.lookback && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hidden) + java.util.Objects.hash(kind, activation, maxEpochs,
        batchSize, learningRate, l2, patience, lookback, seed);
  }

  @Override
  public String toString() {
    return kind + Arrays.toString(hidden) + " " + activation + " epochs<=" + maxEpochs + " batch="
        + batchSize + " lr=" + learningRate + " l2=" + l2 + " patience=" + patience
        + (kind == Kind.LSTM ? " lookback=" + lookback : "") + " seed=" + seed;
  }

  private static void require(boolean ok, String name, Object value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(name + " = " + value + " out of range: must be " + range);
    }
  }
}
