package org.cml4j.lsm.posterior;

/**
 * Summary of one quantity's posterior draws.
 *
 * @param name quantity
 * @param unit its unit
 * @param mean posterior mean
 * @param sd posterior standard deviation
 * @param q05 5 % quantile
 * @param q50 median
 * @param q95 95 % quantile
 * @param rhat rank-normalised split R-hat ({@link Diagnostics#rhat})
 * @param essBulk bulk effective sample size ({@link Diagnostics#essBulk})
 */
public record Marginal(String name, String unit, double mean, double sd, double q05, double q50,
    double q95, double rhat, double essBulk) {

  /** Summarises draws {@code [chain][draw]}. */
  public static Marginal of(String name, String unit, double[][] x) {
    double[] all = Diagnostics.flatten(x);
    double mean = Diagnostics.mean(all);
    return new Marginal(name, unit, mean, Math.sqrt(Diagnostics.variance(all, mean)),
        Diagnostics.quantile(all, 0.05), Diagnostics.quantile(all, 0.5),
        Diagnostics.quantile(all, 0.95), Diagnostics.rhat(x), Diagnostics.essBulk(x));
  }
}
