package org.cml4j.fuse.loss;

import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.VariableSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A physics term of a fusion network's loss (mode 8, objective-function constraint): a SameDiff
 * expression on the network's outputs that is zero when the outputs obey a physical law. Each term
 * is normalised by its own {@link #scale()} (a residual of one scale costs 1, like one standard
 * deviation of data misfit) and multiplied by its {@link #weight()} in the total loss
 * {@code L = w_data * misfit + l2 * |W|^2 + sum_j w_j * term_j}.
 */
public interface PhysicsTerm {
  /** Short unique name, e.g. {@code "heat-equation"}; used for curves and diagnostics. */
  String name();

  /** Non-negative weight in the total loss. */
  double weight();

  /** Residual scale in the residual's unit (> 0), e.g. 0.1 K or 10 W m-2. */
  double scale();

  /** The network outputs the term needs, with the units it expects. */
  List<VariableSpec> requiredOutputs();

  /** Input features the term perturbs (must be network input columns); empty by default. */
  default List<String> requiredFeatures() {
    return List.of();
  }

  /**
   * Problems with the term itself or with the outputs it would see (empty if none); checked
   * before any training, in addition to the presence and units of {@link #requiredOutputs()}.
   */
  default List<String> problems(List<VariableSpec> outputs) {
    return List.of();
  }

  /** Builds the (unweighted, scale-normalised) scalar term. */
  SDVariable build(TermContext ctx);

  /** Values of the term's own trainable quantities after training, e.g. a diffusivity. */
  default Map<String, Double> fitted(SameDiff sd) {
    return Map.of();
  }

  /** The same term with another weight. */
  PhysicsTerm withWeight(double weight);
}
