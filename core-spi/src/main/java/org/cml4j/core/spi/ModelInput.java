package org.cml4j.core.spi;

import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.Frame;

/**
 * One run request for a {@link MechanismModel}.
 *
 * @param forcing frame with the model's forcing variables over the run
 * @param parameters constant parameter values by name (missing ones take the nominal value)
 * @param timeVarying parameters given as one value per time step (override constants)
 * @param outputs names of the variables to return (see {@link MechanismModel#canSimulate})
 * @param initialObservations observed values at the first step (e.g. soil temperatures) the model
 *     may use to build its initial state; may be empty
 */
public record ModelInput(Frame forcing, Map<String, Double> parameters,
    Map<String, double[]> timeVarying, List<String> outputs,
    Map<String, Double> initialObservations) {
  public ModelInput {
    parameters = Map.copyOf(parameters);
    timeVarying = Map.copyOf(timeVarying);
    outputs = List.copyOf(outputs);
    initialObservations = Map.copyOf(initialObservations);
  }

  /** Constant parameters only, no initial observations. */
  public static ModelInput of(Frame forcing, Map<String, Double> parameters,
      List<String> outputs) {
    return new ModelInput(forcing, parameters, Map.of(), outputs, Map.of());
  }

  /** Same request with other constant parameters. */
  public ModelInput withParameters(Map<String, Double> p) {
    return new ModelInput(forcing, p, timeVarying, outputs, initialObservations);
  }

  /** Same request with time-varying parameters. */
  public ModelInput withTimeVarying(Map<String, double[]> tv) {
    return new ModelInput(forcing, parameters, tv, outputs, initialObservations);
  }

  /** Same request with other outputs. */
  public ModelInput withOutputs(List<String> out) {
    return new ModelInput(forcing, parameters, timeVarying, out, initialObservations);
  }
}
