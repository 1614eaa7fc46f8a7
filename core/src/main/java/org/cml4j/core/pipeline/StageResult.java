package org.cml4j.core.pipeline;

import java.util.Map;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;

/**
 * Output of one stage.
 *
 * @param outputs the produced variables
 * @param parameters fitted mechanism parameters, if the stage fitted any
 * @param diagnostics diagnostics
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
