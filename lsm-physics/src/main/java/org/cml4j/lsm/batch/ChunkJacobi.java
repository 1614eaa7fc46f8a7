package org.cml4j.lsm.batch;

import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.solver.JacobiKernel;

/**
 * The point-Jacobi step of {@link JacobiKernel} (Huang, Heaney &amp; van Reeuwijk 2025) for a chunk
 * of columns ({@link ChunkKernel}'s parameter rows of the current level): each column in turn is
 * copied out of the chunk's {@code [node][column]} rows into a node-major array, solved by
 * {@link JacobiKernel#solve} itself, and copied back, so each column's iterates, sweep count and
 * state are those of the scalar path by construction, and its sweeps vectorise along the nodes
 * (HotSpot SuperWord) as the scalar ones do. Each column stops at its own first sweep whose
 * largest change is at most the tolerance.
 *
 * <p>Why not across columns like the exact step: a structure-of-arrays sweep over the columns of
 * a node row (this class until issue 17 item 4) vectorises as well, but a block of columns then
 * sweeps until its slowest column has converged, with one column there is nothing to vectorise
 * across, and the unrolled adjoint's recorded iterates of a 64-column block (about 10 MB a step)
 * fall out of cache. Measured with {@code BatchSolverSpeedReport 64 5 3} and {@code 1 5 3}
 * (forward + unrolled gradient, constant parameters, 100 hourly steps, one thread, median thread
 * CPU time of 5 interleaved runs after 3 warm-ups, loaded machine), scalar / batched: 64 columns,
 * column blocks 360 / 817 ms, per column 360 / 318 ms; 1 column, column block 7.7 / 34.4 ms, per
 * column 9.0 / 8.2 ms. With 40 warm-up runs (both paths at their final JIT speed) per column and
 * scalar cost the same within the noise (64 columns 271 / 286 ms, 1 column 5.1 / 5.2 ms): the
 * batched path does the scalar path's work (README, "Time-dependent parameters and the Jacobi step
 * solver").
 * Per-worker scratch.
 */
final class ChunkJacobi {
  private final ChunkKernel k;
  private final double tol;
  private final int maxSweeps;
  /** One column's previous and new state and the sweep scratch, node-major [node]. */
  private final double[] prev;
  private final double[] next;
  private final double[] scratch;
  private final LevelValues v = new LevelValues();
  /** Per column: sweeps of the last step. */
  final int[] count;
  /** Sweeps summed over the chunk's columns since {@link ChunkKernel#load}. */
  long sweeps;

  ChunkJacobi(ChunkKernel k, double tol, int maxSweeps) {
    this.k = k;
    this.tol = tol;
    this.maxSweeps = maxSweeps;
    prev = new double[k.n];
    next = new double[k.n];
    scratch = new double[k.n];
    count = new int[k.cap];
  }

  /**
   * Sweeps each column from {@code prev} until it has converged, writing its state into
   * {@code next} and its sweep count into {@link #count}.
   *
   * @throws IllegalStateException naming the column if its sweeps diverge or exceed the maximum
   */
  void solve(double[][] prev, double[][] next) {
    for (int c = 0; c < k.w; c++) {
      gather(prev, c, this.prev);
      try {
        count[c] = JacobiKernel.solve(this.prev, this.next, values(c), k.r[c], k.a[c], tol,
            maxSweeps, scratch);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("column " + (k.from + c) + ": " + e.getMessage(), e);
      }
      sweeps += count[c];
      scatter(this.next, next, c);
    }
  }

  /** Column {@code c}'s values of the loaded level (the fields the Jacobi sweep reads). */
  LevelValues values(int c) {
    v.alpha = k.alpha[c];
    v.lambda = k.lambda[c];
    v.c = k.heat[c];
    v.hbeta = k.hbeta[c];
    v.tb = k.tb[c];
    v.eps = k.eps[c];
    v.kdown = k.kd[c];
    v.ldown = k.ld[c];
    v.ta = k.ta[c];
    return v;
  }

  /** Copies column {@code c} of {@code s} ({@code [node][column]}) into {@code col}. */
  static void gather(double[][] s, int c, double[] col) {
    for (int i = 0; i < col.length; i++) {
      col[i] = s[i][c];
    }
  }

  /** Copies {@code col} into column {@code c} of {@code s} ({@code [node][column]}). */
  static void scatter(double[] col, double[][] s, int c) {
    for (int i = 0; i < col.length; i++) {
      s[i][c] = col[i];
    }
  }
}
