package org.cml4j.cli.estimate;

import picocli.CommandLine.Option;

/**
 * The {@code --posterior} options of {@code cml4j estimate} (a picocli mixin; see
 * {@link PosteriorRun}).
 */
public final class PosteriorOptions {
  @Option(names = "--posterior", description = "After the fit, sample the posterior of alpha, "
      + "lambda, C, hbeta, Tb by HMC on the batched adjoint (huang2025 experiments) and write "
      + "posterior_samples.csv, posterior_summary.md, posterior_corner.png and predictive bands.")
  boolean enabled;

  @Option(names = "--draws", paramLabel = "N", defaultValue = "500",
      description = "Posterior draws kept per chain. Default: ${DEFAULT-VALUE}.")
  int draws;

  @Option(names = "--chains", paramLabel = "K", defaultValue = "8",
      description = "Posterior chains (run in lockstep as the columns of the batched model). "
          + "Default: ${DEFAULT-VALUE}.")
  int chains;

  @Option(names = "--warmup", paramLabel = "W", defaultValue = "200",
      description = "Warm-up iterations per chain (step size and metric adaptation). "
          + "Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--leapfrog", paramLabel = "L",
      description = "Mean leapfrog steps per HMC iteration. Default: 3 (huang2025-2depth), 10 "
          + "(huang2025-1depth, whose lambda-C posterior is a curved ridge).")
  Integer leapfrog;

  @Option(names = "--ar1", description = "AR(1) residuals: sample one lag-1 correlation per "
      + "observed variable (default: independent residuals).")
  boolean ar1;

  /** Whether {@code --posterior} was given. */
  public boolean enabled() {
    return enabled;
  }
}
