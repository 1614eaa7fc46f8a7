package org.cml4j.core.metrics;

/**
 * Goodness-of-fit scores of a simulated (or predicted) series against observations.
 *
 * <p>Every score is computed over the <em>paired</em> values only: an index where either the
 * simulation or the observation is NaN is skipped (observation gaps in real data). Infinite values
 * are rejected. A score with no valid pair, or one that is undefined for the data (for example R²
 * of constant observations), throws {@link IllegalArgumentException} naming the reason instead of
 * returning NaN. Arguments are always {@code (simulated, observed)}; results are in the units of
 * the data (RMSE, MAE, bias) or dimensionless (R², KGE).
 *
 * <ul>
 *   <li>{@link #rmse}: root mean squared error {@code sqrt(mean((s - o)^2))}.
 *   <li>{@link #mae}: mean absolute error {@code mean(|s - o|)}.
 *   <li>{@link #bias}: mean error {@code mean(s - o)} (positive = simulation too high).
 *   <li>{@link #r2}: coefficient of determination {@code 1 - SS_res / SS_tot} about the observed
 *       mean (identical to the Nash–Sutcliffe efficiency; can be negative).
 *   <li>{@link #kge}: Kling–Gupta efficiency (Gupta et al. 2009, J. Hydrol. 377, 80–91),
 *       {@code 1 - sqrt((r - 1)^2 + (alpha - 1)^2 + (beta - 1)^2)} with Pearson r,
 *       {@code alpha = sd_s / sd_o}, {@code beta = mean_s / mean_o} (population moments).
 *   <li>PLUMBER2 set (Abramowitz et al. 2024, Biogeosciences 21, 5517–5538): {@link #mae},
 *       {@link #bias}, {@link #sdDifference} {@code |1 - sd_s/sd_o|}, {@link #correlationError}
 *       {@code 1 - r}, {@link #percentileError} at 5 and 95 ({@link #plumber2} computes all), and
 *       {@link #normalisedRanks} to rank competing models on one metric.
 * </ul>
 */
public final class Metrics {
  private Metrics() {}

  /** Root mean squared error over valid pairs. */
  public static double rmse(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double ss = 0;
    for (int i = 0; i < p.n; i++) {
      double d = p.s[i] - p.o[i];
      ss += d * d;
    }
    return Math.sqrt(ss / p.n);
  }

  /**
   * RMSE over the steps {@code [from, to)} whose two values are both not NaN; NaN when there is no
   * such step (the lenient form for diagnostics and validation loops; symmetric in its arrays).
   */
  public static double rmse(double[] simulated, double[] observed, int from, int to) {
    return rmseWhere(simulated, observed, from, to, v -> !Double.isNaN(v), v -> !Double.isNaN(v));
  }

  /**
   * RMSE over the steps {@code [from, to)} whose two values are both finite (NaN and infinite
   * values are skipped); NaN when there is no such step. The form of the embedded-ML couplings,
   * which score a diverged member's infinite values as missing.
   */
  public static double rmseFinite(double[] simulated, double[] observed, int from, int to) {
    return rmseWhere(simulated, observed, from, to, Double::isFinite, Double::isFinite);
  }

  /**
   * RMSE over the steps {@code [from, to)} that have an observation (not NaN); a NaN or infinite
   * simulated value there makes the result NaN (the strict form: a run that failed inside the
   * scored period must not score as if the step were missing); NaN when no step is observed.
   */
  public static double rmseObserved(double[] simulated, double[] observed, int from, int to) {
    double e = rmseWhere(simulated, observed, from, to, v -> !Double.isNaN(v), v -> true);
    return Double.isFinite(e) ? e : Double.NaN;
  }

  /** RMSE over the steps of {@code [from, to)} whose observed and simulated values are usable. */
  private static double rmseWhere(double[] simulated, double[] observed, int from, int to,
      java.util.function.DoublePredicate observedUsable,
      java.util.function.DoublePredicate simulatedUsable) {
    double s = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (observedUsable.test(observed[i]) && simulatedUsable.test(simulated[i])) {
        double d = simulated[i] - observed[i];
        s += d * d;
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.sqrt(s / n);
  }

  /**
   * Mean of the values in {@code [from, to)} that are not NaN; NaN when there is none (the lenient
   * form, like {@link #rmse(double[], double[], int, int)}).
   */
  public static double mean(double[] values, int from, int to) {
    double s = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(values[i])) {
        s += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Mean absolute error over valid pairs. */
  public static double mae(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double sum = 0;
    for (int i = 0; i < p.n; i++) {
      sum += Math.abs(p.s[i] - p.o[i]);
    }
    return sum / p.n;
  }

  /** Mean error {@code mean(simulated - observed)} over valid pairs. */
  public static double bias(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double sum = 0;
    for (int i = 0; i < p.n; i++) {
      sum += p.s[i] - p.o[i];
    }
    return sum / p.n;
  }

  /**
   * Coefficient of determination {@code 1 - sum((s - o)^2) / sum((o - mean_o)^2)} over valid
   * pairs (equals the Nash–Sutcliffe efficiency).
   *
   * @throws IllegalArgumentException if the observed values are constant (R² undefined)
   */
  public static double r2(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double mo = p.meanObserved();
    double res = 0;
    double tot = 0;
    for (int i = 0; i < p.n; i++) {
      double d = p.s[i] - p.o[i];
      double e = p.o[i] - mo;
      res += d * d;
      tot += e * e;
    }
    if (!(tot > 0)) {
      throw new IllegalArgumentException("R² undefined: the " + p.n
          + " valid observed values are constant (" + mo + ")");
    }
    return 1 - res / tot;
  }

  /**
   * Pearson correlation coefficient over valid pairs.
   *
   * @throws IllegalArgumentException if either series is constant
   */
  public static double pearson(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    return p.correlation("Pearson r");
  }

  /**
   * Kling–Gupta efficiency (Gupta et al. 2009) over valid pairs; 1 is a perfect fit.
   *
   * @throws IllegalArgumentException if either series is constant (r undefined) or the observed
   *     mean is zero (beta undefined)
   */
  public static double kge(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double r = p.correlation("KGE");
    double ms = p.meanSimulated();
    double mo = p.meanObserved();
    if (mo == 0) {
      throw new IllegalArgumentException("KGE undefined: the observed mean is 0 (beta = ms/mo)");
    }
    double alpha = Math.sqrt(p.varianceSimulated() / p.varianceObserved());
    double beta = ms / mo;
    double a = r - 1;
    double b = alpha - 1;
    double c = beta - 1;
    return 1 - Math.sqrt(a * a + b * b + c * c);
  }

  /** All scores at once; R² and KGE are NaN (not an error) when undefined for these data. */
  public static Scores all(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    return new Scores(p.n, rmse(simulated, observed), mae(simulated, observed),
        bias(simulated, observed), orNaN(() -> r2(simulated, observed)),
        orNaN(() -> kge(simulated, observed)));
  }

  /**
   * PLUMBER2 normalised standard-deviation difference {@code |1 - sd_s / sd_o|} over valid pairs
   * (population SDs; 0 is perfect; Abramowitz et al. 2024, Biogeosciences 21, 5517).
   *
   * @throws IllegalArgumentException if the observed values are constant
   */
  public static double sdDifference(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    double vo = p.varianceObserved();
    if (!(vo > 0)) {
      throw new IllegalArgumentException("SD difference undefined: the " + p.n
          + " valid observed values are constant");
    }
    return Math.abs(1 - Math.sqrt(p.varianceSimulated() / vo));
  }

  /**
   * PLUMBER2 correlation error {@code 1 - r} with Pearson r over valid pairs (0 is perfect, 2 the
   * worst).
   *
   * @throws IllegalArgumentException if either series is constant
   */
  public static double correlationError(double[] simulated, double[] observed) {
    return 1 - pearson(simulated, observed);
  }

  /**
   * PLUMBER2 percentile error {@code |P_q(s) - P_q(o)|} over valid pairs, e.g. q = 5 or 95, with
   * the percentile interpolated linearly between order statistics (Hyndman–Fan type 7, the NumPy
   * default; Commons Math {@code Percentile.EstimationType.R_7}).
   *
   * @param percent the percentile q in (0, 100]
   */
  public static double percentileError(double[] simulated, double[] observed, double percent) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    org.apache.commons.math3.stat.descriptive.rank.Percentile pc =
        new org.apache.commons.math3.stat.descriptive.rank.Percentile().withEstimationType(
            org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7);
    return Math.abs(pc.evaluate(p.s, 0, p.n, percent) - pc.evaluate(p.o, 0, p.n, percent));
  }

  /**
   * The PLUMBER2 per-target metric set (Abramowitz et al. 2024, section 2; all oriented so that
   * lower is better once the bias is taken absolute); undefined values are NaN, not errors.
   */
  public static Plumber2Scores plumber2(double[] simulated, double[] observed) {
    ValidPairs p = ValidPairs.of(simulated, observed);
    return new Plumber2Scores(p.n, mae(simulated, observed), bias(simulated, observed),
        orNaN(() -> sdDifference(simulated, observed)),
        orNaN(() -> correlationError(simulated, observed)),
        percentileError(simulated, observed, 5), percentileError(simulated, observed, 95));
  }

  /**
   * The PLUMBER2 scores of one comparison.
   *
   * @param n number of valid pairs
   * @param mae mean absolute error, data units
   * @param bias mean error (simulated - observed), data units; ranked by its absolute value
   * @param sdDifference {@code |1 - sd_s/sd_o|}, dimensionless (NaN if the observations are
   *     constant)
   * @param correlationError {@code 1 - r}, dimensionless (NaN if a series is constant)
   * @param p5Error {@code |P5(s) - P5(o)|}, data units
   * @param p95Error {@code |P95(s) - P95(o)|}, data units
   */
  public record Plumber2Scores(int n, double mae, double bias, double sdDifference,
      double correlationError, double p5Error, double p95Error) {}

  /**
   * Normalised ranks of competing models' values of one metric, lower value = better: the
   * fractional rank r (1 = best, ties share the mean of the ranks they span) mapped to
   * {@code (r - 1) / (m - 1)} over the m finite values, so 0 is the best and 1 the worst whatever
   * the number of models (a single model gets 0; over two or more the mean is 0.5). NaN values
   * stay NaN and are not ranked.
   */
  public static double[] normalisedRanks(double[] values) {
    return Ranks.normalised(values);
  }

  /** Column {@code j} of a row-major matrix (rows = time steps), e.g. one output of a learner. */
  public static double[] column(double[][] rows, int j) {
    double[] c = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (j < 0 || j >= rows[i].length) {
        throw new IllegalArgumentException("column " + j + " out of range: row " + i + " has "
            + rows[i].length + " columns");
      }
      c[i] = rows[i][j];
    }
    return c;
  }

  /**
   * The scores of one comparison.
   *
   * @param n number of valid (non-NaN) pairs used
   * @param rmse root mean squared error, data units
   * @param mae mean absolute error, data units
   * @param bias mean error (simulated - observed), data units
   * @param r2 coefficient of determination (NaN if the observations are constant)
   * @param kge Kling–Gupta efficiency (NaN if undefined)
   */
  public record Scores(int n, double rmse, double mae, double bias, double r2, double kge) {}

  private static double orNaN(java.util.function.DoubleSupplier s) {
    try {
      return s.getAsDouble();
    } catch (IllegalArgumentException e) {
      return Double.NaN;
    }
  }
}
