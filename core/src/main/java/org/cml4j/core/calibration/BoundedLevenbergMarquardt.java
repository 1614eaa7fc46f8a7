package org.cml4j.core.calibration;

import java.util.function.UnaryOperator;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The one Levenberg–Marquardt engine of cml4j: Commons Math 3.6.1 {@link
 * LevenbergMarquardtOptimizer} on a residual + Jacobian function of physical parameters
 * {@code theta}, run in transformed coordinates {@code u} ({@code u = ln theta} for the coordinates
 * flagged log-scaled, {@code u = theta} otherwise) with every trial point clamped into the bounds
 * by the caller's {@code clamp}. The chain rule {@code dr/du = dr/dtheta * theta} is applied here.
 * Used by {@link MechanismCalibrator} (multi-start calibration of any {@code MechanismModel}) and
 * by the land-surface estimation's {@code LevenbergMarquardtFit}.
 */
public final class BoundedLevenbergMarquardt {
  private final int maxEvaluations;
  private final int maxIterations;
  private final double relativeTolerance;

  /**
   * @param maxEvaluations budget of residual + Jacobian evaluations
   * @param maxIterations budget of LM iterations
   * @param relativeTolerance relative cost and parameter change tolerance (both)
   */
  public BoundedLevenbergMarquardt(int maxEvaluations, int maxIterations,
      double relativeTolerance) {
    this.maxEvaluations = maxEvaluations;
    this.maxIterations = maxIterations;
    this.relativeTolerance = relativeTolerance;
  }

  /** Residuals and their Jacobian with respect to the physical parameters. */
  public record Evaluation(double[] residuals, double[][] jacobian) {}

  /** Residual function of the (clamped) physical parameters. */
  @FunctionalInterface
  public interface Model {
    Evaluation evaluate(double[] theta);
  }

  /**
   * Outcome of one run.
   *
   * @param theta the optimum when converged; otherwise the last evaluated point (the clamped start
   *     if nothing was evaluated)
   * @param iterations LM iterations (the budget when not converged)
   * @param evaluations residual + Jacobian evaluations
   * @param converged true if the relative tolerance was met within the budgets
   * @param message why it stopped
   */
  public record Outcome(double[] theta, int iterations, int evaluations, boolean converged,
      String message) {}

  /**
   * Minimises {@code 0.5 |r(theta)|^2} from {@code start}.
   *
   * @param model residuals and Jacobian (rows: residuals, columns: coordinates of theta)
   * @param residualCount length of the residual vector
   * @param start first guess (physical units; clamped first)
   * @param logScale per coordinate: optimise {@code ln theta} (strictly positive parameters)
   * @param clamp maps a physical point into the bounds (must keep log-scaled coordinates positive)
   */
  public Outcome minimise(Model model, int residualCount, double[] start, boolean[] logScale,
      UnaryOperator<double[]> clamp) {
    int n = start.length;
    double[] u0 = toU(clamp.apply(start), logScale);
    int[] evals = {0};
    double[][] last = {null};
    LeastSquaresProblem problem = new LeastSquaresBuilder().start(u0)
        .target(new double[residualCount])
        .model(u -> {
          evals[0]++;
          double[] theta = theta(u.toArray(), logScale, clamp);
          Evaluation e = model.evaluate(theta);
          double[][] j = e.jacobian();
          for (double[] row : j) {
            for (int i = 0; i < n; i++) {
              if (logScale[i]) {
                row[i] *= theta[i];
              }
            }
          }
          last[0] = theta;
          return new Pair<RealVector, RealMatrix>(new ArrayRealVector(e.residuals(), false),
              new Array2DRowRealMatrix(j, false));
        })
        .parameterValidator(u -> new ArrayRealVector(
            toU(theta(u.toArray(), logScale, clamp), logScale), false))
        .lazyEvaluation(false).maxEvaluations(maxEvaluations).maxIterations(maxIterations)
        .build();
    LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(relativeTolerance)
        .withParameterRelativeTolerance(relativeTolerance);
    try {
      LeastSquaresOptimizer.Optimum opt = lm.optimize(problem);
      return new Outcome(theta(opt.getPoint().toArray(), logScale, clamp), opt.getIterations(),
          evals[0], true, "relative cost/parameter change below " + relativeTolerance);
    } catch (TooManyEvaluationsException | TooManyIterationsException
        | ConvergenceException e) {
      double[] at = last[0] != null ? last[0] : theta(u0, logScale, clamp);
      return new Outcome(at, maxIterations, evals[0], false, "LM stopped: " + e.getMessage());
    }
  }

  private static double[] theta(double[] u, boolean[] logScale, UnaryOperator<double[]> clamp) {
    double[] t = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      t[i] = logScale[i] ? Math.exp(u[i]) : u[i];
    }
    return clamp.apply(t);
  }

  private static double[] toU(double[] theta, boolean[] logScale) {
    double[] u = new double[theta.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = logScale[i] ? Math.log(theta[i]) : theta[i];
    }
    return u;
  }
}
