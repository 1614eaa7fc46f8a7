package org.cml4j.core.pipeline;

import java.util.Map;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;

/**
 * Output of one {@link Stage#run}: the produced variables on the task's whole time axis (the
 * pipeline checks they include every declared output, and adds only the declared ones to its
 * frame), plus what the provenance of the pipeline's solution needs.
 *
 * @param outputs the produced variables
 * @param parameters fitted mechanism parameters (physical units of the mechanism's
 *     {@link org.cml4j.core.spi.ParameterInfo}), if the stage fitted any; merged into the
 *     pipeline's parameters (a later stage's value of the same name wins)
 * @param diagnostics diagnostics (prefixed with the stage name in the pipeline's)
 * @param calibration {@link org.cml4j.core.calibration.Calibration#id() id} of the calibrated
 *     physics the stage used, or null
 */
public record StageResult(Frame outputs, Map<String, Double> parameters,
    Diagnostics diagnostics, String calibration) {
  public StageResult {
    parameters = Map.copyOf(parameters);
  }

  /** A stage result that used no calibrated physics. */
  public StageResult(Frame outputs, Map<String, Double> parameters, Diagnostics diagnostics) {
    this(outputs, parameters, diagnostics, null);
  }

  /** Outputs only. */
  public static StageResult of(Frame outputs) {
    return new StageResult(outputs, Map.of(), Diagnostics.none());
  }
}
