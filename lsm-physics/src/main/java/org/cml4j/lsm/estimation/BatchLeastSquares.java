package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchJacobian;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.BatchTrajectory;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Levenberg–Marquardt for many independent least-squares problems in lockstep on the batched
 * kernel ({@link BatchColumnModel#tangent}): every iteration evaluates the residuals and their
 * tangent Jacobian at the trial points of all unfinished problems in one batched run, then each
 * problem updates its own damping, accepts or rejects its step and tests its own convergence;
 * finished problems leave the batch (the active set is compacted). Multi-start fits are simply
 * more problems. Same coordinates as {@link LevenbergMarquardtFit}: {@code u = ln theta} for
 * positive parameters and {@code u = Tb} [K], every trial point clamped into the bounds of
 * {@link FitParam} by {@link ParameterSpace#clamp}. Damping: Marquardt's scaled
 * {@code (J'J + mu diag J'J) du = -J'r}, with Nielsen's update of mu (Madsen, Nielsen &amp;
 * Tingleff 2004, Methods for non-linear least squares problems, Sect. 3.2).
 *
 * <p>Convergence: an accepted step with relative cost reduction at most {@code tolerance}, or a
 * (proposed) step of at most {@code tolerance} in every coordinate (relative for log coordinates,
 * relative to |Tb| for Tb), or a proposed step whose predicted relative cost reduction is at most
 * {@code tolerance}: that last step is taken without evaluating the model there (see
 * {@link BatchLmState#propose}), so the reported loss is the quadratic model's and the residuals
 * and Jacobian are those one such step before the fitted point. The optimum agrees with the per-column Commons Math engine to the
 * conditioning of the problem (tested: 1e-6 relative on the synthetic region). Results depend
 * only on the problems and the runner's chunk width, not on its thread count when every column
 * batch is run by one thread ({@code new BatchRunner(1, ...)}), as the map runners do.
 */
public final class BatchLeastSquares {
  private final int maxEvaluations;
  private final double tolerance;
  private final BatchRunner runner;

  /**
   * @param maxEvaluations residual + Jacobian evaluations per problem (the budget)
   * @param tolerance relative cost / step tolerance
   * @param runner batched-kernel runner (its thread count changes no result bit only when 1)
   */
  public BatchLeastSquares(int maxEvaluations, double tolerance, BatchRunner runner) {
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
    }
    this.maxEvaluations = maxEvaluations;
    this.tolerance = tolerance;
    this.runner = runner;
  }

  /** Budget and tolerance of {@link LevenbergMarquardtFit#LevenbergMarquardtFit()} (200, 1e-10). */
  public BatchLeastSquares(BatchRunner runner) {
    this(200, 1e-10, runner);
  }

  /** One problem: an objective (EXACT step solver, constant base parameters) and a start. */
  public record Problem(Objective objective, double[] start) {}

  /**
   * Outcome of one problem.
   *
   * @param fit the fit (solver "lm"); loss NaN and not converged when the model failed
   * @param residuals model - observations at the last evaluated point, {@code fit.fitted()} or one
   *     step of predicted relative cost change below the tolerance before it (null when the model
   *     failed)
   * @param jacobian d residual / d coordinate at that point, physical coordinates, as
   *     {@link Objective#residuals}
   * @param error the model's error message when it failed, else null
   */
  public record Result(FitResult fit, double[] residuals, double[][] jacobian, String error) {
    /** Residuals and Jacobian as {@link Objective.Residuals}. */
    public Objective.Residuals asResiduals() {
      return new Objective.Residuals(residuals, jacobian);
    }
  }

  /**
   * Solves every problem; results in the problems' order. Problems observing different outputs or
   * fitting different model directions are run as separate lockstep groups.
   *
   * @throws IllegalArgumentException if an objective cannot be batched (see
   *     {@link BatchObjective#supports})
   */
  public List<Result> solve(List<Problem> problems) {
    return solve(problems, n -> { });
  }

  /** As {@link #solve(List)}, telling {@code onDone} the number of finished problems. */
  public List<Result> solve(List<Problem> problems, java.util.function.IntConsumer onDone) {
    int[] finished = {0};
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < problems.size(); i++) {
      Objective o = problems.get(i).objective();
      if (!BatchObjective.supports(o)) {
        throw new IllegalArgumentException("batched least squares: problem " + i
            + " cannot run on the batched kernel (EXACT step solver only)");
      }
      groups.computeIfAbsent(List.of(o.observations().outputs(), o.space().modelDirections(),
          o.model().grid()), k -> new ArrayList<>()).add(i);
    }
    Result[] out = new Result[problems.size()];
    for (List<Integer> g : groups.values()) {
      List<BatchLmState> states = new ArrayList<>(g.size());
      for (int i : g) {
        states.add(new BatchLmState(problems.get(i)));
      }
      run(states, () -> onDone.accept(++finished[0]));
      for (int j = 0; j < g.size(); j++) {
        out[g.get(j)] = states.get(j).result();
      }
    }
    return List.of(out);
  }

  /**
   * The multi-start LM of {@code ./cml4j estimate} in lockstep: every start of {@code obj} is one
   * column of the batch, on {@code threads} threads (results do not depend on the thread count).
   * Hook for {@code EstimationRuns.fitAll}: {@code if (solver.equals("lm") &&
   * BatchLeastSquares.supports(o)) return BatchLeastSquares.fitAll(o, starts, threads, progress);}
   *
   * @param onDone told the number of finished starts, each time one finishes
   * @throws IllegalStateException naming the start if the model fails at a start (as
   *     {@link MultiStart})
   */
  public static List<FitResult> fitAll(Objective obj, List<double[]> starts, int threads,
      java.util.function.IntConsumer onDone) {
    try (BatchRunner r = new BatchRunner(Math.max(1, threads), BatchRunner.DEFAULT_CHUNK)) {
      List<Problem> ps = new ArrayList<>(starts.size());
      for (double[] s : starts) {
        ps.add(new Problem(obj, s));
      }
      List<Result> rs = new BatchLeastSquares(r).solve(ps, onDone);
      List<FitResult> out = new ArrayList<>(rs.size());
      for (int i = 0; i < rs.size(); i++) {
        if (rs.get(i).error() != null) {
          throw new IllegalStateException("start " + i + " failed: " + rs.get(i).error());
        }
        out.add(rs.get(i).fit());
      }
      return out;
    }
  }

  /** Whether {@link #fitAll} can take {@code obj} (see {@link BatchObjective#supports}). */
  public static boolean supports(Objective obj) {
    return BatchObjective.supports(obj);
  }

  /** Multi-start fit of one objective: one result per start, as {@link LevenbergMarquardtFit}. */
  public List<FitResult> fitStarts(Objective obj, List<double[]> starts) {
    List<Problem> ps = new ArrayList<>(starts.size());
    for (double[] s : starts) {
      ps.add(new Problem(obj, s));
    }
    List<FitResult> out = new ArrayList<>(starts.size());
    for (Result r : solve(ps)) {
      out.add(r.fit());
    }
    return out;
  }

  private void run(List<BatchLmState> states, Runnable finishedOne) {
    Objective first = states.get(0).obj;
    BatchColumnModel model = new BatchColumnModel(first.model().grid(), runner);
    List<Param> dirs = first.space().modelDirections();
    List<BatchLmState> active = new ArrayList<>(states);
    while (!active.isEmpty()) {
      evaluate(model, active, dirs);
      List<BatchLmState> next = new ArrayList<>(active.size());
      for (BatchLmState s : active) {
        s.update(maxEvaluations, tolerance);
        if (!s.done) {
          s.propose(tolerance);
        }
        if (!s.done) {
          next.add(s);
        } else {
          finishedOne.run();
        }
      }
      active = next;
    }
  }

  /** Residuals and Jacobians at every active state's trial point; isolates failing columns. */
  private static void evaluate(BatchColumnModel model, List<BatchLmState> active,
      List<Param> dirs) {
    List<ColumnParameters> ps = new ArrayList<>(active.size());
    List<SurfaceForcing> fs = new ArrayList<>(active.size());
    List<InitialState> is = new ArrayList<>(active.size());
    for (BatchLmState s : active) {
      ps.add(s.space.toModel(s.trialTheta));
      fs.add(s.obj.forcing());
      is.add(s.obj.initial());
    }
    BatchJacobian jac;
    try {
      jac = model.tangent(ColumnBatch.of(ps, fs, is), active.get(0).obj.observations().outputs(),
          dirs);
    } catch (RuntimeException e) {
      if (active.size() == 1) {
        BatchLmState s = active.get(0);
        s.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        s.obj.countRuns(1, 1);
        return;
      }
      int h = active.size() / 2;
      evaluate(model, active.subList(0, h), dirs);
      evaluate(model, active.subList(h, active.size()), dirs);
      return;
    }
    BatchTrajectory tr = jac.trajectory();
    for (int c = 0; c < active.size(); c++) {
      active.get(c).receive(tr, jac, c, dirs.size());
    }
  }
}
