package org.cml4j.lsm.gradient;

/**
 * Which derivative of a run the reverse sweep computes.
 *
 * <ul>
 *   <li>{@link #IMPLICIT}: the discrete adjoint of the exactly solved backward-Euler steps
 *       (implicit-function theorem on each step's residual). Exact for the
 *       {@link org.cml4j.lsm.solver.StepSolver#EXACT} solver; for the Jacobi solver it is the
 *       gradient of the converged step evaluated at Jacobi's state (consistent to the tolerance).
 *   <li>{@link #UNROLLED}: only for the {@link org.cml4j.lsm.solver.StepSolver#JACOBI} solver, the
 *       exact derivative of the truncated point-Jacobi iteration itself, back-propagated through
 *       every sweep with each step's data-dependent sweep count held fixed: what reverse-mode
 *       automatic differentiation of the authors' PyTorch loop returns (Huang, Heaney &amp; van
 *       Reeuwijk 2025, RuiyueH/SEB-model).
 * </ul>
 */
public enum GradientMode {
  IMPLICIT,
  UNROLLED;

  /** Parses {@code implicit} or {@code unrolled} (case-insensitive). */
  public static GradientMode fromName(String s) {
    for (GradientMode m : values()) {
      if (m.name().equalsIgnoreCase(s.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown gradient mode '" + s
        + "'; known: implicit, unrolled");
  }
}
