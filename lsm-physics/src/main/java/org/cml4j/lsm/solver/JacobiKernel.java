package org.cml4j.lsm.solver;

import static org.cml4j.lsm.model.Output.SIGMA;

import org.cml4j.lsm.model.LevelValues;

/**
 * The point-Jacobi step solver of Huang, Heaney &amp; van Reeuwijk (2025), as in their public code
 * (RuiyueH/SEB-model, {@code HeatEqSolver}). One sweep maps the iterate y to
 * <pre>
 *   y_0'     = (T_0 + 2 r y_1 + a s) / (1 + 2 r + a (hbeta + eps sigma y_0^3)),
 *              s = (1-alpha) Kdown + Ldown + hbeta Ta
 *   y_i'     = (T_i + r (y_{i-1} + y_{i+1})) / (1 + 2 r),                 i = 1..N-2
 *   y_{N-1}' = Tb
 * </pre>
 * with T = T^n the previous level, r = lambda dt / (C dx^2) and a = 2 dt / (C dx) (see
 * {@link StepKernel}). The first iterate is T^n itself (every node, the bottom included), and the
 * sweeps stop after the first one whose largest change of any node is at most the tolerance
 * (1e-4 K in the paper). The turbulent term and the linearised emission sit on the surface
 * diagonal; a fully explicit G would make the sweep diverge for r ~ 13.
 *
 * <p>The same sweep is used by the forward run, by a replay with prescribed sweep counts and by the
 * unrolled adjoint (which recomputes the iterates), so all three see bit-identical iterates.
 */
public final class JacobiKernel {
  private JacobiKernel() {}

  /** s = (1-alpha) Kdown + Ldown + hbeta Ta [W m-2]: the surface source without the Ts terms. */
  public static double source(LevelValues v) {
    return (1 - v.alpha) * v.kdown + v.ldown + v.hbeta * v.ta;
  }

  /**
   * One sweep: writes {@code nxt} from {@code cur} (neither may alias {@code prev}).
   *
   * @return the largest |nxt_i - cur_i| over all nodes [K]
   */
  public static double sweep(double[] prev, double[] cur, double[] nxt, LevelValues v, double r,
      double a, double s) {
    int n = prev.length;
    double inv = 1 / (1 + 2 * r);
    double t0 = cur[0];
    nxt[0] = (prev[0] + 2 * r * cur[1] + a * s)
        / (1 + 2 * r + a * (v.hbeta + v.eps * SIGMA * t0 * t0 * t0));
    double change = Math.abs(nxt[0] - t0);
    for (int i = 1; i < n - 1; i++) {
      double y = (prev[i] + r * (cur[i - 1] + cur[i + 1])) * inv;
      nxt[i] = y;
      change = Math.max(change, Math.abs(y - cur[i]));
    }
    nxt[n - 1] = v.tb;
    return Math.max(change, Math.abs(v.tb - cur[n - 1]));
  }

  /**
   * Sweeps from {@code prev} until the change is at most {@code tol}; the result goes to
   * {@code next}. {@code scratch} has length N.
   *
   * @return the number of sweeps
   * @throws IllegalStateException if the sweeps diverge or exceed {@code maxSweeps}
   */
  public static int solve(double[] prev, double[] next, LevelValues v, double r, double a,
      double tol, int maxSweeps, double[] scratch) {
    return iterate(prev, next, v, r, a, tol, maxSweeps, true, scratch);
  }

  /**
   * Exactly {@code sweeps} sweeps from {@code prev} (no convergence test): the truncated iteration
   * with a prescribed sweep count, e.g. to replay a recorded run. {@code scratch} has length N.
   */
  public static void solveFixed(double[] prev, double[] next, LevelValues v, double r, double a,
      int sweeps, double[] scratch) {
    if (sweeps < 1) {
      throw new IllegalArgumentException("Jacobi sweep count must be >= 1, got " + sweeps);
    }
    iterate(prev, next, v, r, a, Double.NaN, sweeps, false, scratch);
  }

  /**
   * Sweeps from {@code prev} into {@code next}: until the change is at most {@code tol} (failing
   * after {@code sweeps}) when {@code test}, else exactly {@code sweeps} sweeps.
   */
  private static int iterate(double[] prev, double[] next, LevelValues v, double r, double a,
      double tol, int sweeps, boolean test, double[] scratch) {
    int n = prev.length;
    double s = source(v);
    double[] cur = next;
    double[] nxt = scratch;
    System.arraycopy(prev, 0, cur, 0, n);
    for (int sweep = 1; sweep <= sweeps; sweep++) {
      double change = sweep(prev, cur, nxt, v, r, a, s);
      double[] t = cur;
      cur = nxt;
      nxt = t;
      if (test ? !(change <= tol) : sweep < sweeps) {
        if (test && !Double.isFinite(change)) {
          throw new IllegalStateException("Jacobi iteration diverged after " + sweep
              + " sweeps (r = " + r + ", hbeta = " + v.hbeta + ")");
        }
        continue;
      }
      if (cur != next) {
        System.arraycopy(cur, 0, next, 0, n);
      }
      return sweep;
    }
    throw new IllegalStateException("Jacobi iteration did not reach tolerance " + tol + " K in "
        + sweeps + " sweeps (r = " + r + ")");
  }

  /**
   * All iterates of a step, for the unrolled adjoint: {@code iterates[0..sweeps]}, row 0 = T^n.
   * {@code iterates} must have at least {@code sweeps + 1} rows of length N.
   */
  public static void iterates(double[] prev, double[][] iterates, LevelValues v, double r,
      double a, int sweeps) {
    double s = source(v);
    System.arraycopy(prev, 0, iterates[0], 0, prev.length);
    for (int sweep = 1; sweep <= sweeps; sweep++) {
      sweep(prev, iterates[sweep - 1], iterates[sweep], v, r, a, s);
    }
  }
}
