package org.cml4j.lsm.posterior;

/**
 * Settings of the {@link Hmc} sampler. Every stopping rule is a count: results depend only on these
 * settings, the target and the seed.
 *
 * @param chains number of chains (run in lockstep; one batched density call per leapfrog step)
 * @param warmup warm-up iterations per chain (step-size and metric adaptation; discarded)
 * @param draws kept iterations per chain
 * @param leapfrogSteps mean leapfrog steps per iteration L (each iteration draws 1..2L-1
 *     uniformly; the step size is also jittered by +-{@code jitter})
 * @param targetAccept target mean acceptance probability of the dual-averaging step-size adaptation
 *     (Hoffman &amp; Gelman 2014)
 * @param jitter relative half-width of the uniform step-size jitter, in [0, 1)
 * @param initScale chains start at mode + initScale * L z, z standard normal, L the Cholesky factor
 *     of the initial metric (over-dispersed for scale &gt; 1, so R-hat can detect non-mixing)
 * @param seed random seed
 */
public record HmcConfig(int chains, int warmup, int draws, int leapfrogSteps, double targetAccept,
    double jitter, double initScale, long seed) {

  /** Maximum energy error before a trajectory is called divergent (as in Stan). */
  public static final double DIVERGENCE_ENERGY = 1000;

  public HmcConfig {
    if (chains < 2) {
      throw new IllegalArgumentException("posterior: need at least 2 chains for R-hat, got "
          + chains);
    }
    if (warmup < 20) {
      throw new IllegalArgumentException("posterior: warm-up must be at least 20 iterations, got "
          + warmup);
    }
    if (draws < 4) {
      throw new IllegalArgumentException("posterior: draws must be at least 4, got " + draws);
    }
    if (leapfrogSteps < 1) {
      throw new IllegalArgumentException("posterior: leapfrog steps must be >= 1, got "
          + leapfrogSteps);
    }
    if (!(targetAccept > 0 && targetAccept < 1)) {
      throw new IllegalArgumentException("posterior: target acceptance must be in (0, 1), got "
          + targetAccept);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("posterior: jitter must be in [0, 1), got " + jitter);
    }
    if (!(initScale >= 0 && Double.isFinite(initScale))) {
      throw new IllegalArgumentException("posterior: init scale must be >= 0, got " + initScale);
    }
  }

  /** Defaults: 4 leapfrog steps, target acceptance 0.8, jitter 0.2, over-dispersion 2. */
  public static HmcConfig of(int chains, int warmup, int draws, long seed) {
    return new HmcConfig(chains, warmup, draws, 4, 0.8, 0.2, 2.0, seed);
  }

  /** The same settings with another number of leapfrog steps. */
  public HmcConfig withLeapfrogSteps(int steps) {
    return new HmcConfig(chains, warmup, draws, steps, targetAccept, jitter, initScale, seed);
  }
}
