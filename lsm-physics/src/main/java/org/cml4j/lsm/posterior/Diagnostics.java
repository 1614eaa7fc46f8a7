package org.cml4j.lsm.posterior;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Convergence diagnostics of Vehtari, Gelman, Simpson, Carpenter &amp; Buerkner (2021), "Rank-
 * normalization, folding, and localization: an improved R-hat", Bayesian Analysis 16(2): split,
 * rank-normalised R-hat (the maximum of the bulk and folded versions) and bulk effective sample size
 * (Geyer's initial monotone sequence on the rank-normalised split chains, as in Stan). Input is
 * always {@code [chain][draw]} of one scalar quantity.
 */
public final class Diagnostics {
  private static final NormalDistribution STD = new NormalDistribution(null, 0, 1);

  private Diagnostics() {}

  /** Rank-normalised split R-hat: max(bulk, folded). 1 for perfectly mixed chains. */
  public static double rhat(double[][] x) {
    double[][] s = split(x);
    double bulk = basicRhat(rankNormalise(s));
    double med = quantile(flatten(x), 0.5);
    double[][] folded = new double[s.length][];
    for (int c = 0; c < s.length; c++) {
      folded[c] = new double[s[c].length];
      for (int i = 0; i < s[c].length; i++) {
        folded[c][i] = Math.abs(s[c][i] - med);
      }
    }
    double tail = basicRhat(rankNormalise(folded));
    return Math.max(bulk, tail);
  }

  /** Bulk effective sample size: ESS of the rank-normalised split chains. */
  public static double essBulk(double[][] x) {
    return basicEss(rankNormalise(split(x)));
  }

  /** Each chain cut into its first and second half (an odd middle draw is dropped). */
  static double[][] split(double[][] x) {
    int n = x[0].length / 2;
    double[][] s = new double[2 * x.length][];
    for (int c = 0; c < x.length; c++) {
      s[2 * c] = Arrays.copyOfRange(x[c], 0, n);
      s[2 * c + 1] = Arrays.copyOfRange(x[c], x[c].length - n, x[c].length);
    }
    return s;
  }

  /** Normal scores of the pooled fractional ranks, (r - 3/8) / (S + 1/4) (Blom). */
  static double[][] rankNormalise(double[][] x) {
    int m = x.length;
    int n = x[0].length;
    int total = m * n;
    double[] v = new double[total];
    Integer[] order = new Integer[total];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        v[c * n + i] = x[c][i];
        order[c * n + i] = c * n + i;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] rank = new double[total];
    int i = 0;
    while (i < total) {
      int j = i;
      while (j + 1 < total && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double r = (i + j) / 2.0 + 1;
      for (int q = i; q <= j; q++) {
        rank[order[q]] = r;
      }
      i = j + 1;
    }
    double[][] z = new double[m][n];
    for (int c = 0; c < m; c++) {
      for (int q = 0; q < n; q++) {
        z[c][q] = STD.inverseCumulativeProbability((rank[c * n + q] - 0.375) / (total + 0.25));
      }
    }
    return z;
  }

  private static double[] chainMeans(double[][] x) {
    double[] means = new double[x.length];
    for (int c = 0; c < x.length; c++) {
      means[c] = mean(x[c]);
    }
    return means;
  }

  /** W: the mean over chains of the within-chain variance (BDA3 section 11.4). */
  private static double withinVariance(double[][] x, double[] means) {
    double w = 0;
    for (int c = 0; c < x.length; c++) {
      w += variance(x[c], means[c]) / x.length;
    }
    return w;
  }

  /** Classic R-hat of already split chains (Gelman et al., BDA3, eq. 11.4). */
  static double basicRhat(double[][] x) {
    int n = x[0].length;
    double[] means = chainMeans(x);
    double w = withinVariance(x, means);
    double b = n * variance(means, mean(means));
    double varPlus = (n - 1.0) / n * w + b / n;
    return w > 0 ? Math.sqrt(varPlus / w) : (b > 0 ? Double.POSITIVE_INFINITY : 1);
  }

  /** Multi-chain ESS with Geyer's initial monotone sequence (Stan's estimator). */
  static double basicEss(double[][] x) {
    int m = x.length;
    int n = x[0].length;
    double[] means = chainMeans(x);
    double w = withinVariance(x, means);
    double varPlus = (n - 1.0) / n * w + (m > 1 ? variance(means, mean(means)) : 0);
    if (!(varPlus > 0)) {
      return Double.NaN;
    }
    double[] rho = new double[n];
    rho[0] = 1;
    rho[1] = rho(x, means, 1, w, varPlus);
    int t = 0;
    while (t < n - 5 && rho[t] + rho[t + 1] > 0) {
      t += 2;
      rho[t] = rho(x, means, t, w, varPlus);
      rho[t + 1] = rho(x, means, t + 1, w, varPlus);
    }
    int maxT = t;
    if (rho[maxT] > 0) {
      rho[maxT + 1] = rho[maxT];
    }
    for (int q = 1; q <= maxT - 2; q += 2) {
      if (rho[q + 1] + rho[q + 2] > rho[q - 1] + rho[q]) {
        rho[q + 1] = (rho[q - 1] + rho[q]) / 2;
        rho[q + 2] = rho[q + 1];
      }
    }
    double sum = 0;
    for (int q = 0; q <= maxT + 1 && q < n; q++) {
      sum += rho[q];
    }
    double tau = -1 + 2 * sum;
    double total = (double) m * n;
    tau = Math.max(tau, 1 / Math.log10(total));
    return total / tau;
  }

  /** Combined autocorrelation at lag t: 1 - (W - mean autocovariance) / var+. */
  private static double rho(double[][] x, double[] means, int t, double w, double varPlus) {
    int m = x.length;
    int n = x[0].length;
    double acov = 0;
    for (int c = 0; c < m; c++) {
      double s = 0;
      for (int i = 0; i + t < n; i++) {
        s += (x[c][i] - means[c]) * (x[c][i + t] - means[c]);
      }
      acov += s / n / m;
    }
    return 1 - (w - acov) / varPlus;
  }

  /** Linear-interpolation quantile (type 7) of {@code v}, p in [0, 1]. */
  public static double quantile(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /** All draws of all chains in one array. */
  public static double[] flatten(double[][] x) {
    return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
  }

  static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  static double variance(double[] v, double mean) {
    double s = 0;
    for (double a : v) {
      s += (a - mean) * (a - mean);
    }
    return v.length > 1 ? s / (v.length - 1) : 0;
  }
}
