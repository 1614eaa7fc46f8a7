package org.cml4j.bench;

/**
 * Scores of one predicted target on a task's test period.
 *
 * <p>The last five are the PLUMBER2 metrics (Abramowitz et al. 2024; see
 * {@link org.cml4j.core.metrics.Metrics#plumber2}); they are NaN in cells written before they
 * existed (a resumed old cell) and when undefined.
 *
 * @param target variable name
 * @param n number of scored steps
 * @param rmse root mean square error (target units)
 * @param bias mean error (predicted - truth)
 * @param kge Kling–Gupta efficiency (NaN when undefined)
 * @param mae mean absolute error (target units)
 * @param sdDifference {@code |1 - sd_pred / sd_truth|}
 * @param correlationError {@code 1 - r} (Pearson)
 * @param p5Error {@code |P5(pred) - P5(truth)|} (target units)
 * @param p95Error {@code |P95(pred) - P95(truth)|} (target units)
 * @param crps mean continuous ranked probability score of the coupling's predictive distribution
 *     (target units; NaN when it gives none; {@link
 *     org.cml4j.core.uncertainty.ProbabilisticScores})
 * @param coverage50 fraction of test observations inside the central 50 % interval (NaN: none)
 * @param coverage90 fraction inside the central 90 % interval (NaN: none)
 * @param width90 mean width of the central 90 % interval (target units; NaN: none)
 * @param pit PIT histogram, 10 bins summing to 1 (null: none)
 * @param lower90 the 5 % quantile on the test period (null: none; for the band plots)
 * @param upper90 the 95 % quantile on the test period (null: none)
 */
public record TargetScore(String target, int n, double rmse, double bias, double kge, Double mae,
    Double sdDifference, Double correlationError, Double p5Error, Double p95Error, Double crps,
    Double coverage50, Double coverage90, Double width90, double[] pit, double[] lower90,
    double[] upper90) {
  public TargetScore {
    crps = crps == null ? Double.NaN : crps;
    coverage50 = coverage50 == null ? Double.NaN : coverage50;
    coverage90 = coverage90 == null ? Double.NaN : coverage90;
    width90 = width90 == null ? Double.NaN : width90;
    mae = mae == null ? Double.NaN : mae;
    sdDifference = sdDifference == null ? Double.NaN : sdDifference;
    correlationError = correlationError == null ? Double.NaN : correlationError;
    p5Error = p5Error == null ? Double.NaN : p5Error;
    p95Error = p95Error == null ? Double.NaN : p95Error;
  }

  /** Scores without a predictive distribution. */
  public TargetScore(String target, int n, double rmse, double bias, double kge, Double mae,
      Double sdDifference, Double correlationError, Double p5Error, Double p95Error) {
    this(target, n, rmse, bias, kge, mae, sdDifference, correlationError, p5Error, p95Error,
        null, null, null, null, null, null, null);
  }

  /** Whether the coupling gave a predictive distribution of this target. */
  public boolean hasDistribution() {
    return Double.isFinite(crps);
  }

  /** Scores without the PLUMBER2 metrics (NaN). */
  public TargetScore(String target, int n, double rmse, double bias, double kge) {
    this(target, n, rmse, bias, kge, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
