package org.cml4j.fuse.loss;

/**
 * Weights of the standard physics terms a fusion network adds for its targets (0 switches a term
 * off); see {@link PhysicsTerms#forTargets}.
 *
 * @param heatEquation weight of the heat-equation residual on the predicted profile
 * @param energyBalance weight of the surface energy-balance closure
 * @param monotonic weight of the monotonic response of SurfTemp to SWdown
 */
public record PhysicsWeights(double heatEquation, double energyBalance, double monotonic) {
  public PhysicsWeights {
    check("physics.heatEquation", heatEquation);
    check("physics.energyBalance", energyBalance);
    check("physics.monotonic", monotonic);
  }

  /** No physics terms. */
  public static PhysicsWeights none() {
    return new PhysicsWeights(0, 0, 0);
  }

  /**
   * Heat equation 0.3, energy balance 0.3, monotonicity 1: on the structural twin with three days
   * of observations these improved every target over the data-only network, while weight 1 on
   * the heat and energy terms traded soil-temperature accuracy for consistency (see
   * docs/modes/fusion.md).
   */
  public static PhysicsWeights standard() {
    return new PhysicsWeights(0.3, 0.3, 1);
  }

  /** True if every weight is zero. */
  public boolean isNone() {
    return heatEquation == 0 && energyBalance == 0 && monotonic == 0;
  }

  private static void check(String name, double w) {
    if (!(w >= 0) || !Double.isFinite(w)) {
      throw new org.cml4j.core.spi.InvalidSettingException(null, name, String.valueOf(w),
          "[0, inf) (finite)");
    }
  }
}
