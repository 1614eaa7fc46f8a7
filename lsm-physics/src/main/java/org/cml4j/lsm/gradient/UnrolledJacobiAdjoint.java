package org.cml4j.lsm.gradient;

import java.util.List;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.solver.JacobiKernel;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.cml4j.lsm.solver.UnrolledJacobiStep;

/**
 * Reverse-mode derivative of the truncated point-Jacobi iteration ({@link GradientMode#UNROLLED}):
 * each step's S_k sweeps y^s = J(y^{s-1}; T^{k-1}, theta_k) from y^0 = T^{k-1} to T^k = y^{S_k}
 * are back-propagated one by one, with S_k fixed at the count the forward run recorded. This is
 * what PyTorch autograd returns for the loop of Huang, Heaney &amp; van Reeuwijk (2025), and the
 * exact gradient of {@link org.cml4j.lsm.solver.SoilColumnModel#replayJacobi}. The iterates are
 * recomputed step by step from the stored states with {@link JacobiKernel}, so the memory is one
 * step's (S_k + 1) x N iterates; the cost is about two forward runs plus the reverse sweeps
 * ({@link UnrolledJacobiStep}, shared with the batched kernel).
 */
final class UnrolledJacobiAdjoint {
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
    UnrolledJacobiStep step = new UnrolledJacobiStep(n);
    LevelValues v = new LevelValues();
    for (int k = levels - 1; k >= 1; k--) {
      v.load(tr.params(), tr.forcing(), k);
      lg.start();
      System.arraycopy(carry, 0, g, 0, n);
      Adjoint.checkSeed(seed[k], op.size(), k);
      op.adjoint(seed[k], tr.state(k), v, g, gpk, gfk);
      double r = StepKernel.r(v, grid);
      double a = StepKernel.a(v, grid);
      double sBar;
      try {
        sBar = step.reverse(tr.state(k - 1), tr.state(k), tr.stepIterations(k), v, r, a, g, gpk);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("step " + k + ": " + e.getMessage(), e);
      }
      gfk[OutputOperator.KDOWN] += sBar * (1 - v.alpha);
      gfk[OutputOperator.LDOWN] += sBar;
      gfk[OutputOperator.TA] += sBar * v.hbeta;
      lg.commit(k);
      System.arraycopy(g, 0, carry, 0, n);
    }
    return Adjoint.levelZero(tr, op, seed, carry, lg);
  }
}
