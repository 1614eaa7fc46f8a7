package org.cml4j.core.uncertainty;

import java.util.Arrays;
import org.cml4j.core.spi.PredictiveDistribution;

/**
 * Scores of a predictive distribution against observations over a range of steps: the continuous
 * ranked probability score of the ensemble (Gneiting &amp; Raftery 2007, eq. 21:
 * CRPS = E|X - y| - ½ E|X - X'|, X, X' independent members, the "standard", not the "fair",
 * estimator), the coverage of the central 50 % and 90 % intervals, the mean width of the 90 %
 * interval and the probability-integral-transform (PIT) histogram in 10 bins (PIT from the
 * interpolated predictive CDF, {@link #pitValue}). Steps where the
 * observation or the distribution is NaN are skipped.
 */
public final class ProbabilisticScores {
  /** Bins of the PIT histogram. */
  public static final int PIT_BINS = 10;

  private ProbabilisticScores() {}

  /**
   * Scores over the steps.
   *
   * @param n scored steps
   * @param crps mean CRPS (target units)
   * @param coverage50 fraction of observations inside the central 50 % interval
   * @param coverage90 fraction inside the central 90 % interval (5–95 % quantiles)
   * @param width90 mean width of the central 90 % interval (target units)
   * @param pit PIT histogram: fraction of observations per tenth of [0, 1] (sums to 1)
   */
  public record Scores(int n, double crps, double coverage50, double coverage90, double width90,
      double[] pit) {}

  /** Scores of {@code d} against {@code obs} on steps [from, to). */
  public static Scores score(PredictiveDistribution d, double[] obs, int from, int to) {
    return score(d, obs, from, to, 0);
  }

  /**
   * Scores of {@code d} on steps [from, to) against {@code obs}, whose index 0 is step
   * {@code obsOffset} of {@code d} (e.g. test-period observations alone: offset = test start).
   */
  public static Scores score(PredictiveDistribution d, double[] obs, int from, int to,
      int obsOffset) {
    double crps = 0;
    int in50 = 0;
    int in90 = 0;
    double width = 0;
    double[] pit = new double[PIT_BINS];
    int n = 0;
    for (int t = from; t < to; t++) {
      double y = obs[t - obsOffset];
      double[] x = d.sortedAt(t);
      if (Double.isNaN(y) || Double.isNaN(x[0]) || Double.isNaN(x[x.length - 1])) {
        continue;
      }
      n++;
      crps += crpsSorted(x, y);
      double q25 = PredictiveDistribution.quantileOfSorted(x, 0.25);
      double q75 = PredictiveDistribution.quantileOfSorted(x, 0.75);
      double q05 = PredictiveDistribution.quantileOfSorted(x, 0.05);
      double q95 = PredictiveDistribution.quantileOfSorted(x, 0.95);
      in50 += y >= q25 && y <= q75 ? 1 : 0;
      in90 += y >= q05 && y <= q95 ? 1 : 0;
      width += q95 - q05;
      pit[Math.min(PIT_BINS - 1, (int) (pitValue(x, y) * PIT_BINS))]++;
    }
    if (n == 0) {
      return new Scores(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          new double[PIT_BINS]);
    }
    for (int b = 0; b < PIT_BINS; b++) {
      pit[b] /= n;
    }
    return new Scores(n, crps / n, in50 / (double) n, in90 / (double) n, width / n, pit);
  }

  /**
   * CRPS of an equally weighted ensemble for observation {@code y}:
   * mean|x_i - y| - (1 / m²) Σ_i (2i - m - 1) x_(i) over the sorted members (1-based i), which
   * equals E|X - y| - ½ E|X - X'|.
   */
  public static double crps(double[] members, double y) {
    double[] x = members.clone();
    Arrays.sort(x);
    return crpsSorted(x, y);
  }

  static double crpsSorted(double[] x, double y) {
    int m = x.length;
    double a = 0;
    double b = 0;
    for (int i = 0; i < m; i++) {
      a += Math.abs(x[i] - y);
      b += (2.0 * (i + 1) - m - 1) * x[i];
    }
    return a / m - b / ((double) m * m);
  }

  /**
   * PIT of {@code y}: the predictive CDF that matches {@link PredictiveDistribution#quantile}
   * (linear between the sorted members placed at levels (i - ½)/m; below the lowest member ¼/m,
   * above the highest 1 - ¼/m), so quantile members of a continuous distribution give a flat
   * histogram. Ties between members take the middle of their levels.
   */
  static double pitValue(double[] sorted, double y) {
    int m = sorted.length;
    if (y < sorted[0]) {
      return 0.25 / m;
    }
    if (y > sorted[m - 1]) {
      return 1 - 0.25 / m;
    }
    int lo = 0;
    while (lo + 1 < m && sorted[lo + 1] <= y) {
      lo++;
    }
    if (sorted[lo] == y) {
      int hi = lo;
      int first = lo;
      while (first > 0 && sorted[first - 1] == y) {
        first--;
      }
      return ((first + hi) / 2.0 + 0.5) / m;
    }
    double f = (y - sorted[lo]) / (sorted[lo + 1] - sorted[lo]);
    return (lo + 0.5 + f) / m;
  }

  /** CRPS of a Gaussian N(mu, sigma²) for observation y (closed form, Gneiting et al. 2005). */
  public static double gaussianCrps(double mu, double sigma, double y) {
    double z = (y - mu) / sigma;
    double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    double cdf = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
        .cumulativeProbability(z);
    return sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
  }
}
