package org.cml4j.lsm.gradient;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.Arrays;
import java.util.List;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.JacobiKernel;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/**
 * Reverse-mode derivative of the truncated point-Jacobi iteration ({@link GradientMode#UNROLLED}):
 * each step's S_k sweeps y^s = J(y^{s-1}; T^{k-1}, theta_k) from y^0 = T^{k-1} to T^k = y^{S_k}
 * are back-propagated one by one, with S_k fixed at the count the forward run recorded. This is
 * what PyTorch autograd returns for the loop of Huang, Heaney &amp; van Reeuwijk (2025), and the
 * exact gradient of {@link org.cml4j.lsm.solver.SoilColumnModel#replayJacobi}. The iterates are
 * recomputed step by step from the stored states with {@link JacobiKernel}, so the memory is one
 * step's (S_k + 1) x N iterates; the cost is about two forward runs plus the reverse sweeps.
 */
final class UnrolledJacobiAdjoint {
  /** Largest iterate buffer of one step [doubles]: 2^25 (256 MB). */
  private static final long MAX_BUFFER = 1L << 25;

  private UnrolledJacobiAdjoint() {}

  static AdjointGradient vjp(Trajectory tr, List<Output> outputs, double[][] seed) {
    if (tr.solver() != StepSolver.JACOBI) {
      throw new IllegalArgumentException("the UNROLLED gradient differentiates the Jacobi sweeps;"
          + " this run used the " + tr.solver()
          + " step solver (use IMPLICIT, or the JACOBI solver)");
    }
    int levels = tr.levels();
    ModelGrid grid = tr.grid();
    int n = grid.nodes();
    OutputOperator op = new OutputOperator(outputs, grid);
    LevelGradients lg = new LevelGradients(levels);
    double[] gpk = lg.param;
    double[] gfk = lg.forcing;
    double[] carry = new double[n]; // adjoint of T^k flowing back from step k+1
    double[] g = new double[n];
    double[] gy = new double[n];
    double[] sumG = new double[n];
    double[][] iter = new double[0][];
    LevelValues v = new LevelValues();
    for (int k = levels - 1; k >= 1; k--) {
      v.load(tr.params(), tr.forcing(), k);
      lg.start();
      System.arraycopy(carry, 0, g, 0, n);
      Adjoint.checkSeed(seed[k], op.size(), k);
      op.adjoint(seed[k], tr.state(k), v, g, gpk, gfk);
      int sweeps = tr.stepIterations(k);
      if ((long) (sweeps + 1) * n > MAX_BUFFER) {
        throw new IllegalStateException("step " + k + " took " + sweeps + " Jacobi sweeps: too many"
            + " to unroll (use the IMPLICIT gradient)");
      }
      if (iter.length < sweeps + 1) {
        iter = grow(iter, sweeps + 1, n);
      }
      double r = StepKernel.r(v, grid);
      double a = StepKernel.a(v, grid);
      JacobiKernel.iterates(tr.state(k - 1), iter, v, r, a, sweeps);
      if (!Arrays.equals(iter[sweeps], tr.state(k))) {
        throw new IllegalStateException("step " + k + ": recomputed Jacobi iterate differs from the"
            + " recorded state (was the run produced by the JACOBI solver of this grid?)");
      }
      double s = JacobiKernel.source(v);
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
      gpk[Param.LAMBDA.ordinal()] += rBar * r / v.lambda;
      gpk[Param.C.ordinal()] -= (rBar * r + aBar * a) / v.c;
      gpk[Param.ALPHA.ordinal()] -= sBar * v.kdown;
      gpk[Param.HBETA.ordinal()] += hbBar + sBar * v.ta;
      gpk[Param.EPS.ordinal()] += epsBar;
      gpk[Param.TB.ordinal()] += tbBar;
      gfk[OutputOperator.KDOWN] += sBar * (1 - v.alpha);
      gfk[OutputOperator.LDOWN] += sBar;
      gfk[OutputOperator.TA] += sBar * v.hbeta;
      lg.commit(k);
      System.arraycopy(g, 0, carry, 0, n);
    }
    return Adjoint.levelZero(tr, op, seed, carry, lg);
  }

  private static double[][] grow(double[][] old, int rows, int n) {
    double[][] b = Arrays.copyOf(old, Math.max(rows, old.length * 3 / 2));
    for (int i = old.length; i < b.length; i++) {
      b[i] = new double[n];
    }
    return b;
  }
}
