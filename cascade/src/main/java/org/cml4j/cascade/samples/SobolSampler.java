package org.cml4j.cascade.samples;

import java.util.Random;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Sobol low-discrepancy points (Commons Math {@link SobolSequenceGenerator}, Joe &amp; Kuo
 * direction numbers, up to 1000 dimensions) with a seeded Cranley–Patterson random shift modulo 1,
 * so that different seeds give different but equally uniform designs. The all-zero first point
 * is skipped.
 *
 * @param seed seed of the design
 */
public record SobolSampler(long seed) implements ParameterSampler {
  @Override
  public double[][] sample(int n, int dimension) {
    if (n < 1 || dimension < 1 || dimension > 1000) {
      throw new IllegalArgumentException("Sobol needs n >= 1 and 1 <= dimension <= 1000, got " + n
          + ", " + dimension);
    }
    SobolSequenceGenerator g = new SobolSequenceGenerator(dimension);
    g.skipTo(1);
    Random rnd = new Random(seed);
    double[] shift = new double[dimension];
    for (int j = 0; j < dimension; j++) {
      shift[j] = rnd.nextDouble();
    }
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = g.nextVector();
      for (int j = 0; j < dimension; j++) {
        p[j] = (p[j] + shift[j]) % 1.0;
      }
      x[i] = p;
    }
    return x;
  }

  @Override
  public String name() {
    return "sobol";
  }
}
