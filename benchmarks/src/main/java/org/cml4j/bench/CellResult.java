package org.cml4j.bench;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one (task, approach) cell of the benchmark.
 *
 * @param task task id
 * @param family task family
 * @param approach coupling or baseline name
 * @param category mode number and paradigm, or baseline kind
 * @param paradigm cascade / embedding / fusion / baseline
 * @param status ok, failed or not-applicable
 * @param reason failure or non-applicability reason ("" when ok)
 * @param trainDays training length in days
 * @param scores one per target predicted (targets not predicted are absent)
 * @param missingTargets targets the approach did not predict
 * @param inconsistency fraction of test steps with |Rn - G - QH - QE| above 10 W m-2 (NaN if the
 *     fluxes were not all predicted)
 * @param paramError max relative error of the fitted parameters that have a truth (NaN if none)
 * @param fitSeconds fit wall time
 * @param predictSeconds predict wall time
 * @param series test-period predictions per target (for plots)
 * @param parameters the solution's fitted scalar parameters (empty in cells written before this
 *     field existed)
 * @param replicate replicate number (1-based; replicate r ran on the catalog of
 *     {@code TaskCatalog.replicateSeed(seed, r)})
 * @param mode the coupling's mode, e.g. {@code 7 input-variable constraint} ("" for baselines)
 * @param calibration the calibration id from the solution's provenance config ("" if none)
 * @param timeCapHit true when the coupling reported hitting its wall-time safety cap (diagnostic
 *     scalar {@code timeCapHit} = 1): its result then depends on the machine's speed
 * @param contentKey SHA-256 of the task content the cell was computed on (see
 *     {@code BenchRunner.contentKey}); a resumed run reuses the cell only if it matches
 * @param config the solution's provenance configuration (empty when the cell did not run)
 */
public record CellResult(String task, String family, String approach, String category,
    String paradigm, String status, String reason, double trainDays, List<TargetScore> scores,
    List<String> missingTargets, double inconsistency, double paramError, double fitSeconds,
    double predictSeconds, Map<String, double[]> series, Map<String, Double> parameters,
    int replicate, String mode, String calibration, boolean timeCapHit, String contentKey,
    Map<String, String> config) {
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String NOT_APPLICABLE = "not-applicable";

  public CellResult {
    parameters = parameters == null ? Map.of() : new java.util.TreeMap<>(parameters);
    mode = mode == null ? "" : mode;
    calibration = calibration == null ? "" : calibration;
    contentKey = contentKey == null ? "" : contentKey;
    config = config == null ? Map.of() : new java.util.TreeMap<>(config);
  }

  /** Identity of the (task, replicate) the cell belongs to, e.g. {@code twin#2}. */
  public String taskReplicate() {
    return task + "#" + replicate;
  }

  /** This result filed under another task with the same content (id and family replaced). */
  public CellResult forTask(org.cml4j.testbeds.tasks.BenchTask other) {
    return new CellResult(other.id(), other.family(), approach, category, paradigm, status, reason,
        trainDays, scores, missingTargets, inconsistency, paramError, fitSeconds, predictSeconds,
        series, parameters, replicate, mode, calibration, timeCapHit, contentKey, config);
  }

  /**
   * Mean over all task targets of RMSE normalised by the truth's standard deviation; a target the
   * approach did not predict counts as 1 (the error of predicting the test-period mean). NaN for
   * cells that did not run.
   */
  public double meanNormalisedRmse(Map<String, Double> truthStd) {
    if (!status.equals(OK)) {
      return Double.NaN;
    }
    double s = missingTargets.size();
    int n = missingTargets.size();
    for (TargetScore t : scores) {
      Double sd = truthStd.get(t.target());
      if (sd != null && sd > 0 && Double.isFinite(t.rmse())) {
        s += t.rmse() / sd;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
