package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.Variables;

/** The standard physics terms that apply to a set of network outputs. */
public final class PhysicsTerms {
  /** Residual scale of the heat-equation term [K] (the true profile's residual is ~0.1 K). */
  public static final double HEAT_SCALE = 0.2;
  /** Residual scale of the energy-balance term [W m-2]. */
  public static final double ENERGY_SCALE = 10;
  /** Shortwave shift of the monotonicity term [W m-2] and its violation scale [K]. */
  public static final double MONO_DELTA = 100;
  public static final double MONO_SCALE = 0.5;

  private PhysicsTerms() {}

  /**
   * Terms with non-zero weight whose variables are among the outputs/features: the heat-equation
   * residual (learned diffusivity starting at {@code kappa} m2 s-1) when at least three profile
   * temperatures (SurfTemp, SoilTemp_z) are outputs; energy-balance closure when Rnet, Qg and
   * Qh+Qle or QhQle are; SurfTemp non-decreasing in SWdown when SurfTemp is an output and SWdown an
   * input.
   */
  public static List<PhysicsTerm> forTargets(List<String> outputs, List<String> features,
      PhysicsWeights w, double kappa) {
    List<PhysicsTerm> t = new ArrayList<>();
    List<String> profile = HeatEquationResidual.profile(outputs);
    if (w.heatEquation() > 0 && profile.size() >= 3) {
      t.add(new HeatEquationResidual(profile, kappa, true, HEAT_SCALE, w.heatEquation()));
    }
    if (w.energyBalance() > 0 && EnergyBalanceClosure.applicable(outputs)) {
      t.add(EnergyBalanceClosure.standard(outputs, w.energyBalance()));
    }
    if (w.monotonic() > 0 && outputs.contains(Variables.SURF_TEMP)
        && features.contains(Variables.SWDOWN)) {
      t.add(new MonotonicConstraint(Variables.SURF_TEMP, "K", Variables.SWDOWN, MONO_DELTA, true,
          MONO_SCALE, w.monotonic()));
    }
    return t;
  }
}
