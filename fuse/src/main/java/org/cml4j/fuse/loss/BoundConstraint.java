package org.cml4j.fuse.loss;

import java.util.List;
import org.cml4j.core.vars.VariableSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Physical bounds on one output: {@code mean((relu(lower - y) + relu(y - upper))^2) / scale^2},
 * zero inside [lower, upper] (e.g. a soil temperature between the coldest and warmest physically
 * possible values, or a non-negative latent heat flux in daytime).
 *
 * @param output network output name
 * @param unit unit of the output and of the bounds
 * @param lower lower bound (may be -infinity)
 * @param upper upper bound (may be +infinity), > lower
 * @param scale violation scale in the output's unit, > 0
 * @param weight weight in the loss, >= 0
 */
public record BoundConstraint(String output, String unit, double lower, double upper,
    double scale, double weight) implements PhysicsTerm {
  @Override
  public String name() {
    return "bounds-" + output;
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    return List.of(new VariableSpec(output, unit));
  }

  @Override
  public List<String> problems(List<VariableSpec> outputs) {
    return lower < upper ? List.of() : List.of("bound constraint on " + output + ": lower "
        + lower + " must be < upper " + upper);
  }

  @Override
  public SDVariable build(TermContext ctx) {
    SDVariable y = ctx.output(output);
    SDVariable v = null;
    if (Double.isFinite(lower)) {
      v = ctx.sd().nn().relu(y.rsub(lower), 0);
    }
    if (Double.isFinite(upper)) {
      SDVariable u = ctx.sd().nn().relu(y.sub(upper), 0);
      v = v == null ? u : v.add(u);
    }
    if (v == null) {
      return y.mul(0).sum();
    }
    return v.mul(v).mul(ctx.rowWeights()).sum().mul(1 / (scale * scale));
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new BoundConstraint(output, unit, lower, upper, scale, w);
  }
}
