package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
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
 * relative to |Tb| for Tb). The optimum agrees with the per-column Commons Math engine to the
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
   * @param residuals model - observations at {@code fit.fitted()} (null when the model failed)
   * @param jacobian d residual / d coordinate at {@code fit.fitted()}, physical coordinates, as
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
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < problems.size(); i++) {
      Objective o = problems.get(i).objective();
      if (!BatchObjective.supports(o)) {
        throw new IllegalArgumentException("batched least squares: problem " + i
            + " cannot run on the batched kernel (EXACT step solver and constant parameters "
            + "only)");
      }
      groups.computeIfAbsent(List.of(o.observations().outputs(), o.space().modelDirections(),
          o.model().grid()), k -> new ArrayList<>()).add(i);
    }
    Result[] out = new Result[problems.size()];
    for (List<Integer> g : groups.values()) {
      List<State> states = new ArrayList<>(g.size());
      for (int i : g) {
        states.add(new State(problems.get(i)));
      }
      run(states);
      for (int j = 0; j < g.size(); j++) {
        out[g.get(j)] = states.get(j).result();
      }
    }
    return List.of(out);
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

  private void run(List<State> states) {
    Objective first = states.get(0).obj;
    BatchColumnModel model = new BatchColumnModel(first.model().grid(), runner);
    List<Param> dirs = first.space().modelDirections();
    List<State> active = new ArrayList<>(states);
    while (!active.isEmpty()) {
      evaluate(model, active, dirs);
      List<State> next = new ArrayList<>(active.size());
      for (State s : active) {
        s.update(maxEvaluations, tolerance);
        if (!s.done) {
          s.propose();
          next.add(s);
        }
      }
      active = next;
    }
  }

  /** Residuals and Jacobians at every active state's trial point; isolates failing columns. */
  private static void evaluate(BatchColumnModel model, List<State> active, List<Param> dirs) {
    List<ColumnParameters> ps = new ArrayList<>(active.size());
    List<SurfaceForcing> fs = new ArrayList<>(active.size());
    List<InitialState> is = new ArrayList<>(active.size());
    for (State s : active) {
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
        State s = active.get(0);
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

  /** One problem's LM state. */
  private static final class State {
    final Objective obj;
    final ParameterSpace space;
    final double[] start;
    final int n;
    final int rows;
    final boolean[] log;
    double[] theta;
    double[] u;
    double cost = Double.NaN;
    double[] r;
    double[][] jac;
    double[][] a;
    double[] g;
    double[] trialTheta;
    double[] trialR;
    double[][] trialJac;
    String failure;
    double mu = 1e-3;
    double nu = 2;
    int evaluations;
    int iterations;
    boolean done;
    boolean converged;
    String message = "";
    final long t0 = System.nanoTime();
    double seconds;

    State(Problem p) {
      obj = p.objective();
      space = obj.space();
      start = p.start().clone();
      n = space.dimension();
      rows = obj.observations().count();
      log = new boolean[n];
      for (int i = 0; i < n; i++) {
        log[i] = space.free().get(i).positive();
      }
      trialTheta = space.clamp(start);
    }

    /** Stores the batched outputs and Jacobian of column {@code c} as this trial's r and J. */
    void receive(BatchTrajectory tr, BatchJacobian bj, int c, int nd) {
      obj.countRuns(1, 1);
      Observations o = obj.observations();
      double[][] chain = space.chain(trialTheta);
      double[] res = new double[rows];
      double[][] j = new double[rows][n];
      int row = 0;
      int levels = tr.levels();
      int outs = o.outputs().size();
      for (int t = 0; t < levels; t++) {
        for (int k = 0; k < outs; k++) {
          double v = o.value(t, k);
          if (Double.isNaN(v)) {
            continue;
          }
          res[row] = tr.value(c, t, k) - v;
          double[] jr = j[row];
          for (int d = 0; d < nd; d++) {
            double dv = bj.derivative(c, t, k, d);
            double[] ch = chain[d];
            for (int i = 0; i < n; i++) {
              jr[i] += dv * ch[i];
            }
          }
          row++;
        }
      }
      trialR = res;
      trialJac = j;
    }

    /** Accepts or rejects the evaluated trial, updates damping, tests convergence and budget. */
    void update(int maxEvaluations, double tol) {
      evaluations++;
      if (failure != null && r == null) {
        finish(false, "model failed at the start: " + failure);
        return;
      }
      // a trial point where the model fails (e.g. surface Newton) is a rejected step
      double trialCost = failure != null ? Double.NaN : halfSquares(trialR);
      failure = null;
      double[] tu = toU(trialTheta);
      if (r == null) {
        if (!Double.isFinite(trialCost)) {
          finish(false, "non-finite residuals at the start");
          return;
        }
        accept(tu, trialCost);
      } else {
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
          step[i] = tu[i] - u[i];
        }
        double stepSize = stepSize(step);
        if (Double.isFinite(trialCost) && trialCost < cost) {
          double predicted = predictedReduction(step);
          double rho = (cost - trialCost) / predicted;
          double reduction = (cost - trialCost) / cost;
          accept(tu, trialCost);
          iterations++;
          mu *= Math.max(1.0 / 3, 1 - Math.pow(2 * rho - 1, 3));
          nu = 2;
          if (reduction <= tol || stepSize <= tol) {
            finish(true, "relative cost change or step below " + tol + " (batched LM)");
            return;
          }
        } else {
          if (stepSize <= tol) {
            finish(true, "step below " + tol + " (batched LM)");
            return;
          }
          mu *= nu;
          nu *= 2;
        }
      }
      if (evaluations >= maxEvaluations) {
        finish(false, "LM stopped: evaluation budget " + maxEvaluations + " used (batched LM)");
      }
    }

    private void accept(double[] tu, double trialCost) {
      u = tu;
      theta = trialTheta;
      cost = trialCost;
      r = trialR;
      jac = trialJac;
      a = new double[n][n];
      g = new double[n];
      double[] ju = new double[n];
      for (int row = 0; row < rows; row++) {
        double[] jr = jac[row];
        for (int i = 0; i < n; i++) {
          ju[i] = log[i] ? jr[i] * theta[i] : jr[i];
        }
        for (int i = 0; i < n; i++) {
          g[i] += ju[i] * r[row];
          for (int k = 0; k <= i; k++) {
            a[i][k] += ju[i] * ju[k];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < i; k++) {
          a[k][i] = a[i][k];
        }
      }
    }

    /** Sets the next trial point from the damped normal equations. */
    void propose() {
      double maxDiag = 0;
      for (int i = 0; i < n; i++) {
        maxDiag = Math.max(maxDiag, a[i][i]);
      }
      double[] step = null;
      for (int attempt = 0; attempt < 60 && step == null; attempt++) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
          m[i] = a[i].clone();
          m[i][i] += mu * Math.max(a[i][i], 1e-12 * maxDiag);
        }
        try {
          RealVector x = new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-15,
              1e-300).getSolver().solve(new ArrayRealVector(g).mapMultiply(-1));
          step = x.toArray();
        } catch (NonPositiveDefiniteMatrixException
            | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
          mu *= nu;
          nu *= 2;
        }
      }
      if (step == null) {
        step = new double[n];
      }
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        double ui = u[i] + step[i];
        t[i] = log[i] ? Math.exp(ui) : ui;
      }
      trialTheta = space.clamp(t);
    }

    private double predictedReduction(double[] step) {
      double lin = 0;
      double quad = 0;
      for (int i = 0; i < n; i++) {
        lin += g[i] * step[i];
        for (int k = 0; k < n; k++) {
          quad += step[i] * a[i][k] * step[k];
        }
      }
      return -(lin + 0.5 * quad);
    }

    private double stepSize(double[] step) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s = Math.max(s, Math.abs(step[i]) / (log[i] ? 1 : Math.max(1, Math.abs(u[i]))));
      }
      return s;
    }

    private double[] toU(double[] t) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = log[i] ? Math.log(t[i]) : t[i];
      }
      return x;
    }

    private static double halfSquares(double[] res) {
      double s = 0;
      for (double v : res) {
        s += v * v;
      }
      return 0.5 * s;
    }

    private void finish(boolean ok, String why) {
      done = true;
      converged = ok;
      message = why;
      seconds = (System.nanoTime() - t0) * 1e-9;
    }

    Result result() {
      double[] at = theta != null ? theta : space.clamp(start);
      double loss = r == null ? Double.NaN : 2 * cost / rows;
      FitResult f = new FitResult("lm", start.clone(), at.clone(), space.named(at), loss,
          converged ? iterations : -1, evaluations, evaluations, converged, message, seconds);
      return new Result(f, r, jac, r == null ? message : null);
    }
  }
}
