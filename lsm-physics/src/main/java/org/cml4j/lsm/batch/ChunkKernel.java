package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * The backward-Euler step of a {@link SoilColumnModel} for a chunk of columns at once: the exact
 * step of {@link StepKernel#solveExact}, or the point-Jacobi sweeps of
 * {@link org.cml4j.lsm.solver.JacobiKernel} ({@link ChunkJacobi}). Structure-of-arrays: every field
 * is indexed {@code [node][column]} (rows of {@code cap} doubles), and every inner loop runs over
 * the columns of one row, so the Thomas recurrences over nodes and the surface Newton iterations
 * vectorise across columns (HotSpot SuperWord). The parameter rows hold the values of the current
 * time level: constant parameters (and their elimination factors) are loaded once per chunk,
 * time-dependent ones again at every level ({@link #loadLevel}). Mutable per-worker scratch; not
 * thread-safe.
 */
final class ChunkKernel {
  private static final int NEWTON_MAX = 60;

  final int n;
  final int cap;
  final double dt;
  final double dx;
  /** Columns in the current chunk and the index of its first column in the batch. */
  int w;
  int from;

  /** Parameter rows of the current level, {@code [param ordinal][column]}; aliased below. */
  private final double[][] param;
  final double[] alpha;
  final double[] lambda;
  final double[] heat;
  final double[] hbeta;
  final double[] tb;
  final double[] eps;
  /** r = lambda dt / (C dx^2), a = 2 dt / (C dx), c1 = 1 + 2r(1-q1) + a hbeta, c4 = a eps sigma. */
  final double[] r;
  final double[] a;
  final double[] c1;
  final double[] c4;
  /** Elimination factors q_i and q_i / r. */
  final double[][] q;
  final double[][] qr;
  /** Forcing of the current level. */
  final double[] kd;
  final double[] ld;
  final double[] ta;
  /** Scratch: Newton state per column. */
  private final double[] x;
  private final double[] rhs;
  private final double[] xs;
  private final boolean[] converged;
  /** The Jacobi sweeps of a JACOBI model, else null. */
  final ChunkJacobi jacobi;
  /** Whether the chunk has time-dependent parameters, and whether lambda or C among them. */
  private boolean varying;
  private boolean varyingR;
  long newtonIterations;

  ChunkKernel(SoilColumnModel model, int cap) {
    ModelGrid grid = model.grid();
    this.n = grid.nodes();
    this.cap = cap;
    this.dt = grid.dt();
    this.dx = grid.dx();
    param = new double[Param.COUNT][cap];
    alpha = param[Param.ALPHA.ordinal()];
    lambda = param[Param.LAMBDA.ordinal()];
    heat = param[Param.C.ordinal()];
    hbeta = param[Param.HBETA.ordinal()];
    tb = param[Param.TB.ordinal()];
    eps = param[Param.EPS.ordinal()];
    r = new double[cap];
    a = new double[cap];
    c1 = new double[cap];
    c4 = new double[cap];
    q = new double[n][cap];
    qr = new double[n][cap];
    kd = new double[cap];
    ld = new double[cap];
    ta = new double[cap];
    x = new double[cap];
    rhs = new double[cap];
    xs = new double[n];
    converged = new boolean[cap];
    jacobi = model.solver() == StepSolver.JACOBI
        ? new ChunkJacobi(this, model.jacobiTolerance(), model.jacobiMaxSweeps()) : null;
  }

  /**
   * Solver iterations since {@link #load}: surface Newton iterations (EXACT; the chunk iterates as
   * its slowest column) or Jacobi sweeps summed over columns (JACOBI; each column's own count).
   */
  long iterations() {
    return jacobi != null ? jacobi.sweeps : newtonIterations;
  }

  /** Allocates one state, {@code [node][column]}. */
  double[][] newState() {
    return new double[n][cap];
  }

  /**
   * Loads the level-0 parameters of columns {@code [from, from + w)} and the elimination factors.
   */
  void load(ColumnBatch b, int from, int w) {
    this.from = from;
    this.w = w;
    varying = b.timeDependent();
    varyingR = b.timeDependent(Param.LAMBDA) || b.timeDependent(Param.C);
    for (Param p : Param.values()) {
      double[] row = param[p.ordinal()];
      for (int c = 0; c < w; c++) {
        row[c] = b.value(p, from + c, 0);
      }
    }
    derive(true);
    newtonIterations = 0;
    if (jacobi != null) {
      jacobi.sweeps = 0;
    }
  }

  /**
   * Loads level {@code k}: the forcing and, when the batch has any, the time-dependent parameters
   * with the quantities derived from them (the elimination factors only when lambda or C vary).
   */
  void loadLevel(ColumnBatch b, int k) {
    loadForcing(b, k);
    if (!varying) {
      return;
    }
    for (Param p : Param.values()) {
      if (b.timeDependent(p)) {
        double[] row = param[p.ordinal()];
        for (int c = 0; c < w; c++) {
          row[c] = b.value(p, from + c, k);
        }
      }
    }
    derive(varyingR);
  }

  /** r, a and the elimination factors (if {@code factors}), then c1 and c4, from the rows. */
  private void derive(boolean factors) {
    if (factors) {
      factors();
    }
    double[] q1 = q[1];
    for (int c = 0; c < w; c++) {
      c1[c] = 1 + 2 * r[c] * (1 - q1[c]) + a[c] * hbeta[c];
      c4[c] = a[c] * eps[c] * SIGMA;
    }
  }

  private void factors() {
    double[] qn = q[n - 1];
    for (int c = 0; c < w; c++) {
      r[c] = lambda[c] * dt / (heat[c] * dx * dx);
      a[c] = 2 * dt / (heat[c] * dx);
      qn[c] = 0;
      qr[n - 1][c] = 0;
    }
    for (int i = n - 2; i >= 1; i--) {
      double[] qi = q[i];
      double[] qi1 = q[i + 1];
      double[] qri = qr[i];
      for (int c = 0; c < w; c++) {
        qi[c] = r[c] / (1 + 2 * r[c] - r[c] * qi1[c]);
        qri[c] = qi[c] / r[c];
      }
    }
  }

  /** Loads the forcing of level {@code k} for the chunk's columns. */
  private void loadForcing(ColumnBatch b, int k) {
    if (b.sharedForcing()) {
      SurfaceForcing f = b.forcing(0);
      double k0 = f.kdown()[k];
      double l0 = f.ldown()[k];
      double t0 = f.ta()[k];
      for (int c = 0; c < w; c++) {
        kd[c] = k0;
        ld[c] = l0;
        ta[c] = t0;
      }
    } else {
      for (int c = 0; c < w; c++) {
        SurfaceForcing f = b.forcing(from + c);
        kd[c] = f.kdown()[k];
        ld[c] = f.ldown()[k];
        ta[c] = f.ta()[k];
      }
    }
  }

  /** Writes the level-0 state of the chunk's columns into {@code s}. */
  void initial(ColumnBatch b, double[][] s) {
    for (int c = 0; c < w; c++) {
      InitialState init = b.initial(from + c);
      try {
        init.fill(xs, tb[c]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("column " + (from + c) + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < n; i++) {
        s[i][c] = xs[i];
      }
    }
  }

  /**
   * One step from {@code prev} to {@code next} for the loaded level with the model's step solver:
   * the Jacobi sweeps of {@link ChunkJacobi#solve}, or the exact step (elimination from the
   * Dirichlet bottom, Newton on the surface row with each column stopping at its own first update
   * below {@link StepKernel#NEWTON_TOLERANCE}, as the scalar solver, so a column's result does not
   * depend on the other columns of its chunk, back-substitution).
   */
  void step(double[][] prev, double[][] next) {
    if (jacobi != null) {
      jacobi.solve(prev, next);
      return;
    }
    // the eliminated right-hand side is kept in next's rows (no separate buffer: half the rows
    // in cache); the back-substitution then replaces it in place. Safe when prev == next.
    double[] pn = next[n - 1];
    System.arraycopy(tb, 0, pn, 0, w);
    for (int i = n - 2; i >= 1; i--) {
      double[] pi = next[i];
      double[] pi1 = next[i + 1];
      double[] xi = prev[i];
      double[] qri = qr[i];
      for (int c = 0; c < w; c++) {
        pi[c] = (xi[c] + r[c] * pi1[c]) * qri[c];
      }
    }
    double[] p1 = next[1];
    double[] x0 = prev[0];
    for (int c = 0; c < w; c++) {
      rhs[c] = x0[c] + 2 * r[c] * p1[c]
          + a[c] * ((1 - alpha[c]) * kd[c] + ld[c] + hbeta[c] * ta[c]);
      x[c] = x0[c];
    }
    int it = 0;
    java.util.Arrays.fill(converged, 0, w, false);
    while (true) {
      double maxStep = 0;
      double minX = Double.POSITIVE_INFINITY;
      for (int c = 0; c < w; c++) {
        if (converged[c]) {
          continue;
        }
        double xc = x[c];
        double x3 = xc * xc * xc;
        double f = c1[c] * xc + c4[c] * x3 * xc - rhs[c];
        double d = f / (c1[c] + 4 * c4[c] * x3);
        xc -= d;
        x[c] = xc;
        double ad = Math.abs(d);
        if (ad <= StepKernel.NEWTON_TOLERANCE) {
          converged[c] = true;
        } else {
          maxStep = Math.max(maxStep, ad);
        }
        minX = Math.min(minX, xc);
      }
      it++;
      if (maxStep <= StepKernel.NEWTON_TOLERANCE) {
        break;
      }
      if (it >= NEWTON_MAX || !(minX > 0) || !(maxStep < Double.POSITIVE_INFINITY)) {
        throw newtonFailure(prev, it);
      }
    }
    newtonIterations += it;
    double[] n0 = next[0];
    System.arraycopy(x, 0, n0, 0, w);
    for (int i = 1; i < n; i++) {
      double[] ni = next[i];
      double[] nm = next[i - 1];
      double[] qi = q[i];
      for (int c = 0; c < w; c++) {
        ni[c] = ni[c] + qi[c] * nm[c];
      }
    }
  }

  private IllegalStateException newtonFailure(double[][] prev, int it) {
    int bad = 0;
    for (int c = 0; c < w; c++) {
      if (!(x[c] > 0) || !Double.isFinite(x[c])) {
        bad = c;
        break;
      }
    }
    return new IllegalStateException("surface Newton iteration failed in column " + (from + bad)
        + " (Ts = " + x[bad] + " K after " + it + " iterations; previous Ts = " + prev[0][bad]
        + " K, r = " + r[bad] + ", hbeta = " + hbeta[bad] + ", Kdown = " + kd[bad] + ")");
  }

  /** Copies the chunk's columns of state {@code src} into {@code dst}. */
  void copy(double[][] src, double[][] dst) {
    for (int i = 0; i < n; i++) {
      System.arraycopy(src[i], 0, dst[i], 0, w);
    }
  }
}
