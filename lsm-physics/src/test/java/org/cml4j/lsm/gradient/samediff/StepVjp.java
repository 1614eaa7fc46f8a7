package org.cml4j.lsm.gradient.samediff;

/**
 * Vector-Jacobian product of one backward-Euler step x_new = S(x_prev, theta, f): the gradient of
 * {@code upstream . x_new} with respect to every input of the step, as returned by
 * {@link StepResidualSameDiff#vjp}.
 *
 * @param alpha d/d albedo
 * @param lambda d/d conductivity
 * @param c d/d volumetric heat capacity
 * @param hbeta d/d turbulent exchange coefficient
 * @param tb d/d bottom temperature
 * @param eps d/d emissivity
 * @param kdown d/d downwelling shortwave
 * @param ldown d/d downwelling longwave
 * @param ta d/d air temperature
 * @param xPrev d/d previous state (length N; the Dirichlet node N-1 gets 0)
 * @param mu the adjoint of the step residual, A^T mu = upstream (length N)
 * @param transposedCheck A^T mu recomputed by SameDiff (should reproduce {@code upstream})
 */
public record StepVjp(double alpha, double lambda, double c, double hbeta, double tb, double eps,
    double kdown, double ldown, double ta, double[] xPrev, double[] mu, double[] transposedCheck) {}
