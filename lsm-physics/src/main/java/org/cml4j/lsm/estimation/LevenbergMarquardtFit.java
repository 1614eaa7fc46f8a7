package org.cml4j.lsm.estimation;

import org.cml4j.core.calibration.BoundedLevenbergMarquardt;

/**
 * Levenberg–Marquardt on the residuals, with the Jacobian from the tangent model, run by the core
 * engine {@link BoundedLevenbergMarquardt} (Commons Math 3.6.1; the same engine as the couplings'
 * {@code MechanismCalibrator}). The optimiser works in transformed coordinates: log for positive
 * parameters, kelvin for Tb, with every trial point clamped into the physical ranges, so steps can
 * never leave the physical domain and the problem is well scaled.
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
    boolean[] logScale = new boolean[n];
    for (int i = 0; i < n; i++) {
      logScale[i] = space.free().get(i).positive();
    }
    BoundedLevenbergMarquardt.Outcome o = new BoundedLevenbergMarquardt(maxEvaluations,
        maxEvaluations, relativeTolerance).minimise(theta -> {
          Objective.Residuals res = obj.residuals(theta);
          return new BoundedLevenbergMarquardt.Evaluation(res.r(), res.jacobian());
        }, obj.residualCount(), s, logScale, space::clamp);
    double[] theta = o.converged() ? o.theta() : s;
    double loss = obj.value(theta);
    return new FitResult("lm", start.clone(), theta, space.named(theta), loss,
        o.converged() ? o.iterations() : -1, o.evaluations(), o.evaluations() + 1, o.converged(),
        o.message(), (System.nanoTime() - t0) * 1e-9);
  }
}
