package org.cml4j.fuse.loss;

import java.util.List;
import org.cml4j.core.vars.VariableSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A monotonic response of an output to an input feature, e.g. a surface temperature that does not
 * fall when the sun shines brighter (all else equal): the network is evaluated a second time with
 * the feature shifted by {@code delta} (shared weights) and
 * {@code mean(relu(s (y - y_shifted))^2) / scale^2} penalises responses of the wrong sign
 * {@code s = +1} (increasing) or {@code -1} (decreasing). This is the finite-difference form of the
 * monotonicity constraints of physics-guided networks (Muralidhar et al. 2018).
 *
 * @param output network output name
 * @param unit unit of the output
 * @param feature input feature column that is shifted (e.g. {@code SWdown})
 * @param delta shift in the feature's unit (> 0)
 * @param increasing true if the output must not decrease when the feature increases
 * @param scale violation scale in the output's unit, > 0
 * @param weight weight in the loss, >= 0
 */
public record MonotonicConstraint(String output, String unit, String feature, double delta,
    boolean increasing, double scale, double weight) implements PhysicsTerm {
  @Override
  public String name() {
    return "monotonic-" + output + "-" + feature;
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    return List.of(new VariableSpec(output, unit));
  }

  @Override
  public List<String> requiredFeatures() {
    return List.of(feature);
  }

  @Override
  public List<String> problems(List<VariableSpec> outputs) {
    return delta > 0 && Double.isFinite(delta) ? List.of() : List.of("monotonic constraint "
        + name() + ": the input shift must be > 0, got " + delta);
  }

  @Override
  public SDVariable build(TermContext ctx) {
    SDVariable e = ctx.combination(java.util.Map.of(output, increasing ? 1.0 : -1.0));
    SDVariable drop = ctx.outputs().sub(ctx.shiftedOutputs(feature, delta)).mmul(e);
    SDVariable v = ctx.sd().nn().relu(drop, 0);
    return v.mul(v).mul(ctx.rowWeights()).sum().mul(1 / (scale * scale));
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new MonotonicConstraint(output, unit, feature, delta, increasing, scale, w);
  }
}
