package org.cml4j.core.learn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** DL4J network for a {@link LearnerSpec}: double precision, Adam, linear MSE output layer. */
final class NetworkFactory {
  private NetworkFactory() {}

  /** A freshly initialised network; the same spec and sizes give identical weights. */
  static MultiLayerNetwork build(LearnerSpec spec, int nIn, int nOut) {
    Nd4jRuntime.configure();
    NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
        .seed(spec.seed())
        .dataType(DataType.DOUBLE)
        .updater(new Adam(spec.learningRate()))
        .weightInit(spec.activation().weightInit());
    if (spec.l2() > 0) {
      b.l2(spec.l2());
    }
    NeuralNetConfiguration.ListBuilder list = b.list();
    int[] hidden = spec.hidden();
    int in = nIn;
    for (int i = 0; i < hidden.length; i++) {
      list.layer(hiddenLayer(spec, in, hidden[i], i == hidden.length - 1));
      in = hidden[i];
    }
    list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .nIn(in).nOut(nOut).activation(org.nd4j.linalg.activations.Activation.IDENTITY).build());
    MultiLayerConfiguration conf = list.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static Layer hiddenLayer(LearnerSpec spec, int in, int out, boolean last) {
    if (spec.kind() == LearnerSpec.Kind.MLP) {
      return new DenseLayer.Builder().nIn(in).nOut(out).activation(spec.activation().dl4j())
          .build();
    }
    LSTM lstm = new LSTM.Builder().nIn(in).nOut(out).activation(spec.activation().dl4j())
        .gateActivationFunction(org.nd4j.linalg.activations.Activation.SIGMOID).build();
    return last ? new LastTimeStep(lstm) : lstm;
  }
}
