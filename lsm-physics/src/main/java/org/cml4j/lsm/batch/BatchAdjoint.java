package org.cml4j.lsm.batch;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.Arrays;
import java.util.List;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.SoilColumnModel;

/**
 * Forward sweep, per-column loss, and reverse sweep for one chunk of columns (the batched form of
 * {@code org.cml4j.lsm.gradient.Adjoint}). {@link GradientMode#IMPLICIT}: for each step, solve
 * {@code A^T mu = lambda_k} with the step's tridiagonal Jacobian, accumulate
 * {@code -(dR/dtheta)^T mu} into each column's parameter gradient, and carry mu to the previous
 * level. {@link GradientMode#UNROLLED} (Jacobi models): back-propagate through the step's recomputed
 * Jacobi sweeps ({@link ChunkUnrolled}). With time-dependent parameters each level's terms are also
 * kept per level (the gradient with respect to every level's value). States come from a
 * {@link Checkpointing.Plan}: all kept, or recomputed segment by segment from every K-th state.
 * Per-worker workspace, reused across chunks.
 */
final class BatchAdjoint {
  private final ChunkKernel kernel;
  /** The unrolled reverse sweep (UNROLLED mode), else null; the forward run's sweep counts. */
  private final ChunkUnrolled unrolled;
  private final int[][] counts;
  private final ChunkOutputs op;
  private final Checkpointing.Plan plan;
  private final double[][][] checkpoints;
  private final double[][][] segment;
  private final double[][][] y;
  private final double[][][] seed;
  private final double[][] colY;
  private final double[][] colSeed;
  private double[][] lam;
  private double[][] mu;
  private final double[][] gp;
  /** One level's parameter terms (time-dependent batches), and where they go this run. */
  private final double[][] gpLevel;
  private double[][] target;
  private final double[] acc;
  private long forwardNewton;

  BatchAdjoint(SoilColumnModel model, List<Output> outputs, Checkpointing.Plan plan,
      GradientMode mode, int levels, int width) {
    kernel = new ChunkKernel(model, width);
    op = new ChunkOutputs(outputs, model.grid());
    unrolled = mode == GradientMode.UNROLLED ? new ChunkUnrolled(kernel) : null;
    counts = unrolled == null ? null : new int[levels][width];
    this.plan = plan;
    checkpoints = new double[plan.checkpoints()][][];
    for (int s = 0; s < checkpoints.length; s++) {
      checkpoints[s] = kernel.newState();
    }
    segment = new double[Math.max(2, plan.segment())][][];
    for (int s = 0; s < segment.length; s++) {
      segment[s] = kernel.newState();
    }
    int m = op.size();
    y = new double[levels][m][width];
    seed = new double[levels][m][width];
    colY = new double[levels][m];
    colSeed = new double[levels][m];
    lam = kernel.newState();
    mu = kernel.newState();
    gp = new double[Param.COUNT][width];
    gpLevel = new double[Param.COUNT][width];
    acc = new double[width];
  }

  long forwardNewtonIterations() {
    return forwardNewton;
  }

  /**
   * Loss and gradient of columns {@code [from, from + w)} into {@code losses}, {@code grad}
   * ({@code [param][column]}, summed over levels) and, for each parameter time-dependent in the
   * batch, {@code series[param]} ({@code [column * levels + level]}; null rows for the others).
   */
  void run(ColumnBatch b, int from, int w, BatchLoss loss, double[] losses, double[][] grad,
      double[][] series) {
    ChunkKernel k = kernel;
    k.load(b, from, w);
    int levels = b.levels();
    forward(b, levels);
    forwardNewton += k.iterations();
    losses(loss, from, w, levels, losses);
    for (double[] row : lam) {
      Arrays.fill(row, 0);
    }
    for (double[] row : gp) {
      Arrays.fill(row, 0);
    }
    boolean perLevel = b.timeDependent();
    target = perLevel ? gpLevel : gp;
    int interval = plan.storesAll() ? Math.max(1, levels - 1) : plan.interval();
    for (int s = plan.checkpoints() - 1; s >= 0; s--) {
      int start = s * interval;
      int end = Math.min(start + interval, levels - 1);
      if (!plan.storesAll()) {
        double[][] prev = checkpoints[s];
        for (int level = start + 1; level <= end; level++) {
          k.loadLevel(b, level);
          k.step(prev, segment[level - start - 1]);
          prev = segment[level - start - 1];
        }
      }
      for (int level = end; level > start; level--) {
        double[][] x = segment[level - start - 1];
        if (unrolled == null) {
          reverseStep(b, level, x);
        } else {
          unrolledStep(b, level, x, level - 1 == start ? checkpoints[s]
              : segment[level - start - 2]);
        }
        if (perLevel) {
          fold(series, levels, level);
        }
      }
    }
    levelZero(b);
    if (perLevel) {
      fold(series, levels, 0);
    }
    for (int j = 0; j < Param.COUNT; j++) {
      System.arraycopy(gp[j], 0, grad[j], from, w);
    }
  }

  /** Adds one level's parameter terms to the totals and records them per level where wanted. */
  private void fold(double[][] series, int levels, int level) {
    ChunkKernel k = kernel;
    for (int j = 0; j < Param.COUNT; j++) {
      double[] lv = gpLevel[j];
      double[] tot = gp[j];
      double[] out = series[j];
      for (int c = 0; c < k.w; c++) {
        tot[c] += lv[c];
        if (out != null) {
          out[(k.from + c) * levels + level] = lv[c];
        }
        lv[c] = 0;
      }
    }
  }

  /**
   * Unrolled adjoint of the Jacobi step into {@code level} ({@code prev} to {@code x}): each
   * column's sweeps are recomputed from {@code prev} with the forward run's count and must
   * reproduce {@code x} bit for bit.
   */
  private void unrolledStep(ColumnBatch b, int level, double[][] x, double[][] prev) {
    ChunkKernel k = kernel;
    k.loadLevel(b, level);
    op.adjoint(k, seed[level], x, lam, target);
    unrolled.reverse(level, counts[level], prev, x, lam, target);
  }

  /** Bytes of the recorded Jacobi iterates (UNROLLED), for the workspace cache. */
  long iterateBytes() {
    return unrolled == null ? 0 : unrolled.iterateBytes();
  }

  /** Forward sweep: outputs at every level; states into the segment (all) or checkpoints. */
  private void forward(ColumnBatch b, int levels) {
    ChunkKernel k = kernel;
    double[][] prev = checkpoints[0];
    k.initial(b, prev);
    k.loadLevel(b, 0);
    op.evaluate(k, prev, y[0]);
    int interval = plan.interval();
    for (int level = 1; level < levels; level++) {
      double[][] dst;
      if (plan.storesAll()) {
        dst = segment[level - 1];
      } else if (level % interval == 0) {
        dst = checkpoints[level / interval];
      } else {
        dst = prev == segment[0] ? segment[1] : segment[0];
      }
      k.loadLevel(b, level);
      k.step(prev, dst);
      if (counts != null) {
        System.arraycopy(k.jacobi.count, 0, counts[level], 0, k.w);
      }
      op.evaluate(k, dst, y[level]);
      prev = dst;
    }
  }

  /** Per-column loss and seed, gathered from and scattered to the chunk's rows. */
  private void losses(BatchLoss loss, int from, int w, int levels, double[] losses) {
    int m = op.size();
    for (int c = 0; c < w; c++) {
      for (int level = 0; level < levels; level++) {
        for (int o = 0; o < m; o++) {
          colY[level][o] = y[level][o][c];
          colSeed[level][o] = 0;
        }
      }
      double v = loss.evaluate(from + c, colY, colSeed);
      if (!Double.isFinite(v)) {
        throw new IllegalStateException("loss of column " + (from + c) + " is " + v);
      }
      losses[from + c] = v;
      for (int level = 0; level < levels; level++) {
        for (int o = 0; o < m; o++) {
          seed[level][o][c] = colSeed[level][o];
        }
      }
    }
  }

  /** Adjoint of the step into {@code level} whose new state is {@code x}; lam holds the carry. */
  private void reverseStep(ColumnBatch b, int level, double[][] x) {
    ChunkKernel k = kernel;
    int n = k.n;
    int w = k.w;
    k.loadLevel(b, level);
    double[][] gp = target;
    op.adjoint(k, seed[level], x, lam, gp);
    double[] r = k.r;
    // A^T mu = lam: eliminate from the bottom into mu, then substitute upwards in place
    Arrays.fill(mu[n - 1], 0, w, 0);
    for (int i = n - 2; i >= 1; i--) {
      double[] pi = mu[i];
      double[] pi1 = mu[i + 1];
      double[] li = lam[i];
      double[] qri = k.qr[i];
      for (int c = 0; c < w; c++) {
        pi[c] = (li[c] + r[c] * pi1[c]) * qri[c];
      }
    }
    double[] m0 = mu[0];
    double[] m1 = mu[1];
    double[] l0 = lam[0];
    double[] q1 = k.q[1];
    double[] x0 = x[0];
    double[] x1 = x[1];
    double[] x2 = x[2];
    for (int c = 0; c < w; c++) {
      double t = x0[c];
      double d0 = 1 + 2 * r[c] + k.a[c] * (4 * k.eps[c] * SIGMA * t * t * t + k.hbeta[c]);
      m0[c] = (l0[c] + r[c] * m1[c]) / (d0 - 2 * r[c] * q1[c]);
      m1[c] = m1[c] + 2 * q1[c] * m0[c];
      acc[c] = m1[c] * (t - 2 * x1[c] + x2[c]);
    }
    for (int i = 2; i < n - 1; i++) {
      double[] mi = mu[i];
      double[] mm = mu[i - 1];
      double[] qi = k.q[i];
      double[] xm = x[i - 1];
      double[] xi = x[i];
      double[] xp = x[i + 1];
      for (int c = 0; c < w; c++) {
        double v = mi[c] + qi[c] * mm[c];
        mi[c] = v;
        acc[c] += v * (xm[c] - 2 * xi[c] + xp[c]);
      }
    }
    double[] mb = mu[n - 1];
    double[] mb1 = mu[n - 2];
    double[] lb = lam[n - 1];
    double[] gL = gp[Param.LAMBDA.ordinal()];
    double[] gC = gp[Param.C.ordinal()];
    double[] gA = gp[Param.ALPHA.ordinal()];
    double[] gH = gp[Param.HBETA.ordinal()];
    double[] gE = gp[Param.EPS.ordinal()];
    double[] gT = gp[Param.TB.ordinal()];
    for (int c = 0; c < w; c++) {
      mb[c] = lb[c] + r[c] * mb1[c];
      double t = x0[c];
      double t4 = t * t * t * t;
      double g = (1 - k.alpha[c]) * k.kd[c] + k.ld[c] - k.eps[c] * SIGMA * t4
          - k.hbeta[c] * (t - k.ta[c]);
      double grad1 = x1[c] - t;
      double u = m0[c];
      double ua = u * k.a[c];
      gL[c] += (2 * u * grad1 + acc[c]) * r[c] / k.lambda[c];
      gC[c] -= (u * (2 * r[c] * grad1 + k.a[c] * g) + r[c] * acc[c]) / k.heat[c];
      gA[c] -= ua * k.kd[c];
      gH[c] -= ua * (t - k.ta[c]);
      gE[c] -= ua * SIGMA * t4;
      gT[c] += mb[c];
      mb[c] = 0;
    }
    double[][] t = lam;
    lam = mu;
    mu = t;
  }

  /** Outputs at the initial state plus the carry into the initial profile's Tb dependence. */
  private void levelZero(ColumnBatch b) {
    ChunkKernel k = kernel;
    k.loadLevel(b, 0);
    op.adjoint(k, seed[0], checkpoints[0], lam, target);
    double[] gT = target[Param.TB.ordinal()];
    for (int c = 0; c < k.w; c++) {
      InitialState init = b.initial(k.from + c);
      if (!init.dependsOnTb()) {
        continue;
      }
      double s = 0;
      for (int i = 0; i < k.n; i++) {
        s += lam[i][c] * init.tbWeight(i);
      }
      gT[c] += s;
    }
  }
}
