package org.cml4j.lsm.estimation;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Levenberg–Marquardt (Commons Math 3.6.1) on the residuals, with the Jacobian from the tangent
 * model. The optimiser works in transformed coordinates: log for positive parameters, kelvin for
 * Tb, so steps can never leave the physical domain and the problem is well scaled.
 */
public final class LevenbergMarquardtFit {
  private final int maxEvaluations;
  private final double relativeTolerance;

  /** @param maxEvaluations budget of residual+Jacobian evaluations */
  public LevenbergMarquardtFit(int maxEvaluations, double relativeTolerance) {
    this.maxEvaluations = maxEvaluations;
    this.relativeTolerance = relativeTolerance;
  }

  /** Defaults: 200 evaluations, relative tolerances 1e-10. */
  public LevenbergMarquardtFit() {
    this(200, 1e-10);
  }

  public FitResult fit(Objective obj, double[] start) {
    long t0 = System.nanoTime();
    ParameterSpace space = obj.space();
    int n = space.dimension();
    double[] s = space.clamp(start);
    double[] u0 = new double[n];
    for (int i = 0; i < n; i++) {
      u0[i] = space.free().get(i).positive() ? Math.log(s[i]) : s[i];
    }
    long[] evals = {0};
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .start(u0)
        .target(new double[obj.observations().count()])
        .model(u -> {
          evals[0]++;
          double[] theta = toTheta(space, u.toArray());
          Objective.Residuals res = obj.residuals(theta);
          double[][] j = res.jacobian();
          for (double[] row : j) {
            for (int i = 0; i < n; i++) {
              if (space.free().get(i).positive()) {
                row[i] *= theta[i];
              }
            }
          }
          return new Pair<RealVector, org.apache.commons.math3.linear.RealMatrix>(
              new ArrayRealVector(res.r(), false), new Array2DRowRealMatrix(j, false));
        })
        .parameterValidator(u -> clampU(space, u))
        .lazyEvaluation(false)
        .maxEvaluations(maxEvaluations)
        .maxIterations(maxEvaluations)
        .build();
    LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(relativeTolerance)
        .withParameterRelativeTolerance(relativeTolerance);
    double[] theta;
    int iterations;
    boolean converged;
    String reason;
    try {
      LeastSquaresOptimizer.Optimum opt = lm.optimize(problem);
      theta = toTheta(space, opt.getPoint().toArray());
      iterations = opt.getIterations();
      converged = true;
      reason = "relative cost/parameter change below " + relativeTolerance;
    } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
      theta = s;
      iterations = -1;
      converged = false;
      reason = "LM stopped: " + e.getMessage();
    }
    double loss = obj.value(theta);
    return new FitResult("lm", start.clone(), theta, space.named(theta), loss, iterations, evals[0],
        evals[0] + 1, converged, reason, (System.nanoTime() - t0) * 1e-9);
  }

  private static double[] toTheta(ParameterSpace space, double[] u) {
    double[] t = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      t[i] = space.free().get(i).positive() ? Math.exp(u[i]) : u[i];
    }
    return space.clamp(t);
  }

  private static RealVector clampU(ParameterSpace space, RealVector u) {
    double[] t = toTheta(space, u.toArray());
    double[] out = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      out[i] = space.free().get(i).positive() ? Math.log(t[i]) : t[i];
    }
    return new ArrayRealVector(out, false);
  }
}
