package org.cml4j.cascade.samples;

import org.cml4j.core.spi.ParameterInfo;

/**
 * Latin hypercube sampling (McKay, Beckman &amp; Conover 1979) as a {@link ParameterSampler}: the
 * framework's one implementation, {@link ParameterInfo#latinHypercube}.
 */
public final class LatinHypercubeSampler implements ParameterSampler {
  private final long seed;

  public LatinHypercubeSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public double[][] sample(int n, int dimension) {
    if (n < 1 || dimension < 1) {
      throw new IllegalArgumentException("LHS needs n >= 1 and dimension >= 1, got " + n + ", "
          + dimension);
    }
    return ParameterInfo.latinHypercube(n, dimension, seed);
  }

  @Override
  public String name() {
    return "lhs";
  }
}
