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
 */
public record TargetScore(String target, int n, double rmse, double bias, double kge, Double mae,
    Double sdDifference, Double correlationError, Double p5Error, Double p95Error) {
  public TargetScore {
    mae = mae == null ? Double.NaN : mae;
    sdDifference = sdDifference == null ? Double.NaN : sdDifference;
    correlationError = correlationError == null ? Double.NaN : correlationError;
    p5Error = p5Error == null ? Double.NaN : p5Error;
    p95Error = p95Error == null ? Double.NaN : p95Error;
  }

  /** Scores without the PLUMBER2 metrics (NaN). */
  public TargetScore(String target, int n, double rmse, double bias, double kge) {
    this(target, n, rmse, bias, kge, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
