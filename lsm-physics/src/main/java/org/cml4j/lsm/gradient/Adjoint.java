package org.cml4j.lsm.gradient;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.Trajectory;

/**
 * Discrete adjoint (reverse sweep) of the backward-Euler soil-column model. For each step the
 * residual R(T^k; T^{k-1}, theta_k, f_k) = 0 is differentiated implicitly: with A = dR/dT^k
 * (tridiagonal), solve A^T mu = lambda_k, then dL/dtheta_k = -(dR/dtheta_k)^T mu and lambda_{k-1}
 * picks up mu on the non-Dirichlet rows. The result is exact (to round-off) for the
 * {@link org.cml4j.lsm.solver.StepSolver#EXACT} solver; for the Jacobi solver it is the gradient of
 * the exactly-converged step evaluated at Jacobi's state (consistent to the solver tolerance);
 * {@link GradientMode#UNROLLED} instead differentiates the truncated Jacobi sweeps themselves
 * ({@link UnrolledJacobiAdjoint}).
 */
public final class Adjoint {
  private Adjoint() {}

  /**
   * Vector-Jacobian product: gradient of {@code sum_{k,j} seed[k][j] * output_j(level k)}.
   *
   * @param seed [level][output] weights, e.g. dLoss/dOutput
   */
  public static AdjointGradient vjp(Trajectory tr, List<Output> outputs, double[][] seed) {
    return vjp(tr, outputs, seed, GradientMode.IMPLICIT);
  }

  /**
   * Vector-Jacobian product in the given mode; {@link GradientMode#UNROLLED} needs a run of the
   * {@link org.cml4j.lsm.solver.StepSolver#JACOBI} solver.
   *
   * @param seed [level][output] weights, e.g. dLoss/dOutput
   * @throws IllegalArgumentException for UNROLLED on a run of another step solver
   */
  public static AdjointGradient vjp(Trajectory tr, List<Output> outputs, double[][] seed,
      GradientMode mode) {
    int levels = tr.levels();
    if (seed.length != levels) {
      throw new IllegalArgumentException("seed has " + seed.length + " levels, run has " + levels);
    }
    if (mode == GradientMode.UNROLLED) {
      return UnrolledJacobiAdjoint.vjp(tr, outputs, seed);
    }
    ModelGrid grid = tr.grid();
    int n = grid.nodes();
    OutputOperator op = new OutputOperator(outputs, grid);
    LevelGradients lg = new LevelGradients(levels);
    double[] lam = new double[n];
    double[] mu = new double[n];
    double[] pp = new double[n];
    double[] q = new double[n];
    double[] gpk = lg.param;
    double[] gfk = lg.forcing;
    LevelValues v = new LevelValues();
    double lastR = Double.NaN;
    double[] carry = new double[n]; // mu of step k+1 on rows 0..N-2
    for (int k = levels - 1; k >= 1; k--) {
      v.load(tr.params(), tr.forcing(), k);
      double[] x = tr.state(k);
      lg.start();
      System.arraycopy(carry, 0, lam, 0, n);
      checkSeed(seed[k], op.size(), k);
      op.adjoint(seed[k], x, v, lam, gpk, gfk);
      double r = StepKernel.r(v, grid);
      double a = StepKernel.a(v, grid);
      if (r != lastR) {
        StepKernel.eliminationFactors(r, n, q);
        lastR = r;
      }
      solveTransposed(x, v, r, a, q, lam, mu, pp);
      // parameter and forcing gradients: -(dR/dtheta)^T mu
      double x0 = x[0];
      double g = (1 - v.alpha) * v.kdown + v.ldown - v.eps * SIGMA * x0 * x0 * x0 * x0
          - v.hbeta * (x0 - v.ta);
      double grad1 = x[1] - x0;
      double sumLap = 0;
      for (int i = 1; i < n - 1; i++) {
        sumLap += mu[i] * (x[i - 1] - 2 * x[i] + x[i + 1]);
      }
      gpk[Param.LAMBDA.ordinal()] += (2 * mu[0] * grad1 + sumLap) * r / v.lambda;
      gpk[Param.C.ordinal()] -= (mu[0] * (2 * r * grad1 + a * g) + r * sumLap) / v.c;
      gpk[Param.ALPHA.ordinal()] -= mu[0] * a * v.kdown;
      gpk[Param.HBETA.ordinal()] -= mu[0] * a * (x0 - v.ta);
      gpk[Param.EPS.ordinal()] -= mu[0] * a * SIGMA * x0 * x0 * x0 * x0;
      gpk[Param.TB.ordinal()] += mu[n - 1];
      gfk[OutputOperator.KDOWN] += mu[0] * a * (1 - v.alpha);
      gfk[OutputOperator.LDOWN] += mu[0] * a;
      gfk[OutputOperator.TA] += mu[0] * a * v.hbeta;
      lg.commit(k);
      System.arraycopy(mu, 0, carry, 0, n);
      carry[n - 1] = 0;
    }
    return levelZero(tr, op, seed, carry, lg);
  }

  /**
   * Level 0: outputs at the initial state plus {@code carry}, what flows back from step 1; adds the
   * initial-state path of Tb and packages the gradient.
   */
  static AdjointGradient levelZero(Trajectory tr, OutputOperator op, double[][] seed,
      double[] carry, LevelGradients lg) {
    int n = carry.length;
    LevelValues v = new LevelValues().load(tr.params(), tr.forcing(), 0);
    double[] g0 = carry.clone();
    checkSeed(seed[0], op.size(), 0);
    lg.start();
    op.adjoint(seed[0], tr.state(0), v, g0, lg.param, lg.forcing);
    if (tr.initial().dependsOnTb()) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += g0[i] * tr.initial().tbWeight(i);
      }
      lg.param[Param.TB.ordinal()] += s;
    }
    lg.commit(0);
    return lg.result(g0);
  }

  static void checkSeed(double[] s, int m, int k) {
    if (s.length != m) {
      throw new IllegalArgumentException("seed at level " + k + " has " + s.length
          + " entries, expected one per output (" + m + ")");
    }
  }

  /**
   * Solves A^T mu = lam for the step Jacobian A (see class doc), reusing the forward elimination
   * factors q. {@code pp} is scratch.
   */
  static void solveTransposed(double[] x, LevelValues v, double r, double a, double[] q,
      double[] lam, double[] mu, double[] pp) {
    int n = x.length;
    double x0 = x[0];
    double d0 = 1 + 2 * r + a * (4 * v.eps * SIGMA * x0 * x0 * x0 + v.hbeta);
    pp[n - 1] = 0;
    for (int i = n - 2; i >= 1; i--) {
      pp[i] = (lam[i] + r * pp[i + 1]) * q[i] / r;
    }
    mu[0] = (lam[0] + r * pp[1]) / (d0 - 2 * r * q[1]);
    mu[1] = pp[1] + 2 * q[1] * mu[0];
    for (int i = 2; i < n - 1; i++) {
      mu[i] = pp[i] + q[i] * mu[i - 1];
    }
    mu[n - 1] = lam[n - 1] + r * mu[n - 2];
  }
}
