package org.cml4j.core.learn;

import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Hidden-layer activation of a {@link Learner}; outputs are always linear (regression).
 *
 * <p>For LSTMs this is the cell/output activation (the gates are always sigmoid, as in Hochreiter
 * and Schmidhuber 1997). Weights are initialised with He et al. (2015) scaling for the ReLU family
 * and Glorot and Bengio (2010) scaling otherwise. Use a smooth activation (TANH, SOFTPLUS, ELU,
 * SIGMOID) when the network is trained through {@link Learner#backprop} of a physics adjoint and
 * checked against finite differences: RELU is only piecewise differentiable.
 */
public enum Activation {
  TANH(org.nd4j.linalg.activations.Activation.TANH, WeightInit.XAVIER),
  RELU(org.nd4j.linalg.activations.Activation.RELU, WeightInit.RELU),
  LEAKY_RELU(org.nd4j.linalg.activations.Activation.LEAKYRELU, WeightInit.RELU),
  ELU(org.nd4j.linalg.activations.Activation.ELU, WeightInit.RELU),
  SOFTPLUS(org.nd4j.linalg.activations.Activation.SOFTPLUS, WeightInit.XAVIER),
  SIGMOID(org.nd4j.linalg.activations.Activation.SIGMOID, WeightInit.XAVIER),
  IDENTITY(org.nd4j.linalg.activations.Activation.IDENTITY, WeightInit.XAVIER);

  private final org.nd4j.linalg.activations.Activation dl4j;
  private final WeightInit init;

  Activation(org.nd4j.linalg.activations.Activation dl4j, WeightInit init) {
    this.dl4j = dl4j;
    this.init = init;
  }

  org.nd4j.linalg.activations.Activation dl4j() {
    return dl4j;
  }

  WeightInit weightInit() {
    return init;
  }
}
