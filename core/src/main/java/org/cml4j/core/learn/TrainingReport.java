package org.cml4j.core.learn;

import java.util.Arrays;

/**
 * What one {@link Learner#fit} or {@link Learner#fineTune} call did.
 *
 * <p>Losses are mean squared errors of the <em>z-scored</em> targets over their non-NaN entries
 * (dimensionless; 1 = as good as predicting the training mean), evaluated on the whole training
 * and validation sets after each epoch with the weights of that epoch. Entry {@code i} of the loss
 * arrays is after epoch {@code i + 1}.
 *
 * @param epochs epochs actually run
 * @param bestEpoch epoch whose weights the learner now holds: the best validation epoch (1-based),
 *     0 if a fine-tune never beat the starting weights, or {@code epochs} without validation data
 * @param trainLoss training loss per epoch (length {@code epochs})
 * @param valLoss validation loss per epoch (NaN entries when no validation set was given)
 * @param seconds wall-clock training time
 * @param earlyStopped true if training stopped on patience before {@code maxEpochs}
 */
public record TrainingReport(int epochs, int bestEpoch, double[] trainLoss, double[] valLoss,
    double seconds, boolean earlyStopped) {

  /** Defensive copies. */
  public TrainingReport {
    trainLoss = trainLoss.clone();
    valLoss = valLoss.clone();
  }

  @Override
  public double[] trainLoss() {
    return trainLoss.clone();
  }

  @Override
  public double[] valLoss() {
    return valLoss.clone();
  }

  /** Validation loss of the kept weights (NaN without validation data or if bestEpoch = 0). */
  public double bestValLoss() {
    return bestEpoch >= 1 ? valLoss[bestEpoch - 1] : Double.NaN;
  }

  /** Training loss after the last epoch run. */
  public double finalTrainLoss() {
    return trainLoss[epochs - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingReport r && epochs == r.epochs && bestEpoch == r.bestEpoch
        && Arrays.equals(trainLoss, r.trainLoss) && Arrays.equals(valLoss, r.valLoss)
        && Double.compare(seconds, r.seconds) == 0 && earlyStopped == r.earlyStopped;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(trainLoss) + Arrays.hashCode(valLoss) + epochs * 7 + bestEpoch;
  }

  @Override
  public String toString() {
    return String.format("%d epochs (best %d%s), train loss %.4g, best val loss %.4g, %.2f s",
        epochs, bestEpoch, earlyStopped ? ", early stop" : "", finalTrainLoss(), bestValLoss(),
        seconds);
  }
}
