package org.cml4j.cascade.support;

import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.Frame;

/**
 * A mechanism model calibrated on the training period and run over the whole time axis.
 *
 * @param parameters all constant parameters passed to the model (fitted, known, nominal)
 * @param fitted the fitted parameters only
 * @param calibratedOn observed variables the calibration matched
 * @param outputs model outputs over the whole axis (the requested variables)
 * @param evaluations model runs of the calibration (each with its tangent sweeps)
 * @param iterations Levenberg–Marquardt iterations over all starts
 * @param rmsWeightedResidual RMS of the standardised training residuals at the optimum
 */
public record CalibratedPhysics(Map<String, Double> parameters, Map<String, Double> fitted,
    List<String> calibratedOn, Frame outputs, int evaluations, int iterations,
    double rmsWeightedResidual) {
  public CalibratedPhysics {
    parameters = Map.copyOf(parameters);
    fitted = Map.copyOf(fitted);
    calibratedOn = List.copyOf(calibratedOn);
  }

  /** Output series by name; throws listing the outputs if absent. */
  public double[] output(String name) {
    return outputs.values(name);
  }
}
