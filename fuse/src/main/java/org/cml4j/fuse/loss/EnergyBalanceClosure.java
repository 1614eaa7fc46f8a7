package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Surface energy-balance closure of predicted fluxes: the mean of {@code (Rn - G - sum(turbulent))^2
 * / scale^2} over the physics rows, with every flux in W m-2. With {@code turbulent} = [Qh, Qle] or
 * [QhQle]. Zero when the predicted fluxes conserve energy at the surface (as the mechanism model's
 * fluxes do by construction: Rnet = Qg + QhQle).
 *
 * @param netRadiation output name of Rn (normally Rnet)
 * @param groundFlux output name of G (normally Qg)
 * @param turbulent output names of the turbulent fluxes
 * @param scale residual scale [W m-2], > 0
 * @param weight weight in the loss, >= 0
 */
public record EnergyBalanceClosure(String netRadiation, String groundFlux, List<String> turbulent,
    double scale, double weight) implements PhysicsTerm {
  private static final String W_M2 = "W m-2";

  public EnergyBalanceClosure {
    turbulent = List.copyOf(turbulent);
  }

  /**
   * Closure of Rnet, Qg and (Qh, Qle) — or QhQle when the outputs lack Qh or Qle — with a 10 W m-2
   * scale.
   */
  public static EnergyBalanceClosure standard(List<String> outputs, double weight) {
    List<String> turb = outputs.contains(Variables.QH) && outputs.contains(Variables.QLE)
        ? List.of(Variables.QH, Variables.QLE) : List.of(Variables.QHQLE);
    return new EnergyBalanceClosure(Variables.RNET, Variables.QG, turb, 10, weight);
  }

  /** True if {@link #standard} would find all its outputs. */
  public static boolean applicable(List<String> outputs) {
    return outputs.contains(Variables.RNET) && outputs.contains(Variables.QG)
        && (outputs.contains(Variables.QHQLE)
        || outputs.contains(Variables.QH) && outputs.contains(Variables.QLE));
  }

  @Override
  public String name() {
    return "energy-balance";
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    List<VariableSpec> r = new ArrayList<>();
    r.add(new VariableSpec(netRadiation, W_M2));
    r.add(new VariableSpec(groundFlux, W_M2));
    turbulent.forEach(t -> r.add(new VariableSpec(t, W_M2)));
    return r;
  }

  @Override
  public List<String> problems(List<VariableSpec> outputs) {
    return turbulent.isEmpty() ? List.of("energy-balance closure needs at least one turbulent flux")
        : List.of();
  }

  @Override
  public SDVariable build(TermContext ctx) {
    java.util.Map<String, Double> c = new java.util.LinkedHashMap<>();
    c.put(netRadiation, 1.0);
    c.merge(groundFlux, -1.0, Double::sum);
    turbulent.forEach(t -> c.merge(t, -1.0, Double::sum));
    SDVariable r = ctx.outputs().mmul(ctx.combination(c));
    return r.mul(r).mul(ctx.rowWeights()).sum().mul(1 / (scale * scale));
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new EnergyBalanceClosure(netRadiation, groundFlux, turbulent, scale, w);
  }
}
