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
 * @param predictive predictive distribution per target, for couplings whose
 *     {@link Capabilities#predictsDistribution()} is true (empty otherwise; a target absent here
 *     has a point prediction only). The point predictions above are unchanged by it.
 * @param posterior parameter posterior samples, or null if the coupling gives none
 */
public record CouplingSolution(String coupling, Frame predictions, Map<String, Double> parameters,
    Diagnostics diagnostics, double fitSeconds, double predictSeconds,
    RunProvenance provenance, Map<String, PredictiveDistribution> predictive,
    PosteriorSamples posterior) {
  public CouplingSolution {
    parameters = Map.copyOf(parameters);
    predictive = predictive == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(predictive));
    for (var e : predictive.entrySet()) {
      if (predictions != null && e.getValue().length() != predictions.size()) {
        throw new IllegalArgumentException("coupling " + coupling + ": predictive distribution of "
            + e.getKey() + " has " + e.getValue().length() + " steps, predictions "
            + predictions.size());
      }
    }
  }

  /** A solution with point predictions only. */
  public CouplingSolution(String coupling, Frame predictions, Map<String, Double> parameters,
      Diagnostics diagnostics, double fitSeconds, double predictSeconds,
      RunProvenance provenance) {
    this(coupling, predictions, parameters, diagnostics, fitSeconds, predictSeconds, provenance,
        Map.of(), null);
  }

  /** Same solution with the given predictive distributions and posterior samples. */
  public CouplingSolution withUncertainty(Map<String, PredictiveDistribution> dist,
      PosteriorSamples samples) {
    return new CouplingSolution(coupling, predictions, parameters, diagnostics, fitSeconds,
        predictSeconds, provenance, dist, samples);
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
