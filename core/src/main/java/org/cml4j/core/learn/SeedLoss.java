package org.cml4j.core.learn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The linear "loss" {@code sum(labels .* output)}: with the upstream gradient passed as labels,
 * DL4J's backprop of this loss is the vector-Jacobian product of the network. Swapped into the
 * output layer only while {@link Learner#backprop} runs.
 */
final class SeedLoss implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    INDArray out = activationFn.getActivation(preOutput.dup(), false).muli(labels);
    if (mask != null) {
      out.muli(mask);
    }
    return out.sum(true, 1);
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
    return average ? s / labels.size(0) : s;
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    INDArray dLda = labels.dup();
    if (mask != null) {
      dLda.muli(mask);
    }
    return activationFn.backprop(preOutput.dup(), dLda).getFirst();
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  @Override
  public String name() {
    return "SeedLoss";
  }
}
