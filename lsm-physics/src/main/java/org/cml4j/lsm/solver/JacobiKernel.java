package org.cml4j.lsm.solver;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.Arrays;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.Param;

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
 * <p>The same sweep arithmetic is used by the forward run, by a replay with prescribed sweep counts
 * and by the unrolled adjoint (which recomputes the iterates; these two skip the change), so all
 * three see bit-identical iterates; {@link #reverse} is the unrolled adjoint's reverse sweep
 * ({@link UnrolledJacobiStep}, shared by the scalar and the batched kernel).
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
    nxt[0] = surface(prev, cur, v, r, a, s);
    double change = Math.abs(nxt[0] - cur[0]);
    for (int i = 1; i < n - 1; i++) {
      double y = (prev[i] + r * (cur[i - 1] + cur[i + 1])) * inv;
      nxt[i] = y;
      change = Math.max(change, Math.abs(y - cur[i]));
    }
    nxt[n - 1] = v.tb;
    return Math.max(change, Math.abs(v.tb - cur[n - 1]));
  }

  /** The surface node's sweep update (the first row of the sweep in the class comment). */
  private static double surface(double[] prev, double[] cur, LevelValues v, double r, double a,
      double s) {
    double t0 = cur[0];
    return (prev[0] + 2 * r * cur[1] + a * s)
        / (1 + 2 * r + a * (v.hbeta + v.eps * SIGMA * t0 * t0 * t0));
  }

  /**
   * One sweep without the change (same arithmetic as {@link #sweep}): for the sweeps that need no
   * convergence test, where the change's max-reduction over the nodes would cost about as much as
   * the sweep itself (microbenchmark, thread CPU, JIT-compiled: recomputing the iterates of 100
   * Huang et al. steps 1.17 ms with {@link #sweep}, 0.69 ms without; forward + unrolled gradient of
   * that run 4.1 ms before, 3.6 ms after).
   */
  private static void advance(double[] prev, double[] cur, double[] nxt, LevelValues v, double r,
      double a, double s) {
    int n = prev.length;
    double inv = 1 / (1 + 2 * r);
    nxt[0] = surface(prev, cur, v, r, a, s);
    for (int i = 1; i < n - 1; i++) {
      nxt[i] = (prev[i] + r * (cur[i - 1] + cur[i + 1])) * inv;
    }
    nxt[n - 1] = v.tb;
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
      double change = 0;
      if (test) {
        change = sweep(prev, cur, nxt, v, r, a, s);
      } else {
        advance(prev, cur, nxt, v, r, a, s);
      }
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
   * {@code iterates} must have at least {@code sweeps + 1} rows of length N
   * ({@link UnrolledJacobiStep}).
   */
  static void iterates(double[] prev, double[][] iterates, LevelValues v, double r,
      double a, int sweeps) {
    double s = source(v);
    System.arraycopy(prev, 0, iterates[0], 0, prev.length);
    for (int sweep = 1; sweep <= sweeps; sweep++) {
      advance(prev, iterates[sweep - 1], iterates[sweep], v, r, a, s);
    }
  }

  /**
   * The reverse sweeps of one step (the unrolled adjoint, what PyTorch autograd returns for the
   * loop of Huang, Heaney &amp; van Reeuwijk 2025): back-propagates {@code g}, the adjoint of
   * T^k = {@code iter[sweeps]}, through the {@code sweeps} sweeps recorded by {@link #iterates},
   * replacing it by the adjoint of T^{k-1} = {@code iter[0]}, and adds the step's parameter terms
   * to {@code gp} ({@code [param ordinal]}, loss per unit of the parameter).
   *
   * @param gy scratch of length N
   * @param sumG scratch of length N
   * @return the adjoint of the surface source s (see {@link #source}) [loss m2 W-1], for the
   *     forcing terms
   */
  static double reverse(double[][] iter, int sweeps, double[] g, double[] gy, double[] sumG,
      LevelValues v, double r, double a, double[] gp) {
    int n = g.length;
    double[] out = g;
    double s = source(v);
    double inv = 1 / (1 + 2 * r);
    double ri = r * inv;
    double rBar = 0;
    double aBar = 0;
    double sBar = 0;
    double hbBar = 0;
    double epsBar = 0;
    double tbBar = 0;
    double prev0Bar = 0;
    Arrays.fill(sumG, 0);
    for (int sw = sweeps; sw >= 1; sw--) {
      double[] y = iter[sw - 1];
      double[] yn = iter[sw];
      tbBar += g[n - 1];
      // surface: yn0 = (T0 + 2 r y1 + a s) / D,  D = 1 + 2r + a (hbeta + eps sigma y0^3)
      double y0 = y[0];
      double sy3 = SIGMA * y0 * y0 * y0;
      double diag = v.hbeta + v.eps * sy3;
      double yn0 = yn[0];
      double t = g[0] / (1 + 2 * r + a * diag);
      prev0Bar += t;
      rBar += 2 * t * (y[1] - yn0);
      aBar += t * (s - yn0 * diag);
      sBar += t * a;
      hbBar -= t * a * yn0;
      epsBar -= t * a * sy3 * yn0;
      double cube = -t * a * 3 * v.eps * SIGMA * y0 * y0 * yn0;
      // interior: yn_i = (T_i + r (y_{i-1} + y_{i+1})) / (1 + 2r); one pass accumulates the
      // r-derivative, the direct T^{k-1} terms and the adjoint of the previous iterate
      // (two partial sums break the floating-point add latency chain)
      double acc = g[1] * (y[0] + y[2] - 2 * yn[1]);
      double acc2 = 0;
      sumG[1] += g[1];
      int j = 2;
      for (; j + 1 < n - 2; j += 2) {
        double gj = g[j];
        double gj1 = g[j + 1];
        acc += gj * (y[j - 1] + y[j + 1] - 2 * yn[j]);
        acc2 += gj1 * (y[j] + y[j + 2] - 2 * yn[j + 1]);
        sumG[j] += gj;
        sumG[j + 1] += gj1;
        gy[j] = ri * (g[j - 1] + gj1);
        gy[j + 1] = ri * (gj + g[j + 2]);
      }
      for (; j < n - 2; j++) {
        double gj = g[j];
        acc += gj * (y[j - 1] + y[j + 1] - 2 * yn[j]);
        sumG[j] += gj;
        gy[j] = ri * (g[j - 1] + g[j + 1]);
      }
      acc += acc2;
      if (n - 2 >= 2) {
        acc += g[n - 2] * (y[n - 3] + y[n - 1] - 2 * yn[n - 2]);
        sumG[n - 2] += g[n - 2];
        gy[1] = ri * g[2];
        gy[n - 2] = ri * g[n - 3];
      } else {
        gy[1] = 0;
      }
      rBar += acc * inv;
      gy[0] = ri * g[1] + cube;
      gy[1] += 2 * r * t;
      gy[n - 1] = ri * g[n - 2];
      double[] tmp = g;
      g = gy;
      gy = tmp;
    }
    // g is now the adjoint of y^0 = T^{k-1}; add the direct T^{k-1} terms of every sweep
    g[0] += prev0Bar;
    for (int i = 1; i < n - 1; i++) {
      g[i] += sumG[i] * inv;
    }
    if (g != out) {
      System.arraycopy(g, 0, out, 0, n);
    }
    gp[Param.LAMBDA.ordinal()] += rBar * r / v.lambda;
    gp[Param.C.ordinal()] -= (rBar * r + aBar * a) / v.c;
    gp[Param.ALPHA.ordinal()] -= sBar * v.kdown;
    gp[Param.HBETA.ordinal()] += hbBar + sBar * v.ta;
    gp[Param.EPS.ordinal()] += epsBar;
    gp[Param.TB.ordinal()] += tbBar;
    return sBar;
  }
}
