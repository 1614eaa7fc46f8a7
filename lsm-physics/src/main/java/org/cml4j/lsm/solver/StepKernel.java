package org.cml4j.lsm.solver;

import static org.cml4j.lsm.model.Output.SIGMA;

import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;

/**
 * One backward-Euler step of the soil-column model of Huang, Heaney &amp; van Reeuwijk (2025):
 * <pre>
 *   interior:  T_i' = T_i + r (T_{i-1}' - 2 T_i' + T_{i+1}'),           r = lambda dt / (C dx^2)
 *   surface:   T_0' = T_0 + 2 r (T_1' - T_0') + a G(T_0'),               a = 2 dt / (C dx)
 *              G = (1-alpha) Kdown + Ldown - eps sigma T_0'^4 - hbeta (T_0' - Ta)
 *   bottom:    T_{N-1}' = Tb
 * </pre>
 * (the ghost-node flux condition -lambda dT/dx = G gives the surface row; a = 2 r dx / lambda).
 * Plain-Java loops over {@code double[]}: ND4J op overhead would dominate at this size.
 */
public final class StepKernel {
  /** Newton stopping tolerance on the surface temperature update [K]. */
  public static final double NEWTON_TOLERANCE = 1e-10;
  private static final int NEWTON_MAX = 60;

  private StepKernel() {}

  /** Diffusion number r = lambda dt / (C dx^2). */
  public static double r(LevelValues v, double dt, double dx) {
    return v.lambda * dt / (v.c * dx * dx);
  }

  /** Diffusion number r of level values {@code v} on {@code grid}'s dt and dx. */
  public static double r(LevelValues v, ModelGrid grid) {
    return r(v, grid.dt(), grid.dx());
  }

  /** Surface flux factor a of level values {@code v} on {@code grid}'s dt and dx. */
  public static double a(LevelValues v, ModelGrid grid) {
    return a(v, grid.dt(), grid.dx());
  }

  /** Surface flux factor a = 2 dt / (C dx) [K m2 W-1]. */
  public static double a(LevelValues v, double dt, double dx) {
    return 2 * dt / (v.c * dx);
  }

  /**
   * Fills the elimination coefficients q_i (i = 1..N-2) for constant r, used by the exact solve, the
   * tangent and the adjoint: with T_i' = p_i + q_i T_{i-1}', q_{N-1} = 0 and
   * q_i = r / (1 + 2r - r q_{i+1}). Returns nothing; {@code q[N-1]} is set to 0.
   */
  public static void eliminationFactors(double r, int n, double[] q) {
    q[n - 1] = 0;
    for (int i = n - 2; i >= 1; i--) {
      q[i] = r / (1 + 2 * r - r * q[i + 1]);
    }
  }

  /**
   * Exact step: solves for {@code next} given {@code prev}. {@code q} must hold
   * {@link #eliminationFactors} for this step's r; {@code p} is scratch of length N.
   *
   * @return the number of Newton iterations used
   * @throws IllegalStateException if Newton does not converge or the surface temperature leaves the
   *     physical range (non-finite or not positive), naming the values involved
   */
  public static int solveExact(double[] prev, double[] next, LevelValues v, double r, double a,
      double[] q, double[] p) {
    int n = prev.length;
    p[n - 1] = v.tb;
    for (int i = n - 2; i >= 1; i--) {
      // den_i = r / q_i
      p[i] = (prev[i] + r * p[i + 1]) * q[i] / r;
    }
    double c1 = 1 + 2 * r * (1 - q[1]) + a * v.hbeta;
    double c4 = a * v.eps * SIGMA;
    double rhs = prev[0] + 2 * r * p[1] + a * ((1 - v.alpha) * v.kdown + v.ldown + v.hbeta * v.ta);
    double x = prev[0];
    int it = 0;
    while (true) {
      double x3 = x * x * x;
      double f = c1 * x + c4 * x3 * x - rhs;
      double dx = f / (c1 + 4 * c4 * x3);
      x -= dx;
      it++;
      if (Math.abs(dx) <= NEWTON_TOLERANCE) {
        break;
      }
      if (it >= NEWTON_MAX || !(x > 0)) {
        throw new IllegalStateException("surface Newton iteration failed (Ts = " + x + " K after " + it
            + " iterations; previous Ts = " + prev[0] + " K, r = " + r + ", hbeta = " + v.hbeta
            + ", Kdown = " + v.kdown + ")");
      }
    }
    next[0] = x;
    for (int i = 1; i < n; i++) {
      next[i] = p[i] + q[i] * next[i - 1];
    }
    return it;
  }

  /**
   * The point-Jacobi scheme of Huang et al. (2025); see {@link JacobiKernel#solve}.
   *
   * @return the number of sweeps
   */
  public static int solveJacobi(double[] prev, double[] next, LevelValues v, double r, double a,
      double tol, int maxSweeps, double[] scratch) {
    return JacobiKernel.solve(prev, next, v, r, a, tol, maxSweeps, scratch);
  }
}
