package org.cml4j.lsm.assimilation;

import java.util.Random;
import org.cml4j.lsm.model.ModelGrid;

/**
 * Additive model-error noise on the state: one Gaussian draw {@code eta ~ N(0, sd^2)} per member
 * and step, added to every node but the bottom one with weight {@code exp(-z / 0.1 m)} (errors
 * enter at the surface). The noise model of the embedding couplings' filter.
 *
 * @param sd standard deviation at the surface [K], >= 0 (0 still draws, so that the random
 *     sequence does not depend on it)
 */
public record SurfaceStateNoise(double sd) implements ForecastNoise {
  /** e-folding depth of the noise [m]. */
  public static final double DEPTH = 0.1;

  public SurfaceStateNoise {
    if (!(sd >= 0)) {
      throw new IllegalArgumentException("state noise must be >= 0 K, got " + sd);
    }
  }

  @Override
  public Run start(int members, ModelGrid grid, Random rnd) {
    double[] z = grid.nodeDepths();
    double[] w = new double[z.length - 1];
    for (int node = 0; node < w.length; node++) {
      w[node] = Math.exp(-z[node] / DEPTH);
    }
    return new Run() {
      @Override
      public void afterStep(int i, double[] next, Random r) {
        double eta = sd * r.nextGaussian();
        for (int node = 0; node < w.length; node++) {
          next[node] += eta * w[node];
        }
      }
    };
  }
}
