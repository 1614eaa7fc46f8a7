package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.Arrays;
import org.cml4j.lsm.solver.JacobiKernel;

/**
 * The point-Jacobi step of {@link JacobiKernel} for a chunk of columns ({@link ChunkKernel}'s
 * parameter rows of the current level): every sweep runs over all columns of one node row, with
 * the same arithmetic, in the same order, as the scalar sweep, so each column's iterates, sweep
 * count and state are bit-identical to {@link JacobiKernel#solve}. Each column stops on its own
 * convergence test (its state is copied out at its own first sweep whose largest change is at most
 * the tolerance). The columns are swept in blocks of {@link #BLOCK}, each block until its slowest
 * column has converged; for the unrolled adjoint the iterates of a block can be kept
 * ({@code solve} with {@code record}) and reversed before the next block is recorded. Unlike the
 * exact step this gains no speed over the scalar path: the scalar sweep already vectorises along the
 * nodes (HotSpot SuperWord, measured 4x), and a chunk sweeps as long as its slowest column.
 * Per-worker scratch.
 */
final class ChunkJacobi {
  /**
   * Columns swept together [columns]: the default chunk width (narrower blocks, e.g. 8 columns so
   * that three states stay in L1, or the unrolled adjoint recording and reversing 8 columns at a
   * time, measured slower).
   */
  static final int BLOCK = BatchRunner.DEFAULT_CHUNK;
  /** Largest iterate buffer of one step [doubles]: 2^25 (256 MB), as the scalar unrolled adjoint. */
  private static final long MAX_BUFFER = 1L << 25;

  private final ChunkKernel k;
  private final double tol;
  private final int maxSweeps;
  private final double[][] bufA;
  private final double[][] bufB;
  /** Iterates of the last recorded step, {@code [sweep][node][column]}, row 0 = T^n. */
  private double[][][] iter = new double[0][][];
  /** Per column: sweeps of the last step; the largest change of the last sweep. */
  final int[] count;
  private final double[] change;
  /** Per column, of the last solve: source s (see JacobiKernel#source) and 1 / (1 + 2r). */
  final double[] src;
  final double[] inv;
  private final boolean[] done;
  /** Sweeps summed over the chunk's columns since {@link ChunkKernel#load}. */
  long sweeps;

  ChunkJacobi(ChunkKernel k, double tol, int maxSweeps) {
    this.k = k;
    this.tol = tol;
    this.maxSweeps = maxSweeps;
    bufA = k.newState();
    bufB = k.newState();
    count = new int[k.cap];
    change = new double[k.cap];
    src = new double[k.cap];
    inv = new double[k.cap];
    done = new boolean[k.cap];
  }

  /** Iterate {@code s} (0..{@code count[c]}) of the last {@code solve(.., true, ..)}. */
  double[][] iterate(int s) {
    return iter[s];
  }

  /**
   * Sweeps from {@code prev} until every column has converged, writing each column's converged
   * state into {@code next} and its sweep count into {@link #count}: block by block of
   * {@link #BLOCK} columns, each block sweeping until its own slowest column has converged.
   *
   * @return the largest sweep count of the chunk
   * @throws IllegalStateException naming the column if its sweeps diverge or exceed the maximum
   */
  int solve(double[][] prev, double[][] next) {
    int smax = 0;
    for (int c0 = 0; c0 < k.w; c0 += BLOCK) {
      smax = Math.max(smax, solve(prev, next, false, c0, Math.min(k.w, c0 + BLOCK)));
    }
    return smax;
  }

  /**
   * Sweeps columns {@code [c0, c1)} from {@code prev} until each has converged (see
   * {@link #solve(double[][], double[][])}); with {@code record} every iterate of these columns is
   * kept for {@link #iterate}.
   *
   * @return the largest sweep count of these columns
   */
  int solve(double[][] prev, double[][] next, boolean record, int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      src[c] = (1 - k.alpha[c]) * k.kd[c] + k.ld[c] + k.hbeta[c] * k.ta[c];
      inv[c] = 1 / (1 + 2 * k.r[c]);
    }
    Arrays.fill(done, c0, c1, false);
    int active = c1 - c0;
    double[][] cur = record ? row(0) : bufA;
    for (int i = 0; i < k.n; i++) {
      System.arraycopy(prev[i], c0, cur[i], c0, c1 - c0);
    }
    for (int s = 1; s <= maxSweeps; s++) {
      double[][] nxt = record ? row(s) : cur == bufA ? bufB : bufA;
      sweep(prev, cur, nxt, c0, c1);
      for (int c = c0; c < c1; c++) {
        if (done[c]) {
          continue;
        }
        double ch = change[c];
        if (ch <= tol) {
          done[c] = true;
          count[c] = s;
          sweeps += s;
          active--;
          for (int i = 0; i < k.n; i++) {
            next[i][c] = nxt[i][c];
          }
        } else if (!Double.isFinite(ch)) {
          throw new IllegalStateException("column " + (k.from + c) + ": Jacobi iteration diverged"
              + " after " + s + " sweeps (r = " + k.r[c] + ", hbeta = " + k.hbeta[c] + ")");
        }
      }
      if (active == 0) {
        return s;
      }
      cur = nxt;
    }
    int c = c0;
    while (done[c]) {
      c++;
    }
    throw new IllegalStateException("column " + (k.from + c) + ": Jacobi iteration did not reach"
        + " tolerance " + tol + " K in " + maxSweeps + " sweeps (r = " + k.r[c] + ")");
  }

  /** One sweep of columns [c0, c1), {@code nxt} from {@code cur}; largest changes into change. */
  private void sweep(double[][] prev, double[][] cur, double[][] nxt, int c0, int c1) {
    int n = k.n;
    double[] r = k.r;
    double[] a = k.a;
    double[] hb = k.hbeta;
    double[] ep = k.eps;
    double[] tb = k.tb;
    double[] src = this.src;
    double[] inv = this.inv;
    double[] change = this.change;
    double[] p0 = prev[0];
    double[] y0 = cur[0];
    double[] y1 = cur[1];
    double[] z0 = nxt[0];
    for (int c = c0; c < c1; c++) {
      double t0 = y0[c];
      double z = (p0[c] + 2 * r[c] * y1[c] + a[c] * src[c])
          / (1 + 2 * r[c] + a[c] * (hb[c] + ep[c] * SIGMA * t0 * t0 * t0));
      z0[c] = z;
      change[c] = Math.abs(z - t0);
    }
    for (int i = 1; i < n - 1; i++) {
      double[] pi = prev[i];
      double[] ym = cur[i - 1];
      double[] yi = cur[i];
      double[] yp = cur[i + 1];
      double[] zi = nxt[i];
      for (int c = c0; c < c1; c++) {
        double y = (pi[c] + r[c] * (ym[c] + yp[c])) * inv[c];
        zi[c] = y;
        change[c] = Math.max(change[c], Math.abs(y - yi[c]));
      }
    }
    double[] yb = cur[n - 1];
    double[] zb = nxt[n - 1];
    for (int c = c0; c < c1; c++) {
      zb[c] = tb[c];
      change[c] = Math.max(change[c], Math.abs(tb[c] - yb[c]));
    }
  }

  /** Bytes held by the iterate buffer. */
  long iterateBytes() {
    return (long) iter.length * k.n * k.cap * Double.BYTES;
  }

  /** Iterate buffer row {@code s}, grown on demand. */
  private double[][] row(int s) {
    if (s >= iter.length) {
      if ((long) (s + 1) * k.n * k.cap > MAX_BUFFER) {
        throw new IllegalStateException("a Jacobi step took more than " + (s - 1) + " sweeps in"
            + " columns " + k.from + ".." + (k.from + k.w - 1) + ": too many to unroll (use the"
            + " IMPLICIT gradient)");
      }
      int old = iter.length;
      iter = Arrays.copyOf(iter, Math.max(s + 1, old * 3 / 2));
      for (int i = old; i < iter.length; i++) {
        iter[i] = k.newState();
      }
    }
    return iter[s];
  }
}
