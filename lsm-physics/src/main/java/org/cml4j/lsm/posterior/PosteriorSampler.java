package org.cml4j.lsm.posterior;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples an {@link LsmPosterior} with {@link Hmc}: the likelihood's mode is found from a given
 * point (e.g. the best fit) by {@link Laplace#atMode}, chains start over-dispersed around it, the
 * initial metric is the {@link Laplace} covariance there, and the draws
 * are returned in physical units with {@link Marginal} diagnostics.
 */
public final class PosteriorSampler {
  /** Gauss-Newton iterations of {@link Laplace#atMode} before sampling. */
  public static final int MODE_ITERATIONS = 20;

  private PosteriorSampler() {}

  /**
   * @param target the posterior
   * @param mode fitted coordinates to start the mode search from (physical units, order of the
   *     parameter space)
   * @param cfg sampler settings
   */
  public static PosteriorResult run(LsmPosterior target, double[] mode, HmcConfig cfg) {
    double[] u0 = target.toUnconstrained(mode);
    Laplace laplace = null;
    double[][] metric = null;
    try {
      laplace = Laplace.atMode(target.objective(), mode, MODE_ITERATIONS);
      u0 = target.toUnconstrained(laplace.mode());
      metric = laplace.unconstrained(target.dPhysical(u0), target.dimension());
    } catch (RuntimeException e) {
      // singular curvature at the start: begin at the given point with the identity metric,
      // adapted in warm-up
      laplace = null;
    }
    HmcRun run = Hmc.sample(target, u0, metric, cfg);
    int k = run.chains();
    int n = run.drawCount();
    double[][][] phys = new double[k][n][];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        phys[c][i] = target.toPhysical(run.draws()[c][i]);
      }
    }
    List<String> names = target.names();
    List<String> units = target.units();
    List<Marginal> marg = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      double[][] v = new double[k][n];
      for (int c = 0; c < k; c++) {
        for (int i = 0; i < n; i++) {
          v[c][i] = phys[c][i][j];
        }
      }
      marg.add(Marginal.of(names.get(j), units.get(j), v));
    }
    return new PosteriorResult(names, units, phys, marg, run, target.batched(),
        target.forwardRuns(), target.gradientRuns(), laplace);
  }
}
