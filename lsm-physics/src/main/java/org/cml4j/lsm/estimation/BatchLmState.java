package org.cml4j.lsm.estimation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.cml4j.lsm.batch.BatchJacobian;
import org.cml4j.lsm.batch.BatchTrajectory;

/**
 * One problem's Levenberg–Marquardt state for {@link BatchLeastSquares}: current point, residuals,
 * Jacobian, normal equations, damping (Nielsen's update), trial point and convergence. Not
 * thread-safe.
 */
final class BatchLmState {
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
  /** Coordinate of each tangent direction when the chain rule is a selection, else null. */
  private final int[] selection;
  double mu = 1e-3;
  double nu = 2;
  int evaluations;
  int iterations;
  boolean done;
  boolean converged;
  String message = "";
  final long t0 = System.nanoTime();
  double seconds;

  BatchLmState(BatchLeastSquares.Problem p) {
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
    selection = space.directionCoordinates();
  }

  /** Stores the batched outputs and Jacobian of column {@code c} as this trial's r and J. */
  void receive(BatchTrajectory tr, BatchJacobian bj, int c, int nd) {
    obj.countRuns(1, 1);
    Observations o = obj.observations();
    int levels = tr.levels();
    int outs = o.outputs().size();
    double[] y = new double[levels * outs];
    double[] dy = new double[levels * outs * nd];
    tr.copyColumn(c, y);
    bj.copyColumn(c, dy);
    double[] res = new double[rows];
    double[][] j = new double[rows][n];
    int row = 0;
    for (int t = 0; t < levels; t++) {
      for (int k = 0; k < outs; k++) {
        double v = o.value(t, k);
        if (Double.isNaN(v)) {
          continue;
        }
        int at = t * outs + k;
        res[row] = y[at] - v;
        double[] jr = j[row];
        boolean fast = false;
        if (selection != null) {
          // the chain rule below with a 0/1 matrix, without its 25 multiply-adds per row (13 % of
          // the map's execution samples, JFR): for finite derivatives the sum is exactly 0.0 + dv
          fast = true;
          for (int d = 0; d < nd; d++) {
            double dv = dy[at * nd + d];
            fast &= Double.isFinite(dv);
            jr[selection[d]] = 0.0 + dv;
          }
        }
        if (!fast) {
          java.util.Arrays.fill(jr, 0);
          double[][] chain = space.chain(trialTheta);
          for (int d = 0; d < nd; d++) {
            double dv = dy[at * nd + d];
            double[] ch = chain[d];
            for (int i = 0; i < n; i++) {
              jr[i] += dv * ch[i];
            }
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
        // at the optimum round-off can make every trial a little worse: as MINPACK's ftol test,
        // stop when the actual and the predicted relative change are both below the tolerance
        if (Double.isFinite(trialCost) && Math.abs(cost - trialCost) <= tol * cost
            && predictedReduction(step) <= tol * cost) {
          finish(true, "relative cost change below " + tol + " (batched LM)");
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

  /**
   * Sets the next trial point from the damped normal equations. When the quadratic model predicts
   * a relative cost reduction of at most {@code tol} for that step (the optimum is reached to the
   * tolerance), the step is taken without evaluating the model there and the problem converges:
   * the point is the one the next evaluation would have accepted, and it saves that evaluation
   * (one of about six per problem on the synthetic region). The cost is then the model's
   * prediction, and the residuals and Jacobian are those of the last evaluated point, one step of
   * predicted relative cost change below {@code tol} away.
   */
  void propose(double tol) {
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
    double[] tu = toU(trialTheta);
    double[] taken = new double[n];
    for (int i = 0; i < n; i++) {
      taken[i] = tu[i] - u[i];
    }
    double predicted = predictedReduction(taken);
    if (predicted >= 0 && predicted <= tol * cost) {
      u = tu;
      theta = trialTheta;
      cost -= predicted;
      iterations++;
      finish(true, "predicted relative cost change below " + tol + ": last step taken without "
          + "re-evaluation (batched LM)");
    }
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

  BatchLeastSquares.Result result() {
    double[] at = theta != null ? theta : space.clamp(start);
    double loss = r == null ? Double.NaN : 2 * cost / rows;
    FitResult f = new FitResult("lm", start.clone(), at.clone(), space.named(at), loss,
        converged ? iterations : -1, evaluations, evaluations, converged, message, seconds);
    return new BatchLeastSquares.Result(f, r, jac, r == null ? message : null);
  }
}
