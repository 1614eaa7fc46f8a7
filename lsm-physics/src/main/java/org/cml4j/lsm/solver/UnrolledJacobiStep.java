package org.cml4j.lsm.solver;

import java.util.Arrays;
import org.cml4j.lsm.model.LevelValues;

/**
 * One step of the unrolled point-Jacobi adjoint (what PyTorch autograd returns for the sweep loop
 * of Huang, Heaney &amp; van Reeuwijk 2025), for one column of N nodes: the step's iterates are
 * recomputed from the previous state with the forward run's sweep count
 * ({@link JacobiKernel#iterates}), checked to reproduce the recorded new state bit for bit, and
 * back-propagated ({@link JacobiKernel#reverse}). The one implementation behind the scalar
 * {@code UnrolledJacobiAdjoint} and the batched kernel's column-by-column reverse, so both see
 * the same iterates and arithmetic. Holds the iterate buffer (grown on demand, at most 2^25
 * doubles = 256 MB) and the reverse scratch; not thread-safe.
 */
public final class UnrolledJacobiStep {
  /** Largest iterate buffer of one step [doubles]: 2^25 (256 MB). */
  private static final long MAX_BUFFER = 1L << 25;

  private final int n;
  private final double[] gy;
  private final double[] sumG;
  /** The iterates of the current step, {@code [sweep][node]}, row 0 = T^{k-1}. */
  private double[][] iter = new double[0][];

  /** For columns of {@code nodes} nodes. */
  public UnrolledJacobiStep(int nodes) {
    n = nodes;
    gy = new double[nodes];
    sumG = new double[nodes];
  }

  /**
   * Back-propagates {@code g}, the adjoint of the step's new state {@code state} (T^k), through
   * its {@code sweeps} sweeps from {@code prev} (T^{k-1}), replacing it by the adjoint of T^{k-1},
   * and adds the step's parameter terms to {@code gp} ({@code [param ordinal]}).
   *
   * @return the adjoint of the surface source s ({@link JacobiKernel#source}), for the forcing
   * @throws IllegalStateException if the iterates would exceed the buffer limit, or the recomputed
   *     last iterate differs from {@code state}
   */
  public double reverse(double[] prev, double[] state, int sweeps, LevelValues v, double r,
      double a, double[] g, double[] gp) {
    grow(sweeps);
    JacobiKernel.iterates(prev, iter, v, r, a, sweeps);
    if (!Arrays.equals(iter[sweeps], state)) {
      throw new IllegalStateException("recomputed Jacobi iterate differs from the recorded state"
          + " (was the run produced by the JACOBI solver of this grid?)");
    }
    return JacobiKernel.reverse(iter, sweeps, g, gy, sumG, v, r, a, gp);
  }

  /** Bytes held by the iterate buffer. */
  public long bytes() {
    return (long) iter.length * n * Double.BYTES;
  }

  /** Makes the buffer hold at least {@code sweeps + 1} rows. */
  private void grow(int sweeps) {
    if (iter.length > sweeps) {
      return;
    }
    if ((long) (sweeps + 1) * n > MAX_BUFFER) {
      throw new IllegalStateException("a Jacobi step took " + sweeps + " sweeps: too many to"
          + " unroll (use the IMPLICIT gradient)");
    }
    int old = iter.length;
    iter = Arrays.copyOf(iter, Math.max(sweeps + 1, old * 3 / 2));
    for (int i = old; i < iter.length; i++) {
      iter[i] = new double[n];
    }
  }
}
