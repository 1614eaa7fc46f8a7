package org.cml4j.lsm.batch;

import java.util.Arrays;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.UnrolledJacobiStep;

/**
 * The reverse sweep of one truncated point-Jacobi step for a chunk of columns: the batched form of
 * {@code org.cml4j.lsm.gradient.UnrolledJacobiAdjoint} (the derivative PyTorch autograd returns for
 * the loop of Huang, Heaney &amp; van Reeuwijk 2025). One column at a time, as the scalar adjoint:
 * its S_c iterates are recomputed node-major from the previous state and the sweep count of the
 * forward run (they must reproduce the forward state bit for bit) and back-propagated by
 * {@link UnrolledJacobiStep}, the scalar adjoint's own step, so a column's gradient is the scalar
 * one and its (S_c + 1) x N iterates stay in cache. Per-worker scratch.
 */
final class ChunkUnrolled {
  private final ChunkKernel k;
  /** One column's previous and new state and adjoint, node-major [node]. */
  private final double[] prev;
  private final double[] state;
  private final double[] g;
  /** One column's parameter terms, [param ordinal]. */
  private final double[] gp = new double[Param.COUNT];
  /** One column's iterates and reverse sweeps. */
  private final UnrolledJacobiStep step;

  ChunkUnrolled(ChunkKernel k) {
    this.k = k;
    prev = new double[k.n];
    state = new double[k.n];
    g = new double[k.n];
    step = new UnrolledJacobiStep(k.n);
  }

  /**
   * Back-propagates the adjoint {@code lam} of the step's new state {@code x} (T^k) through each
   * column's {@code counts[c]} sweeps from {@code prevState} (T^{k-1}), replacing it by the
   * adjoint of T^{k-1} and adding the parameter terms to {@code target} ({@code [param][column]}).
   * The level must be loaded into the kernel.
   *
   * @throws IllegalStateException naming the column and step if the recomputed iterate differs
   *     from {@code x} or the iterates would exceed the buffer limit of
   *     {@link UnrolledJacobiStep}
   */
  void reverse(int level, int[] counts, double[][] prevState, double[][] x, double[][] lam,
      double[][] target) {
    for (int c = 0; c < k.w; c++) {
      ChunkJacobi.gather(prevState, c, prev);
      ChunkJacobi.gather(x, c, state);
      ChunkJacobi.gather(lam, c, g);
      Arrays.fill(gp, 0);
      try {
        step.reverse(prev, state, counts[c], k.jacobi.values(c), k.r[c], k.a[c], g, gp);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("column " + (k.from + c) + ", step " + level + ": "
            + e.getMessage(), e);
      }
      ChunkJacobi.scatter(g, lam, c);
      for (int j = 0; j < Param.COUNT; j++) {
        target[j][c] += gp[j];
      }
    }
  }

  /** Bytes held by the iterate buffer. */
  long iterateBytes() {
    return step.bytes();
  }
}
