package org.cml4j.cascade.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;

/**
 * A physics model seen as a map from parameter values to output series: what sample generation
 * needs. Implementations must be thread-safe (samples run in parallel).
 */
@FunctionalInterface
public interface Simulator {
  /**
   * Runs the model.
   *
   * @param parameters sampled parameter values by name (others keep the simulator's defaults)
   * @return output series by variable name, each one value per time step
   */
  Map<String, double[]> simulate(Map<String, Double> parameters);

  /**
   * A {@link MechanismModel} run on a fixed request: the sampled parameters override the
   * request's constants; the request's forcing, outputs and initial observations are kept.
   */
  static Simulator of(MechanismModel model, ModelInput template) {
    List<String> outs = template.outputs();
    if (outs.isEmpty()) {
      throw new IllegalArgumentException("simulator request has no outputs");
    }
    for (String o : outs) {
      if (!model.canSimulate(o)) {
        throw new IllegalArgumentException("mechanism " + model.name() + " cannot simulate " + o);
      }
    }
    return p -> {
      Map<String, Double> all = new LinkedHashMap<>(template.parameters());
      all.putAll(p);
      Frame f = model.run(template.withParameters(all)).outputs();
      Map<String, double[]> m = new LinkedHashMap<>();
      for (String o : outs) {
        m.put(o, f.values(o));
      }
      return m;
    };
  }
}
