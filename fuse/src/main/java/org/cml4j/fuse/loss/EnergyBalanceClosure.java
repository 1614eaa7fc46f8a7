package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Surface energy-balance closure of predicted fluxes: the mean of {@code (Rn - G -
 * sum(turbulent))^2 / scale^2} over the physics rows, every flux in W m-2, with Rn formed by a
 * {@link NetRadiation} (predicted Rnet, or from predicted LWup or SurfTemp and the radiation
 * forcing with a learned albedo) and {@code turbulent} = [Qh, Qle] or [QhQle]. Zero when the
 * predicted fluxes conserve energy at the surface, as the mechanism model's fluxes do by
 * construction.
 *
 * @param radiation how Rn is formed
 * @param groundFlux output name of G (normally Qg)
 * @param turbulent output names of the turbulent fluxes
 * @param scale residual scale [W m-2], > 0
 * @param weight weight in the loss, >= 0
 */
public record EnergyBalanceClosure(NetRadiation radiation, String groundFlux,
    List<String> turbulent, double scale, double weight) implements PhysicsTerm {
  private static final String W_M2 = "W m-2";

  public EnergyBalanceClosure {
    turbulent = List.copyOf(turbulent);
  }

  /** Turbulent flux outputs: [Qh, Qle] if both are outputs, else [QhQle] if it is, else empty. */
  public static List<String> turbulentFluxes(List<String> outputs) {
    return outputs.contains(Variables.QH) && outputs.contains(Variables.QLE)
        ? List.of(Variables.QH, Variables.QLE)
        : outputs.contains(Variables.QHQLE) ? List.of(Variables.QHQLE) : List.of();
  }

  @Override
  public String name() {
    return "energy-balance";
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    List<VariableSpec> r = new ArrayList<>();
    r.add(radiation.output());
    r.add(new VariableSpec(groundFlux, W_M2));
    turbulent.forEach(t -> r.add(new VariableSpec(t, W_M2)));
    return r;
  }

  @Override
  public List<String> requiredFeatures() {
    return radiation.features();
  }

  @Override
  public List<String> problems(List<VariableSpec> outputs) {
    return turbulent.isEmpty() ? List.of("energy-balance closure needs at least one turbulent flux")
        : List.of();
  }

  @Override
  public SDVariable build(TermContext ctx) {
    SDVariable rn = radiation.build(ctx.sd(), ctx::output, ctx::feature, ctx::trainableScalar);
    java.util.Map<String, Double> c = new java.util.LinkedHashMap<>();
    c.put(groundFlux, -1.0);
    turbulent.forEach(t -> c.merge(t, -1.0, Double::sum));
    SDVariable r = rn.add(ctx.outputs().mmul(ctx.combination(c)));
    return r.mul(r).mul(ctx.rowWeights()).sum().mul(1 / (scale * scale));
  }

  @Override
  public Map<String, Double> fitted(SameDiff sd) {
    return radiation.learnsAlbedo() ? Map.of("alpha", radiation.fittedAlbedo(sd)) : Map.of();
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new EnergyBalanceClosure(radiation, groundFlux, turbulent, scale, w);
  }
}
