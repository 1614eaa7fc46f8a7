package org.cml4j.lsm.batch;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * The soil-column model of Huang, Heaney &amp; van Reeuwijk (2025) (see
 * {@link org.cml4j.lsm.solver.SoilColumnModel}) laid out for throughput over many independent
 * columns: structure-of-arrays chunks ({@code [node][column]}) whose Thomas recurrences and surface
 * Newton iterations vectorise across columns (the point-Jacobi sweeps of the authors'
 * configuration run column by column along the nodes, as the scalar ones), run on all cores by a
 * {@link BatchRunner}. The step solver and its settings are those
 * of a scalar {@link SoilColumnModel} (EXACT or JACOBI); parameters may be constant or
 * time-dependent per column. Three products:
 * <ul>
 *   <li>{@link #forward}: outputs at every level and final states;</li>
 *   <li>{@link #tangent}: outputs and their derivatives with respect to a few parameters (a
 *   uniform shift at every level, as {@code Tangent});</li>
 *   <li>{@link #gradient}: a per-column loss and its gradient with respect to all six parameters
 *   (per level for time-dependent ones) by the discrete adjoint ({@link GradientMode#IMPLICIT}) or
 *   through the Jacobi sweeps ({@link GradientMode#UNROLLED}), optionally with
 *   {@link Checkpointing}.</li>
 * </ul>
 * Results agree with {@code SoilColumnModel}, {@code Tangent} and {@code Adjoint} to round-off;
 * the Jacobi forward is bit-identical (each column stops its surface Newton iteration or its Jacobi
 * sweeps on its own test, so a column's results do not depend on which columns share its chunk,
 * nor on the thread count). Immutable, thread-safe.
 */
public final class BatchColumnModel {
  private final SoilColumnModel model;
  private final ModelGrid grid;
  private final BatchRunner runner;
  private final WorkspaceCache cache = new WorkspaceCache();

  /** The EXACT step solver on {@code grid}. */
  public BatchColumnModel(ModelGrid grid, BatchRunner runner) {
    this(new SoilColumnModel(grid, StepSolver.EXACT), runner);
  }

  /** The grid, step solver and Jacobi settings of the scalar {@code model}. */
  public BatchColumnModel(SoilColumnModel model, BatchRunner runner) {
    this.model = model;
    this.grid = model.grid();
    this.runner = runner;
  }

  /** The paper's grid (101 nodes, 1 m, hourly) on the {@link BatchRunner#shared()} runner. */
  public static BatchColumnModel huang2025() {
    return new BatchColumnModel(ModelGrid.HUANG2025, BatchRunner.shared());
  }

  public ModelGrid grid() {
    return grid;
  }

  public BatchRunner runner() {
    return runner;
  }

  /** Runs every column over all levels of its forcing and records {@code outputs}. */
  public BatchTrajectory forward(ColumnBatch batch, List<Output> outputs) {
    List<Output> outs = List.copyOf(outputs);
    int m = batch.columns();
    int levels = batch.levels();
    int n = grid.nodes();
    int nOut = outs.size();
    double[] values = BatchTrajectory.allocate(m, levels, nOut, "outputs");
    double[] finals = BatchTrajectory.allocate(m, n, 1, "final states");
    AtomicLong newton = new AtomicLong();
    List<Object> key = List.of("forward", outs, runner.width(m));
    long bytes = 8L * Double.BYTES * grid.nodes() * runner.width(m);
    runner.run(m, w -> cache.take(key, w, x -> new Forward(model, outs, x)), (ws, from, w) -> {
      ws.run(batch, from, w, values, finals);
      newton.addAndGet(ws.kernel.iterations());
    }, ws -> cache.give(key, ws, bytes));
    return new BatchTrajectory(grid, outs, m, levels, values, finals, newton.get());
  }

  /**
   * Forward run plus tangent sweeps: d outputs / d p for each {@code p} in {@code params} (a
   * uniform shift of the constant parameter; Tb also moves a Tb-dependent initial profile).
   */
  public BatchJacobian tangent(ColumnBatch batch, List<Output> outputs, List<Param> params) {
    List<Output> outs = List.copyOf(outputs);
    List<Param> dirs = List.copyOf(params);
    int m = batch.columns();
    int levels = batch.levels();
    double[] values = BatchTrajectory.allocate(m, levels, outs.size(), "outputs");
    double[] jac = BatchTrajectory.allocate(m, levels, outs.size() * Math.max(1, dirs.size()),
        "Jacobian entries");
    double[] finals = BatchTrajectory.allocate(m, grid.nodes(), 1, "final states");
    AtomicLong newton = new AtomicLong();
    List<Object> key = List.of("tangent", outs, dirs, runner.width(m));
    long bytes = (8L + dirs.size()) * Double.BYTES * grid.nodes() * runner.width(m);
    runner.run(m, w -> cache.take(key, w, x -> new BatchTangent(model, outs, dirs, x)),
        (ws, from, w) -> {
          ws.run(batch, from, w, values, jac, finals);
          newton.addAndGet(ws.kernel.iterations());
        }, ws -> cache.give(key, ws, bytes));
    BatchTrajectory tr = new BatchTrajectory(grid, outs, m, levels, values, finals, newton.get());
    return new BatchJacobian(tr, dirs, jac);
  }

  /** {@link #gradient(ColumnBatch, List, BatchLoss, Checkpointing)} storing every state. */
  public BatchGradient gradient(ColumnBatch batch, List<Output> outputs, BatchLoss loss) {
    return gradient(batch, outputs, loss, Checkpointing.storeAll());
  }

  /** {@link #gradient(ColumnBatch, List, BatchLoss, Checkpointing, GradientMode)}, IMPLICIT. */
  public BatchGradient gradient(ColumnBatch batch, List<Output> outputs, BatchLoss loss,
      Checkpointing checkpointing) {
    return gradient(batch, outputs, loss, checkpointing, GradientMode.IMPLICIT);
  }

  /**
   * Forward run, per-column loss of the outputs, and the gradient of each column's loss with
   * respect to its parameters (as {@code Adjoint.vjp} in {@code mode}; per level for the
   * parameters time-dependent in the batch, {@link BatchGradient#series}). Memory for states is per
   * worker chunk (not per column), bounded by the checkpoint plan; UNROLLED adds one column's step
   * of Jacobi iterates per worker.
   *
   * @throws IllegalArgumentException for UNROLLED with a step solver other than JACOBI
   */
  public BatchGradient gradient(ColumnBatch batch, List<Output> outputs, BatchLoss loss,
      Checkpointing checkpointing, GradientMode mode) {
    if (mode == GradientMode.UNROLLED && model.solver() != StepSolver.JACOBI) {
      throw new IllegalArgumentException("the UNROLLED gradient differentiates the Jacobi sweeps;"
          + " this batch model uses the " + model.solver() + " step solver (use IMPLICIT, or the"
          + " JACOBI solver)");
    }
    List<Output> outs = List.copyOf(outputs);
    int m = batch.columns();
    int width = runner.width(m);
    int workers = Math.min(runner.threads(), (m + width - 1) / width);
    long stateBytes = (long) workers * width * grid.nodes() * Double.BYTES;
    Checkpointing.Plan plan = checkpointing.plan(batch.levels(), stateBytes);
    double[] losses = new double[m];
    double[][] grad = new double[Param.COUNT][m];
    AtomicLong newton = new AtomicLong();
    int levels = batch.levels();
    double[][] series = new double[Param.COUNT][];
    for (Param p : Param.values()) {
      if (batch.timeDependent(p)) {
        series[p.ordinal()] = BatchTrajectory.allocate(m, levels, 1, "per-level gradients");
      }
    }
    List<Object> key = List.of("adjoint", outs, plan, mode, width);
    long bytes = ((plan.storedStates() + 10L) * grid.nodes() + 2L * levels * outs.size())
        * width * Double.BYTES;
    runner.run(m, w -> cache.take(key, w,
        x -> new BatchAdjoint(model, outs, plan, mode, levels, x)), (ws, from, w) -> {
          long before = ws.forwardNewtonIterations();
          ws.run(batch, from, w, loss, losses, grad, series);
          newton.addAndGet(ws.forwardNewtonIterations() - before);
        }, ws -> cache.give(key, ws, bytes + ws.iterateBytes()));
    return new BatchGradient(losses, grad, series, levels, plan,
        plan.storedStates() * stateBytes, newton.get());
  }

  /** Per-worker forward workspace. */
  private static final class Forward {
    final ChunkKernel kernel;
    final ChunkOutputs op;
    final double[][] s0;
    final double[][] s1;
    final double[][] y;

    Forward(SoilColumnModel model, List<Output> outputs, int width) {
      kernel = new ChunkKernel(model, width);
      op = new ChunkOutputs(outputs, model.grid());
      s0 = kernel.newState();
      s1 = kernel.newState();
      y = new double[op.size()][width];
    }

    void run(ColumnBatch b, int from, int w, double[] values, double[] finals) {
      ChunkKernel k = kernel;
      k.load(b, from, w);
      int levels = b.levels();
      double[][] cur = s0;
      double[][] nxt = s1;
      k.initial(b, cur);
      k.loadLevel(b, 0);
      op.evaluate(k, cur, y);
      scatter(y, values, from, w, 0, levels);
      for (int level = 1; level < levels; level++) {
        k.loadLevel(b, level);
        k.step(cur, nxt);
        op.evaluate(k, nxt, y);
        scatter(y, values, from, w, level, levels);
        double[][] t = cur;
        cur = nxt;
        nxt = t;
      }
      storeFinal(k, cur, finals);
    }
  }

  /** Writes one level's output rows {@code y[output][column]} into the flat result array. */
  static void scatter(double[][] y, double[] values, int from, int w, int level, int levels) {
    int m = y.length;
    int stride = levels * m;
    for (int o = 0; o < m; o++) {
      double[] row = y[o];
      int base = from * stride + level * m + o;
      for (int c = 0; c < w; c++) {
        values[base + c * stride] = row[c];
      }
    }
  }

  /** Copies a chunk's state into the flat {@code [column][node]} final-state array. */
  static void storeFinal(ChunkKernel k, double[][] s, double[] finals) {
    for (int c = 0; c < k.w; c++) {
      int base = (k.from + c) * k.n;
      for (int i = 0; i < k.n; i++) {
        finals[base + i] = s[i][c];
      }
    }
  }
}
