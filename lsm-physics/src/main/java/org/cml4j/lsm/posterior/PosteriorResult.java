package org.cml4j.lsm.posterior;

import java.util.List;

/**
 * A posterior sample of an {@link LsmPosterior} with its diagnostics.
 *
 * @param names coordinate names (fitted parameters, then rho_k with AR(1))
 * @param units their units
 * @param samples physical values {@code [chain][draw][coordinate]}
 * @param marginals summary and diagnostics per coordinate
 * @param run the sampler's raw output (unconstrained draws, step sizes, acceptance, divergences)
 * @param batched whether gradients ran on the batched kernel
 * @param forwardRuns forward model runs (one per density evaluation)
 * @param gradientRuns adjoint sweeps
 * @param laplace the Laplace approximation at the start mode (initial metric), or null
 */
public record PosteriorResult(List<String> names, List<String> units, double[][][] samples,
    List<Marginal> marginals, HmcRun run, boolean batched, long forwardRuns, long gradientRuns,
    Laplace laplace) {

  /** Number of chains. */
  public int chains() {
    return samples.length;
  }

  /** Draws per chain. */
  public int draws() {
    return samples[0].length;
  }

  /** The seed of the run. */
  public long seed() {
    return run.config().seed();
  }

  /** Coordinate {@code j} as {@code [chain][draw]}, logged if {@code log}. */
  public double[][] coordinate(int j, boolean log) {
    double[][] v = new double[samples.length][samples[0].length];
    for (int c = 0; c < v.length; c++) {
      for (int i = 0; i < v[c].length; i++) {
        v[c][i] = log ? Math.log(samples[c][i][j]) : samples[c][i][j];
      }
    }
    return v;
  }

  /** Index of a coordinate by name. */
  public int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("posterior: no coordinate '" + name + "' in " + names);
    }
    return i;
  }

  /** Largest R-hat over the coordinates. */
  public double maxRhat() {
    return marginals.stream().mapToDouble(Marginal::rhat).max().orElse(Double.NaN);
  }

  /** Smallest bulk ESS over the coordinates. */
  public double minEss() {
    return marginals.stream().mapToDouble(Marginal::essBulk).min().orElse(Double.NaN);
  }

  /** Pooled Pearson correlation of coordinates a and b (each logged if asked). */
  public double correlation(int a, int b, boolean logA, boolean logB) {
    double[] x = Diagnostics.flatten(coordinate(a, logA));
    double[] y = Diagnostics.flatten(coordinate(b, logB));
    return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y);
  }
}
