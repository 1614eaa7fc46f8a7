package org.cml4j.lsm.solver;

/** How each backward-Euler step's nonlinear system is solved. */
public enum StepSolver {
  /**
   * Exact: tridiagonal (Thomas) elimination from the Dirichlet bottom up to the surface node, where
   * the remaining scalar equation with the Ts^4 term is solved by Newton's method until the update is
   * below {@link StepKernel#NEWTON_TOLERANCE} K (round-off level), then back-substitution.
   */
  EXACT,
  /**
   * The point-Jacobi iteration of Huang et al. (2025): sweeps starting from T^n until the largest
   * change of any node in one sweep is below the tolerance (1e-4 K by default), with the surface
   * energy balance evaluated at the previous sweep's surface temperature.
   */
  JACOBI
}
