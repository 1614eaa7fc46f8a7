package org.cml4j.core.calibration;

import java.util.Map;
import org.cml4j.core.spi.ModelRun;

/**
 * Result of calibrating a mechanism model's constant parameters.
 *
 * @param parameters all parameters passed to the model (fitted, known and nominal)
 * @param fitted the fitted parameters only
 * @param cost 0.5 * sum of squared weighted residuals at the optimum
 * @param rmsWeightedResidual root mean square of the weighted residuals (1 = one std of the data)
 * @param iterations LM iterations over all starts
 * @param evaluations model runs (each with its tangent) over all starts
 * @param starts starts tried
 * @param converged true if the best start met the convergence tolerance
 * @param run the model run at the optimum (all calibrated variables as outputs)
 */
public record Calibration(Map<String, Double> parameters, Map<String, Double> fitted,
    double cost, double rmsWeightedResidual, int iterations, int evaluations, int starts,
    boolean converged, ModelRun run) {}
