package org.cml4j.core.calibration;

import java.util.List;
import java.util.Map;
import org.cml4j.core.vars.Frame;

/**
 * The calibrated physics: result of {@link MechanismCalibrator} on a {@link CalibrationProblem}
 * (the one result type for "the calibrated mechanism" in every paradigm).
 *
 * @param problem the problem it solves
 * @param parameters all parameters passed to the model (fitted, known and nominal)
 * @param fitted the fitted parameters only
 * @param cost 0.5 * sum of squared weighted residuals at the optimum
 * @param rmsWeightedResidual root mean square of the weighted residuals (1 = one std of the data)
 * @param iterations LM iterations over all starts
 * @param evaluations model runs (each with its tangent) over all starts
 * @param starts starts tried (0 when there was nothing to fit)
 * @param converged true if the best start met the convergence tolerance
 */
public record Calibration(CalibrationProblem problem, Map<String, Double> parameters,
    Map<String, Double> fitted, double cost, double rmsWeightedResidual, int iterations,
    int evaluations, int starts, boolean converged) {
  /** Version of the calibration defaults and algorithm; bump when either changes on purpose. */
  public static final String VERSION = "v1";
  /** Key of {@link #id()} in a solution's provenance configuration. */
  public static final String PROVENANCE_KEY = org.cml4j.core.provenance.RunProvenance.CALIBRATION_KEY;

  public Calibration {
    parameters = Map.copyOf(parameters);
    fitted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fitted));
  }

  /**
   * Short stable description, identical for identical problem settings and algorithm, e.g.
   * {@code lm-multistart v1 fit=[alpha, lambda, C, hbeta, Tb] on=[SoilTemp_0.05, Qg] starts=4}.
   */
  public String id() {
    return id(problem, starts);
  }

  /**
   * The {@link #id()} a calibration of {@code problem} with {@code starts} starts has (for
   * couplings that record it without keeping the result).
   */
  public static String id(CalibrationProblem problem, int starts) {
    return "lm-multistart " + VERSION + " fit=" + problem.fit() + " on=" + problem.variables()
        + " starts=" + starts;
  }

  /** Observed variables the calibration matched. */
  public List<String> variables() {
    return problem.variables();
  }

  /** The calibrated mechanism over the problem's whole time axis, for {@code outputs}. */
  public Frame simulate(List<String> outputs) {
    return problem.simulate(parameters, outputs);
  }
}
