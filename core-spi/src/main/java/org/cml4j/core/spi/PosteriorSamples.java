package org.cml4j.core.spi;

import java.util.List;

/**
 * Posterior samples of fitted mechanism parameters (physical units), e.g. from MCMC or drawn from
 * a Laplace approximation.
 *
 * @param method how they were obtained, e.g. {@code laplace} or {@code hmc}
 * @param names parameter names, one per column of {@code draws}
 * @param draws [draw][parameter]
 */
public record PosteriorSamples(String method, List<String> names, double[][] draws) {
  public PosteriorSamples {
    names = List.copyOf(names);
    for (double[] d : draws) {
      if (d.length != names.size()) {
        throw new IllegalArgumentException("posterior draw has " + d.length + " values for "
            + names.size() + " parameters " + names);
      }
    }
  }

  /** Draws of one parameter. */
  public double[] of(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no posterior samples of " + name + "; have " + names);
    }
    double[] v = new double[draws.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = draws[i][j];
    }
    return v;
  }
}
