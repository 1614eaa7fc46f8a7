package org.cml4j.core.uncertainty;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.PredictiveDistribution;

/**
 * Builds {@link PredictiveDistribution}s: Gaussian (as quantiles at the mid-point levels, the
 * deterministic "members" of a normal), Gaussian mixtures around ensemble members (ensemble spread
 * plus a noise scale), and the size of deep ensembles by budget.
 */
public final class Predictives {
  /** Members used to represent one Gaussian. */
  public static final int GAUSSIAN_MEMBERS = 50;
  /** Noise quantiles added around each member of an ensemble. */
  public static final int NOISE_PER_MEMBER = 10;

  private Predictives() {}

  /** Standard normal quantiles at the levels (j - 0.5)/k, j = 1..k. */
  public static double[] normalScores(int k) {
    NormalDistribution n = new NormalDistribution(null, 0, 1);
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      z[j] = n.inverseCumulativeProbability((j + 0.5) / k);
    }
    return z;
  }

  /**
   * A Gaussian N(mean_t, sd_t²) at every step, as {@link #GAUSSIAN_MEMBERS} quantiles. NaN mean
   * gives NaN members.
   */
  public static PredictiveDistribution gaussian(String method, double[] mean, double[] sd) {
    return mixture(method, List.of(mean), sd, GAUSSIAN_MEMBERS);
  }

  /**
   * The equally weighted mixture of N(centre_k,t, sd_t²) over the centres (e.g. deep-ensemble or
   * filter members), each represented by {@code perCentre} quantiles (one member each when sd is
   * null or perCentre is 1).
   */
  public static PredictiveDistribution mixture(String method, List<double[]> centres, double[] sd,
      int perCentre) {
    int n = centres.get(0).length;
    int j = sd == null ? 1 : perCentre;
    double[] z = j == 1 ? new double[] {0} : normalScores(j);
    double[][] m = new double[centres.size() * j][n];
    int r = 0;
    for (double[] c : centres) {
      for (double zj : z) {
        for (int t = 0; t < n; t++) {
          double s = sd == null ? 0 : sd[t];
          m[r][t] = Double.isFinite(c[t]) && Double.isFinite(s) ? c[t] + zj * s : Double.NaN;
        }
        r++;
      }
    }
    if (m.length < 2) {
      throw new IllegalArgumentException(method + ": a mixture needs at least 2 members");
    }
    return new PredictiveDistribution(method, m);
  }

  /**
   * The method's own spread widened by a noise scale fitted on the target's {@link HeldOut}
   * residuals of {@code point} ({@link HeldOut#noiseScale}): with one centre, N(centre, spread² +
   * noise²) as {@link #GAUSSIAN_MEMBERS} quantiles; with several (ensemble members), their mixture
   * with N(0, noise²) around each ({@link #NOISE_PER_MEMBER} quantiles per member; the spread is
   * then the members' own, {@link #spread}). Null when the target has fewer than 2 held-out
   * observations. The method name gets {@code +noise}, and {@code (in-sample)} when the held-out
   * steps are part of training.
   *
   * @param spread the method's standard deviation per step with one centre (null: 0); ignored
   *     with several centres
   */
  public static PredictiveDistribution calibrated(String method, CouplingTask task, String target,
      double[] point, List<double[]> centres, double[] spread) {
    if (!task.observations().has(target)) {
      return null;
    }
    HeldOut h = HeldOut.of(task, target);
    double[] own = centres.size() > 1 ? spread(centres) : spread;
    double noise = h.noiseScale(task.observations().values(target), point, own);
    if (Double.isNaN(noise)) {
      return null;
    }
    String m = method + "+noise" + (h.inSample() ? "(in-sample)" : "");
    if (centres.size() > 1) {
      return mixture(m, centres, constant(point.length, noise), NOISE_PER_MEMBER);
    }
    return gaussian(m, centres.get(0), own == null ? constant(point.length, noise)
        : addInQuadrature(own, noise));
  }

  /** A constant series of length n. */
  public static double[] constant(int n, double v) {
    double[] s = new double[n];
    java.util.Arrays.fill(s, v);
    return s;
  }

  /** Square root of (a_t² + b²) at every step. */
  public static double[] addInQuadrature(double[] a, double b) {
    double[] s = new double[a.length];
    for (int t = 0; t < s.length; t++) {
      s[t] = Math.sqrt(a[t] * a[t] + b * b);
    }
    return s;
  }

  /**
   * Deep-ensemble size K for a budget: 3 / 3 / 10 members for TINY / QUICK / FULL (QUICK was 5:
   * the ensemble was the quick suite's costliest part; issue 12, docs/BENCHMARKS.md "Quick-suite
   * cost").
   */
  public static int ensembleSize(Budget b) {
    return b.scale(3, 3, 10);
  }

  /**
   * Seed of deep-ensemble member k (k = 0 is the task's seed itself, the member trained for the
   * point prediction; the others are decorrelated by a golden-ratio stride).
   */
  public static long memberSeed(long seed, int k) {
    return k == 0 ? seed : seed + k * 0x9E3779B97F4A7C15L;
  }

  /** Pointwise standard deviation over the members (population, 1/K). */
  public static double[] spread(List<double[]> members) {
    int n = members.get(0).length;
    double[] sd = new double[n];
    for (int t = 0; t < n; t++) {
      double s = 0;
      double s2 = 0;
      for (double[] m : members) {
        s += m[t];
        s2 += m[t] * m[t];
      }
      double mu = s / members.size();
      sd[t] = Math.sqrt(Math.max(0, s2 / members.size() - mu * mu));
    }
    return sd;
  }
}
