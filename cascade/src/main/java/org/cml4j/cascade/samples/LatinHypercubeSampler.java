package org.cml4j.cascade.samples;

import org.cml4j.core.spi.ParameterInfo;

/**
 * Latin hypercube sampling (McKay, Beckman &amp; Conover 1979) as a {@link ParameterSampler}: the
 * framework's one implementation, {@link ParameterInfo#latinHypercube}.
 *
 * @param seed seed of the design
 */
public record LatinHypercubeSampler(long seed) implements ParameterSampler {
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
