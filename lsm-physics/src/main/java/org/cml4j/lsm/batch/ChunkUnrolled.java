package org.cml4j.lsm.batch;

import java.util.Arrays;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.JacobiKernel;

/**
 * The reverse sweep of one truncated point-Jacobi step for a chunk of columns: the batched form of
 * {@code org.cml4j.lsm.gradient.UnrolledJacobiAdjoint} (the derivative PyTorch autograd returns for
 * the loop of Huang, Heaney &amp; van Reeuwijk 2025). One column at a time, as the scalar adjoint:
 * its S_c iterates are recomputed node-major with {@link JacobiKernel#iterates} from the previous
 * state and the sweep count of the forward run (they must reproduce the forward state bit for
 * bit), and back-propagated with {@link JacobiKernel#reverse}, so a column's gradient is the scalar
 * one and its (S_c + 1) x N iterates stay in cache. Per-worker scratch.
 */
final class ChunkUnrolled {
  private final ChunkKernel k;
  /** One column's previous state, adjoint and reverse scratch, node-major [node]. */
  private final double[] prev;
  private final double[] g;
  private final double[] gy;
  private final double[] sumG;
  /** One column's parameter terms, [param ordinal]. */
  private final double[] gp = new double[Param.COUNT];
  /** One column's iterates of the current step, {@code [sweep][node]}, row 0 = T^{k-1}. */
  private double[][] iter = new double[0][];

  ChunkUnrolled(ChunkKernel k) {
    this.k = k;
    prev = new double[k.n];
    g = new double[k.n];
    gy = new double[k.n];
    sumG = new double[k.n];
  }

  /**
   * Back-propagates the adjoint {@code lam} of the step's new state {@code x} (T^k) through each
   * column's {@code counts[c]} sweeps from {@code prevState} (T^{k-1}), replacing it by the
   * adjoint of T^{k-1} and adding the parameter terms to {@code target} ({@code [param][column]}).
   * The level must be loaded into the kernel.
   *
   * @throws IllegalStateException naming the column and step if the recomputed iterate differs
   *     from {@code x} or the iterates would exceed the buffer limit of
   *     {@link JacobiKernel#iterateBuffer}
   */
  void reverse(int level, int[] counts, double[][] prevState, double[][] x, double[][] lam,
      double[][] target) {
    int n = k.n;
    for (int c = 0; c < k.w; c++) {
      int sweeps = counts[c];
      try {
        iter = JacobiKernel.iterateBuffer(iter, sweeps, n);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("column " + (k.from + c) + ", step " + level + ": "
            + e.getMessage(), e);
      }
      ChunkJacobi.gather(prevState, c, prev);
      LevelValues v = k.jacobi.values(c);
      JacobiKernel.iterates(prev, iter, v, k.r[c], k.a[c], sweeps);
      double[] last = iter[sweeps];
      for (int i = 0; i < n; i++) {
        if (last[i] != x[i][c]) {
          throw new IllegalStateException("column " + (k.from + c) + ", step " + level
              + ": recomputed Jacobi iterate differs from the forward state");
        }
      }
      ChunkJacobi.gather(lam, c, g);
      Arrays.fill(gp, 0);
      JacobiKernel.reverse(iter, sweeps, g, gy, sumG, v, k.r[c], k.a[c], gp);
      ChunkJacobi.scatter(g, lam, c);
      for (int j = 0; j < Param.COUNT; j++) {
        target[j][c] += gp[j];
      }
    }
  }

  /** Bytes held by the iterate buffer. */
  long iterateBytes() {
    return (long) iter.length * k.n * Double.BYTES;
  }
}
