package org.cml4j.core.spi;

/**
 * Default settings of the mechanism-parameter optimizers couplings use (Hipparchus-style explicit
 * budgets).
 *
 * @param method "lm" (Levenberg–Marquardt on the tangent Jacobian) or "adam"
 * @param maxIterations iteration budget per start
 * @param maxEvaluations model-evaluation budget per start
 * @param starts number of starts in multi-start fits
 * @param relativeTolerance convergence tolerance on the relative cost change
 */
public record OptimizerSettings(String method, int maxIterations, int maxEvaluations, int starts,
    double relativeTolerance) {
  public OptimizerSettings {
    if (!method.equals("lm") && !method.equals("adam")) {
      throw new IllegalArgumentException("optimizer method must be lm or adam, got " + method);
    }
    if (maxIterations < 1 || maxEvaluations < 1 || starts < 1 || !(relativeTolerance > 0)) {
      throw new IllegalArgumentException("optimizer budgets must be positive: " + maxIterations
          + " iterations, " + maxEvaluations + " evaluations, " + starts + " starts, tolerance "
          + relativeTolerance);
    }
  }

  /** LM, 100 iterations, 200 evaluations, 4 starts, 1e-10. */
  public static OptimizerSettings standard() {
    return new OptimizerSettings("lm", 100, 200, 4, 1e-10);
  }
}
