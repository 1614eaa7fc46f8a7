package org.cml4j.cascade.samples;

import java.util.List;

/**
 * Physics-generated training samples: sampled parameter vectors and the model outputs they
 * produce. {@code outputs[s][k][t]} is output {@code k} at step {@code t} of sample {@code s}.
 *
 * @param space the sampling space (parameter order)
 * @param sampler sampler name
 * @param parameters [sample][parameter] physical values of the successful runs
 * @param outputNames output variable names (order of the second index of {@code outputs})
 * @param outputs [sample][output][step]
 * @param failures samples dropped because the model failed or produced non-finite values
 */
public record SampleSet(SamplingSpace space, String sampler, double[][] parameters,
    List<String> outputNames, double[][][] outputs, int failures) {
  public SampleSet {
    outputNames = List.copyOf(outputNames);
    if (parameters.length != outputs.length) {
      throw new IllegalArgumentException(parameters.length + " parameter vectors but "
          + outputs.length + " output sets");
    }
  }

  /** Number of successful samples. */
  public int size() {
    return parameters.length;
  }

  /** Index of an output variable; throws listing the outputs. */
  public int outputIndex(String name) {
    int k = outputNames.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("samples have no output " + name + "; outputs: "
          + outputNames);
    }
    return k;
  }

  /** Series of output {@code name} in sample {@code s}. */
  public double[] output(int s, String name) {
    return outputs[s][outputIndex(name)].clone();
  }

  /** Parameters of all samples in unit-cube coordinates of the sampling space. */
  public double[][] unitParameters() {
    double[][] u = new double[parameters.length][];
    for (int i = 0; i < u.length; i++) {
      u[i] = space.toUnit(parameters[i]);
    }
    return u;
  }
}
