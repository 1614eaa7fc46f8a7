package org.cml4j.lsm.estimation;

/**
 * Adam settings. {@link #huang2025(ParameterSpace)} gives the paper's: PyTorch defaults
 * (beta1 0.9, beta2 0.999, eps 1e-8) with per-parameter learning rates Tb 1.0; alpha, h, beta,
 * lambda, hbeta 0.1; C 1e5; stop when the largest relative parameter change is below 0.1 % AND the
 * relative loss change below 0.01 %, or after 151 steps.
 *
 * @param learningRates one per fitted coordinate, in its physical units
 * @param maxSteps step budget
 * @param paramTolPercent stop threshold on max |dp|/|p| in percent
 * @param lossTolPercent stop threshold on |dL|/L in percent
 */
public record AdamConfig(double[] learningRates, double beta1, double beta2, double epsilon,
    int maxSteps, double paramTolPercent, double lossTolPercent) {

  public AdamConfig {
    for (double lr : learningRates) {
      if (!(lr > 0)) {
        throw new IllegalArgumentException("Adam learning rates must be > 0, got " + lr);
      }
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("Adam maxSteps must be >= 1, got " + maxSteps);
    }
  }

  /** The decays and epsilon as settings of the core {@link org.cml4j.core.optim.Adam}. */
  public org.cml4j.core.optim.Adam.Settings settings() {
    return org.cml4j.core.optim.Adam.Settings.of(beta1, beta2, epsilon);
  }

  /** The paper's settings for the given parameter space. */
  public static AdamConfig huang2025(ParameterSpace space) {
    double[] lr = new double[space.dimension()];
    for (int i = 0; i < lr.length; i++) {
      switch (space.free().get(i)) {
        case TB: lr[i] = 1.0; break;
        case C: lr[i] = 1e5; break;
        case EPS: lr[i] = 0.01; break;
        default: lr[i] = 0.1;
      }
    }
    return new AdamConfig(lr, 0.9, 0.999, 1e-8, 151, 0.1, 0.01);
  }
}
