package org.cml4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Statistics over replicates: a mean with its 95 % Student-t interval, and the paired comparison
 * of two couplings (pairs: same replicate, same target; value: the target's RMSE divided by the
 * standard deviation of that replicate's truth, 1 for a target not predicted) by a two-sided
 * Wilcoxon signed-rank test (Commons Math 3.6.1; exact p-value up to 30 non-zero pairs, normal
 * approximation above; zero differences are dropped, as in Wilcoxon's original test). Pairs of
 * targets of one replicate share the weather, so they are not independent: the p-value is a
 * screening statistic, not an exact error rate. With n non-zero pairs the smallest attainable
 * two-sided p is {@code 2 / 2^n}, so fewer than 6 pairs can never reach 5 %.
 */
final class ReplicateStats {
  /** Significance level of every finding. */
  static final double ALPHA = 0.05;

  private ReplicateStats() {}

  /** Mean and 95 % half-width (NaN half-width for fewer than 2 values). */
  record Interval(double mean, double half, int n) {
    /** {@code 0.412 ± 0.031} or just the mean for one value. */
    String text() {
      if (n == 0) {
        return "–";
      }
      return n < 2 || !Double.isFinite(half) ? BenchReport.fmt(mean)
          : BenchReport.fmt(mean) + " ± " + BenchReport.fmt(half);
    }
  }

  /** Mean and 95 % Student-t interval of the finite values. */
  static Interval interval(double[] values) {
    double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    int n = v.length;
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, 0);
    }
    double m = java.util.Arrays.stream(v).average().orElse(Double.NaN);
    if (n < 2) {
      return new Interval(m, Double.NaN, 1);
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    return new Interval(m, t * sd / Math.sqrt(n), n);
  }

  /** Normalised error of one target of an ok cell: RMSE / std, 1 if not predicted; else NaN. */
  static double normError(CellResult c, String target, Map<String, Double> std) {
    if (!c.status().equals(CellResult.OK)) {
      return Double.NaN;
    }
    if (c.missingTargets().contains(target)) {
      return 1.0;
    }
    Double sd = std.get(target);
    return c.scores().stream().filter(s -> s.target().equals(target)).findFirst()
        .map(s -> sd == null || !(sd > 0) ? Double.NaN : s.rmse() / sd).orElse(Double.NaN);
  }

  /**
   * Result of a paired test: two-sided p, number of non-zero pairs n, mean difference a - b.
   * p is 1 when there is no non-zero pair.
   */
  record Paired(double p, int n, double meanDiff) {
    boolean significant() {
      return p < ALPHA;
    }

    /** {@code p = 0.031, n = 8}. */
    String text() {
      return String.format(Locale.ROOT, "p = %s, n = %d", p < 0.001 ? "< 0.001"
          : String.format(Locale.ROOT, "%.3f", p), n);
    }
  }

  /**
   * Paired comparison of two lists of replicate cells (matched by replicate) over
   * {@code targets}; {@code std} maps {@link CellResult#taskReplicate()} to the truth's standard
   * deviation per target.
   */
  static Paired compare(List<CellResult> a, List<CellResult> b, List<String> targets,
      Map<String, Map<String, Double>> std) {
    List<double[]> d = new ArrayList<>();
    for (CellResult x : a) {
      for (CellResult y : b) {
        if (x.replicate() != y.replicate()) {
          continue;
        }
        for (String t : targets) {
          double ex = normError(x, t, std.getOrDefault(x.taskReplicate(), Map.of()));
          double ey = normError(y, t, std.getOrDefault(y.taskReplicate(), Map.of()));
          if (Double.isFinite(ex) && Double.isFinite(ey)) {
            d.add(new double[] {ex, ey});
          }
        }
      }
    }
    double mean = d.stream().mapToDouble(p -> p[0] - p[1]).average().orElse(Double.NaN);
    List<double[]> nz = d.stream().filter(p -> Math.abs(p[0] - p[1]) > 1e-12 * Math.max(1,
        Math.abs(p[0]))).toList();
    int n = nz.size();
    if (n == 0) {
      return new Paired(1.0, 0, mean);
    }
    double[] x = nz.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = nz.stream().mapToDouble(p -> p[1]).toArray();
    double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= 30);
    return new Paired(Math.min(1.0, p), n, mean);
  }

  /** Smallest two-sided p an exact signed-rank test can give with n pairs. */
  static double minimumP(int n) {
    return Math.min(1.0, 2.0 / Math.pow(2, n));
  }
}
