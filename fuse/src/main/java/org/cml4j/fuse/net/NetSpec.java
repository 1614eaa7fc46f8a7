package org.cml4j.fuse.net;

import java.util.Arrays;

/**
 * Architecture and training settings of a {@link FusionNetwork}: a tanh multilayer perceptron
 * trained full-batch with Adam (Kingma and Ba 2015) and early stopping on the validation misfit
 * (best weights restored).
 *
 * @param hidden hidden layer widths (each >= 1)
 * @param epochs maximum epochs of the (fine-tuning) training phase, >= 1
 * @param pretrainEpochs epochs of pretraining on simulated targets (0 = none)
 * @param learningRate Adam step size, > 0
 * @param patience epochs without a better validation misfit before stopping (0 = never stop)
 * @param seed seed of the weight initialisation
 */
public record NetSpec(int[] hidden, int epochs, int pretrainEpochs, double learningRate,
    int patience, long seed) {
  public NetSpec {
    hidden = hidden.clone();
    if (hidden.length == 0) {
      throw new IllegalArgumentException("a network needs at least one hidden layer");
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden widths must be >= 1, got "
            + Arrays.toString(hidden));
      }
    }
    if (epochs < 1 || pretrainEpochs < 0 || patience < 0) {
      throw new IllegalArgumentException("need epochs >= 1, pretrainEpochs >= 0, patience >= 0;"
          + " got " + epochs + ", " + pretrainEpochs + ", " + patience);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
  }

  /** Two hidden layers of 24 units, learning rate 1e-2, patience 150, no pretraining. */
  public static NetSpec standard(int epochs, long seed) {
    return new NetSpec(new int[] {24, 24}, epochs, 0, 1e-2, 150, seed);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  public NetSpec withPretraining(int e) {
    return new NetSpec(hidden, epochs, e, learningRate, patience, seed);
  }

  public NetSpec withSeed(long s) {
    return new NetSpec(hidden, epochs, pretrainEpochs, learningRate, patience, s);
  }

  public NetSpec withEpochs(int e) {
    return new NetSpec(hidden, e, pretrainEpochs, learningRate, patience, seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetSpec s && Arrays.equals(hidden, s.hidden) && epochs == s.epochs
        && pretrainEpochs == s.pretrainEpochs && learningRate == s.learningRate
        && patience == s.patience && seed == s.seed;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hidden) * 31 + Long.hashCode(seed) + epochs;
  }

  @Override
  public String toString() {
    return "MLP" + Arrays.toString(hidden) + " tanh, epochs " + epochs + ", pretrain "
        + pretrainEpochs + ", lr " + learningRate + ", patience " + patience + ", seed " + seed;
  }
}
