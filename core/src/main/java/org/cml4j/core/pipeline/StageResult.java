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
 */
public record StageResult(Frame outputs, Map<String, Double> parameters,
    Diagnostics diagnostics) {
  public StageResult {
    parameters = Map.copyOf(parameters);
  }

  /** Outputs only. */
  public static StageResult of(Frame outputs) {
    return new StageResult(outputs, Map.of(), Diagnostics.none());
  }
}
