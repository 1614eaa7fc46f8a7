package org.cml4j.core.uncertainty;

import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.TimeSplit;

/**
 * The steps on which a coupling's residuals calibrate its predictive spread: the task's validation
 * period if the target is observed there, otherwise the last 20 % of the training period (then the
 * residuals are in-sample for anything trained on it, so the spread tends to be too narrow; the
 * {@link #inSample} flag says so).
 *
 * @param from first step
 * @param to end step (exclusive)
 * @param inSample true when the steps are part of the training period
 */
public record HeldOut(int from, int to, boolean inSample) {
  /** Fraction of the training period used when there is no validation period. */
  public static final double TRAINING_TAIL = 0.2;

  /** The held-out steps of {@code target} in {@code task}. */
  public static HeldOut of(CouplingTask task, String target) {
    TimeSplit s = task.split();
    if (task.observations().has(target)
        && task.observations().countValid(target, s.trainEnd(), s.validationEnd()) >= 2) {
      return new HeldOut(s.trainEnd(), s.validationEnd(), false);
    }
    int cut = (int) Math.round((1 - TRAINING_TAIL) * s.trainEnd());
    return new HeldOut(Math.min(cut, s.trainEnd() - 1), s.trainEnd(), true);
  }

  /** Residuals obs - pred on the held-out steps where both are finite. */
  public double[] residuals(double[] obs, double[] pred) {
    double[] r = new double[to - from];
    int n = 0;
    for (int t = from; t < to; t++) {
      if (Double.isFinite(obs[t]) && Double.isFinite(pred[t])) {
        r[n++] = obs[t] - pred[t];
      }
    }
    return java.util.Arrays.copyOf(r, n);
  }

  /**
   * The noise scale that, added in quadrature to the method's own spread, makes the mean
   * predictive variance match the mean squared held-out residual:
   * sqrt(max(0, mean r² - mean spread²)) (0 when the spread alone already covers the residuals).
   * NaN if fewer than 2 residuals.
   *
   * @param spread the method's own standard deviation per step (null: none)
   */
  public double noiseScale(double[] obs, double[] pred, double[] spread) {
    double r2 = 0;
    double s2 = 0;
    int n = 0;
    for (int t = from; t < to; t++) {
      if (Double.isFinite(obs[t]) && Double.isFinite(pred[t])) {
        double e = obs[t] - pred[t];
        r2 += e * e;
        s2 += spread == null ? 0 : spread[t] * spread[t];
        n++;
      }
    }
    return n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (r2 - s2) / n));
  }
}
