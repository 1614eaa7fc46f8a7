package org.cml4j.cli.estimate;

import java.util.List;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.solver.StepSolver;

/**
 * Settings common to every estimation.
 *
 * @param fit coordinates to fit, in order; empty = the experiment's default
 * @param solver "adam" or "lm"
 * @param stepSolver how each implicit step is solved
 * @param gradient the loss gradient Adam uses: implicit adjoint, or unrolled through the Jacobi
 *     sweeps (needs the JACOBI step solver)
 * @param initialCondition huang2025 experiments only: the initial soil temperature profile
 * @param starts number of starts (at least 1)
 * @param threads worker threads (at least 1)
 * @param noiseSd standard deviation of Gaussian noise added to synthetic observations, NaN = none
 * @param seed seed of that noise
 * @param site site runs only: split, initial state, priors
 */
public record EstimationSettings(List<FitParam> fit, String solver, StepSolver stepSolver,
    GradientMode gradient, Huang2025Experiment.InitialCondition initialCondition, int starts,
    int threads, double noiseSd, long seed, SiteFitOptions site) {

  public EstimationSettings {
    fit = List.copyOf(fit);
    if (site == null) {
      site = SiteFitOptions.defaults();
    }
    if (gradient == GradientMode.UNROLLED && stepSolver != StepSolver.JACOBI) {
      throw new IllegalArgumentException("--gradient unrolled differentiates the Jacobi sweeps: "
          + "it needs --step-solver jacobi, got "
          + stepSolver.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!solver.equals("adam") && !solver.equals("lm")) {
      throw new IllegalArgumentException("solver must be adam or lm, got '" + solver + "'");
    }
    if (starts < 1) {
      throw new IllegalArgumentException("--starts must be at least 1, got " + starts);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
    if (!Double.isNaN(noiseSd) && !(noiseSd > 0 && Double.isFinite(noiseSd))) {
      throw new IllegalArgumentException("--noise must be a positive standard deviation, got "
          + noiseSd);
    }
  }

  /** Whether noise is added. */
  public boolean noisy() {
    return !Double.isNaN(noiseSd);
  }
}
