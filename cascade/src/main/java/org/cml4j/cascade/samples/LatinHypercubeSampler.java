package org.cml4j.cascade.samples;

import java.util.Random;

/**
 * Latin hypercube sampling (McKay, Beckman &amp; Conover 1979): each coordinate's range is cut into
 * {@code n} equal strata, each stratum is hit exactly once (at a random position), and the
 * strata are paired across coordinates by independent random permutations.
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
    Random rnd = new Random(seed);
    double[][] x = new double[n][dimension];
    int[] perm = new int[n];
    for (int j = 0; j < dimension; j++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = rnd.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      for (int i = 0; i < n; i++) {
        x[i][j] = (perm[i] + rnd.nextDouble()) / n;
      }
    }
    return x;
  }

  @Override
  public String name() {
    return "lhs";
  }
}
