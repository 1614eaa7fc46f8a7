package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;

/** The standard physics terms that apply to a set of network outputs. */
public final class PhysicsTerms {
  /**
   * Residual scale of the heat-equation term [K]: the discrete residual of the true profile is
   * about 0.1 K on 2-5 cm spacing with a uniform soil, more with layered soil; 0.2 K pulled the
   * network's soil temperatures away from the data on the twin, 0.5 K helped.
   */
  public static final double HEAT_SCALE = 0.5;
  /** Residual scale of the energy-balance term [W m-2]. */
  public static final double ENERGY_SCALE = 10;
  /** Shortwave shift of the monotonicity term [W m-2]. */
  public static final double MONO_DELTA = 100;

  /**
   * Whether the standard heat-equation term learns its diffusivity: no. On the structural twin
   * (tiny suite, twin-n3, seed 42) a learned kappa moved the wrong way, from the prior lambda/C
   * 3.64e-7 to 2.50e-7 m2 s-1 (3.03e-7 when it starts learning after the physics warm-up),
   * while the twin's lambda/C between 5 and 20 cm is 7.0e-7 (and a least-squares fit of this
   * discrete residual to the true surface/5/10/20 cm profile gives 4.55e-7): the predicted
   * profile has an unobserved depth (10 cm) that absorbs the residual and a surface temperature
   * derived from predicted LWup with errors of several K, so kappa is not identified and the
   * noise of the predicted Laplacian pulls it towards 0 (errors in variables). It is therefore
   * kept at the mechanism's prior and reported as fixed; a {@link HeatEquationResidual} built
   * with {@code learnDiffusivity = true} still learns it (e.g. with an observed profile).
   */
  public static final boolean LEARN_DIFFUSIVITY = false;

  /** Fluxes that do not decrease when SWdown increases, all else equal. */
  private static final List<String> SUNLIT = List.of(Variables.RNET, Variables.LWUP,
      Variables.QG, Variables.QH, Variables.QLE, Variables.QHQLE);

  private PhysicsTerms() {}

  /**
   * Terms with non-zero weight whose variables are among the outputs/features: the heat-equation
   * residual (diffusivity fixed at {@code kappa} m2 s-1, see {@link #LEARN_DIFFUSIVITY}) when at
   * least three profile
   * temperatures (SurfTemp or LWup, SoilTemp_z) are outputs; energy-balance closure when Qg, a
   * net-radiation source and Qh+Qle or QhQle are; surface temperature, net radiation, LWup and
   * the surface fluxes non-decreasing in SWdown when SWdown is an input.
   *
   * @param albedo prior albedo for net radiation from LWup or SurfTemp
   * @param emissivity surface emissivity
   */
  public static List<PhysicsTerm> forTargets(List<String> outputs, List<String> features,
      PhysicsWeights w, double kappa, double albedo, double emissivity) {
    List<PhysicsTerm> t = new ArrayList<>();
    List<String> profile = HeatEquationResidual.profile(outputs, features);
    if (w.heatEquation() > 0 && profile.size() >= 3) {
      t.add(new HeatEquationResidual(profile, kappa, LEARN_DIFFUSIVITY, emissivity, HEAT_SCALE,
          w.heatEquation()));
    }
    List<String> turb = EnergyBalanceClosure.turbulentFluxes(outputs);
    var rn = NetRadiation.detect(outputs, features, albedo, emissivity);
    if (w.energyBalance() > 0 && outputs.contains(Variables.QG) && !turb.isEmpty()
        && rn.isPresent()) {
      t.add(new EnergyBalanceClosure(rn.get(), Variables.QG, turb, ENERGY_SCALE,
          w.energyBalance()));
    }
    if (w.monotonic() > 0 && features.contains(Variables.SWDOWN)) {
      List<VariableSpec> mono = new ArrayList<>();
      List<Double> scales = new ArrayList<>();
      for (String o : outputs) {
        if (o.equals(Variables.SURF_TEMP)) {
          mono.add(new VariableSpec(o, "K"));
          scales.add(0.5);
        } else if (SUNLIT.contains(o)) {
          mono.add(new VariableSpec(o, "W m-2"));
          scales.add(5.0);
        }
      }
      if (!mono.isEmpty()) {
        t.add(new MonotonicConstraint(mono, scales.stream().mapToDouble(Double::doubleValue)
            .toArray(), Variables.SWDOWN, MONO_DELTA, true, w.monotonic()));
      }
    }
    return t;
  }
}
