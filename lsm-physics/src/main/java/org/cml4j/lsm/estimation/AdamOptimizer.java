package org.cml4j.lsm.estimation;

/**
 * Adam (Kingma &amp; Ba 2015) on the physical coordinates with per-coordinate learning rates and the
 * stopping rule of Huang et al. (2025). Each step costs one forward run and one adjoint sweep.
 * Coordinates are clamped into their physical ranges after each step (the paper did not clamp; no
 * start of the published experiment reaches a bound).
 */
public final class AdamOptimizer {
  private final AdamConfig config;

  public AdamOptimizer(AdamConfig config) {
    this.config = config;
  }

  public FitResult fit(Objective obj, double[] start) {
    long t0 = System.nanoTime();
    ParameterSpace space = obj.space();
    int n = space.dimension();
    if (config.learningRates().length != n) {
      throw new IllegalArgumentException("Adam: " + config.learningRates().length
          + " learning rates for " + n + " parameters");
    }
    double[] theta = space.clamp(start);
    double[] m = new double[n];
    double[] v = new double[n];
    double lossPrev = Double.POSITIVE_INFINITY;
    double loss = Double.NaN;
    int step = 0;
    boolean converged = false;
    String reason = "step budget of " + config.maxSteps() + " reached";
    double b1t = 1;
    double b2t = 1;
    while (step < config.maxSteps()) {
      Objective.ValueGradient vg = obj.valueAndGradient(theta);
      loss = vg.value();
      double relLoss = Math.abs(lossPrev - loss) / lossPrev * 100;
      lossPrev = loss;
      double[] g = vg.gradient();
      b1t *= config.beta1();
      b2t *= config.beta2();
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        m[i] = config.beta1() * m[i] + (1 - config.beta1()) * g[i];
        v[i] = config.beta2() * v[i] + (1 - config.beta2()) * g[i] * g[i];
        double mh = m[i] / (1 - b1t);
        double vh = v[i] / (1 - b2t);
        next[i] = theta[i] - config.learningRates()[i] * mh / (Math.sqrt(vh) + config.epsilon());
      }
      next = space.clamp(next);
      double maxRel = 0;
      for (int i = 0; i < n; i++) {
        maxRel = Math.max(maxRel, Math.abs(next[i] - theta[i]) / Math.abs(theta[i]) * 100);
      }
      theta = next;
      step++;
      if (maxRel <= config.paramTolPercent() && relLoss <= config.lossTolPercent()) {
        converged = true;
        reason = String.format("parameter change %.3g %% and loss change %.3g %% below tolerance",
            maxRel, relLoss);
        break;
      }
    }
    double finalLoss = obj.value(theta);
    return new FitResult("adam", start.clone(), theta, space.named(theta), finalLoss, step, step,
        step + 1L, converged, reason, (System.nanoTime() - t0) * 1e-9);
  }
}
