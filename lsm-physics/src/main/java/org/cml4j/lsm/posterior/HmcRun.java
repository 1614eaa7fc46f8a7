package org.cml4j.lsm.posterior;

/**
 * Raw output of {@link Hmc#sample}: draws in the sampler's (unconstrained) coordinates.
 *
 * @param draws {@code [chain][draw][coordinate]}, warm-up excluded
 * @param logDensity log density of each draw {@code [chain][draw]}
 * @param stepSize adapted step size per chain (in metric-whitened units)
 * @param acceptance mean acceptance probability per chain over the kept draws
 * @param divergences divergent transitions per chain over the kept draws
 * @param warmupDivergences divergent transitions per chain during warm-up
 * @param metric the final metric (inverse mass matrix)
 * @param densityEvaluations points at which the density and its gradient were evaluated
 * @param config the settings used
 */
public record HmcRun(double[][][] draws, double[][] logDensity, double[] stepSize,
    double[] acceptance, int[] divergences, int[] warmupDivergences, double[][] metric,
    long densityEvaluations, HmcConfig config) {

  /** Number of chains. */
  public int chains() {
    return draws.length;
  }

  /** Kept draws per chain. */
  public int drawCount() {
    return draws[0].length;
  }

  /** Coordinate {@code j} as {@code [chain][draw]}. */
  public double[][] coordinate(int j) {
    double[][] v = new double[draws.length][draws[0].length];
    for (int c = 0; c < v.length; c++) {
      for (int i = 0; i < v[c].length; i++) {
        v[c][i] = draws[c][i][j];
      }
    }
    return v;
  }

  /** Total divergent transitions after warm-up. */
  public int totalDivergences() {
    int s = 0;
    for (int v : divergences) {
      s += v;
    }
    return s;
  }
}
