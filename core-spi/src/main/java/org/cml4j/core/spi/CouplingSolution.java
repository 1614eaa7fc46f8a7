package org.cml4j.core.spi;

import java.util.Map;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.vars.Frame;

/**
 * What a coupling returns (SciML-style solution): predictions of the task's targets on the whole
 * time axis (scored on the test period), fitted mechanism parameters if any, diagnostics, timings
 * and provenance.
 *
 * @param coupling coupling name
 * @param predictions one variable per target it could produce (a missing target means "cannot
 *     predict"; the benchmark reports it as such)
 * @param parameters fitted constant mechanism parameters (empty if none)
 * @param diagnostics diagnostics
 * @param fitSeconds wall time of training/fitting
 * @param predictSeconds wall time of producing the predictions
 * @param provenance provenance
 */
public record CouplingSolution(String coupling, Frame predictions, Map<String, Double> parameters,
    Diagnostics diagnostics, double fitSeconds, double predictSeconds,
    RunProvenance provenance) {
  public CouplingSolution {
    parameters = Map.copyOf(parameters);
  }

  /** Prediction of one target; throws listing what was predicted. */
  public double[] prediction(String target) {
    if (!predictions.has(target)) {
      throw new IllegalArgumentException("coupling " + coupling + " did not predict " + target
          + "; it predicted " + predictions.names());
    }
    return predictions.values(target);
  }
}
