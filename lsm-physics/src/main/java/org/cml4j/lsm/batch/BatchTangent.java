package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.SoilColumnModel;

/**
 * Forward + tangent-linear sweeps for one chunk of columns (the batched form of
 * {@code org.cml4j.lsm.gradient.Tangent}): after each step (exact, or Jacobi: then, as the scalar
 * tangent, the derivative of the exactly solved step at Jacobi's state), for each direction, solve
 * {@code A dT^k = dT^{k-1} - (dR/dtheta) dtheta} with the step's tridiagonal Jacobian A, reusing
 * the level's elimination factors, vectorised across columns. Per-worker workspace.
 */
final class BatchTangent {
  final ChunkKernel kernel;
  private final ChunkOutputs op;
  private final List<Param> dirs;
  private final double[][] s0;
  private final double[][] s1;
  private final double[][][] dts;
  private final double[][] y;
  private final double[][] dy;
  private final double[][] b0;
  private final double[][] lap;
  private final double[] den;
  /** Laplacian of the new state at one node, per column. */
  private final double[] lapRow;
  private final boolean[] interior;

  BatchTangent(SoilColumnModel model, List<Output> outputs, List<Param> dirs, int width) {
    kernel = new ChunkKernel(model, width);
    op = new ChunkOutputs(outputs, model.grid());
    this.dirs = dirs;
    s0 = kernel.newState();
    s1 = kernel.newState();
    dts = new double[dirs.size()][][];
    for (int j = 0; j < dts.length; j++) {
      dts[j] = kernel.newState();
    }
    y = new double[op.size()][width];
    dy = new double[op.size()][width];
    b0 = new double[dirs.size()][width];
    lap = new double[dirs.size()][width];
    den = new double[width];
    interior = new boolean[dirs.size()];
    for (int j = 0; j < interior.length; j++) {
      interior[j] = dirs.get(j) == Param.LAMBDA || dirs.get(j) == Param.C;
    }
    lapRow = new double[width];
  }

  void run(ColumnBatch b, int from, int w, double[] values, double[] jac, double[] finals) {
    ChunkKernel k = kernel;
    k.load(b, from, w);
    int levels = b.levels();
    int n = k.n;
    double[][] cur = s0;
    double[][] nxt = s1;
    k.initial(b, cur);
    for (int j = 0; j < dts.length; j++) {
      double[][] d = dts[j];
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(d[i], 0, w, 0);
      }
      if (dirs.get(j) == Param.TB) {
        for (int c = 0; c < w; c++) {
          InitialState init = b.initial(from + c);
          for (int i = 0; i < n; i++) {
            d[i][c] = init.tbWeight(i);
          }
        }
      }
    }
    k.loadLevel(b, 0);
    record(b, cur, values, jac, from, w, 0, levels);
    for (int level = 1; level < levels; level++) {
      k.loadLevel(b, level);
      k.step(cur, nxt);
      solveAll(nxt);
      record(b, nxt, values, jac, from, w, level, levels);
      double[][] t = cur;
      cur = nxt;
      nxt = t;
    }
    BatchColumnModel.storeFinal(k, cur, finals);
  }

  private void record(ColumnBatch b, double[][] x, double[] values, double[] jac, int from, int w,
      int level, int levels) {
    op.evaluate(kernel, x, y);
    BatchColumnModel.scatter(y, values, from, w, level, levels);
    int m = op.size();
    int p = dirs.size();
    int stride = levels * m * p;
    for (int j = 0; j < p; j++) {
      op.tangent(kernel, dts[j], dirs.get(j), x, dy);
      for (int o = 0; o < m; o++) {
        double[] row = dy[o];
        int base = from * stride + (level * m + o) * p + j;
        for (int c = 0; c < w; c++) {
          jac[base + c * stride] = row[c];
        }
      }
    }
  }

  /**
   * Advances every tangent state (in place) through the step that produced {@code x}: the same
   * Thomas elimination for all directions, fused node by node so the step's factors and the
   * Laplacian of {@code x} are read once per node for all directions (rows stay in L1).
   */
  private void solveAll(double[][] x) {
    ChunkKernel k = kernel;
    int n = k.n;
    int w = k.w;
    int nd = dirs.size();
    double[] x0 = x[0];
    double[] x1 = x[1];
    double[] q1 = k.q[1];
    double[] r = k.r;
    boolean anyInterior = false;
    for (int c = 0; c < w; c++) {
      double t = x0[c];
      double t3 = t * t * t;
      den[c] = 1 + 2 * r[c] + k.a[c] * (4 * k.eps[c] * SIGMA * t3 + k.hbeta[c])
          - 2 * r[c] * q1[c];
    }
    for (int j = 0; j < nd; j++) {
      Param dir = dirs.get(j);
      double[] bj = b0[j];
      double[] lj = lap[j];
      double[] d0 = dts[j][0];
      anyInterior |= interior[j];
      for (int c = 0; c < w; c++) {
        double t = x0[c];
        double t3 = t * t * t;
        double grad1 = x1[c] - t;
        double extra;
        switch (dir) {
          case LAMBDA:
            extra = 2 * grad1 * (r[c] / k.lambda[c]);
            lj[c] = r[c] / k.lambda[c];
            break;
          case C:
            double g = (1 - k.alpha[c]) * k.kd[c] + k.ld[c] - k.eps[c] * SIGMA * t3 * t
                - k.hbeta[c] * (t - k.ta[c]);
            extra = -(2 * r[c] * grad1 + k.a[c] * g) / k.heat[c];
            lj[c] = -r[c] / k.heat[c];
            break;
          case ALPHA:
            extra = -k.a[c] * k.kd[c];
            lj[c] = 0;
            break;
          case HBETA:
            extra = -k.a[c] * (t - k.ta[c]);
            lj[c] = 0;
            break;
          case EPS:
            extra = -k.a[c] * SIGMA * t3 * t;
            lj[c] = 0;
            break;
          default:
            extra = 0;
            lj[c] = 0;
        }
        bj[c] = d0[c] + extra;
      }
      java.util.Arrays.fill(dts[j][n - 1], 0, w, dir == Param.TB ? 1 : 0);
    }
    for (int i = n - 2; i >= 1; i--) {
      double[] qri = k.qr[i];
      if (anyInterior) {
        double[] xm = x[i - 1];
        double[] xi = x[i];
        double[] xp = x[i + 1];
        for (int c = 0; c < w; c++) {
          lapRow[c] = xm[c] - 2 * xi[c] + xp[c];
        }
      }
      for (int j = 0; j < nd; j++) {
        // eliminated in place: node i's old tangent is read once, then replaced by its
        // eliminated right-hand side (half the arrays of a separate buffer in cache)
        double[] pi = dts[j][i];
        double[] pi1 = dts[j][i + 1];
        double[] di = pi;
        if (interior[j]) {
          double[] lj = lap[j];
          for (int c = 0; c < w; c++) {
            double bi = di[c] + lapRow[c] * lj[c];
            pi[c] = (bi + r[c] * pi1[c]) * qri[c];
          }
        } else {
          for (int c = 0; c < w; c++) {
            pi[c] = (di[c] + r[c] * pi1[c]) * qri[c];
          }
        }
      }
    }
    for (int j = 0; j < nd; j++) {
      double[] d0 = dts[j][0];
      double[] p1 = dts[j][1];
      double[] bj = b0[j];
      for (int c = 0; c < w; c++) {
        d0[c] = (bj[c] + 2 * r[c] * p1[c]) / den[c];
      }
    }
    for (int i = 1; i < n; i++) {
      double[] qi = k.q[i];
      for (int j = 0; j < nd; j++) {
        double[] di = dts[j][i];
        double[] dm = dts[j][i - 1];
        for (int c = 0; c < w; c++) {
          di[c] = di[c] + qi[c] * dm[c];
        }
      }
    }
  }
}
