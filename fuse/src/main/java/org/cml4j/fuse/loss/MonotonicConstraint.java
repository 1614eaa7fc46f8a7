package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.VariableSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A monotonic response of outputs to an input feature, e.g. surface temperature, upwelling
 * longwave and every surface flux not falling when the sun shines brighter, all else equal: the
 * network is evaluated a second time with the feature shifted by {@code delta} (shared weights)
 * and {@code mean_t sum_j (relu(s (y_j - y_j,shifted)) / scale_j)^2} penalises responses of the
 * wrong sign {@code s = +1} (increasing) or {@code -1} (decreasing). This is the
 * finite-difference form of the monotonicity constraints of physics-guided networks (Muralidhar
 * et al. 2018, IEEE Big Data).
 *
 * @param outputs network outputs (with units)
 * @param scales violation scale per output, in its unit (> 0)
 * @param feature input feature column that is shifted (e.g. {@code SWdown})
 * @param delta shift in the feature's unit (> 0)
 * @param increasing true if the outputs must not decrease when the feature increases
 * @param weight weight in the loss, >= 0
 */
public record MonotonicConstraint(List<VariableSpec> outputs, double[] scales, String feature,
    double delta, boolean increasing, double weight) implements PhysicsTerm {
  public MonotonicConstraint {
    outputs = List.copyOf(outputs);
    scales = scales.clone();
  }

  /** One output. */
  public static MonotonicConstraint of(String output, String unit, double scale, String feature,
      double delta, boolean increasing, double weight) {
    return new MonotonicConstraint(List.of(new VariableSpec(output, unit)),
        new double[] {scale}, feature, delta, increasing, weight);
  }

  @Override
  public String name() {
    return "monotonic-" + feature;
  }

  @Override
  public double scale() {
    return 1;
  }

  @Override
  public double[] scales() {
    return scales.clone();
  }

  @Override
  public List<VariableSpec> requiredOutputs() {
    return outputs;
  }

  @Override
  public List<String> requiredFeatures() {
    return List.of(feature);
  }

  @Override
  public List<String> problems(List<VariableSpec> all) {
    List<String> p = new ArrayList<>();
    if (!(delta > 0) || !Double.isFinite(delta)) {
      p.add("the input shift must be > 0, got " + delta);
    }
    if (scales.length != outputs.size()) {
      p.add(outputs.size() + " outputs but " + scales.length + " scales");
    }
    for (double s : scales) {
      if (!(s > 0)) {
        p.add("violation scales must be > 0, got " + java.util.Arrays.toString(scales));
        break;
      }
    }
    if (outputs.isEmpty()) {
      p.add("no outputs");
    }
    return p;
  }

  @Override
  public SDVariable build(TermContext ctx) {
    double[][] e = new double[ctx.outputCount()][outputs.size()];
    for (int j = 0; j < outputs.size(); j++) {
      e[ctx.index(outputs.get(j).name())][j] = (increasing ? 1 : -1) / scales[j];
    }
    SDVariable drop = ctx.outputs().sub(ctx.shiftedOutputs(feature, delta))
        .mmul(ctx.constant(e));
    SDVariable v = ctx.sd().nn().relu(drop, 0);
    return v.mul(v).mul(ctx.rowWeights()).sum();
  }

  @Override
  public PhysicsTerm withWeight(double w) {
    return new MonotonicConstraint(outputs, scales, feature, delta, increasing, w);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MonotonicConstraint m && outputs.equals(m.outputs)
        && java.util.Arrays.equals(scales, m.scales) && feature.equals(m.feature)
        && delta == m.delta && increasing == m.increasing && weight == m.weight;
  }

  @Override
  public int hashCode() {
    return outputs.hashCode() * 31 + feature.hashCode();
  }

  @Override
  public String toString() {
    return name() + outputs + " delta " + delta + (increasing ? " increasing" : " decreasing");
  }
}
