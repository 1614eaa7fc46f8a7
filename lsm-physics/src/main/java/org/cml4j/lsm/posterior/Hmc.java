package org.cml4j.lsm.posterior;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Hamiltonian Monte Carlo (Neal 2011) with a random number of leapfrog steps (uniform on
 * 1..2L-1, mean L, drawn once per iteration for all chains so the batch stays full; a fixed
 * length resonates with near-Gaussian targets and makes variance estimates inefficient), a dense Euclidean
 * metric, dual-averaging step-size adaptation (Hoffman &amp; Gelman 2014, section 3.2) and
 * windowed metric adaptation during warm-up (pooled covariance of the chains' warm-up draws,
 * regularised as in Stan). All chains advance in lockstep: each leapfrog step is one
 * {@link LogDensity#evaluate} call over every chain, so a batched model runs all chains at once.
 *
 * <p>Deterministic: each chain has its own random stream derived from the seed, and everything
 * stops on iteration counts. A trajectory whose energy error exceeds
 * {@link HmcConfig#DIVERGENCE_ENERGY} or that reaches a point of zero density is divergent and
 * rejected.
 */
public final class Hmc {
  private static final double GAMMA = 0.05;
  private static final double T0 = 10;
  private static final double KAPPA = 0.75;

  private Hmc() {}

  /**
   * Runs the sampler.
   *
   * @param target the log density (unconstrained coordinates)
   * @param start a point of high density (e.g. the mode), length d
   * @param initialCovariance initial metric (inverse mass matrix), e.g. a Laplace covariance; null
   *     for the identity
   */
  public static HmcRun sample(LogDensity target, double[] start, double[][] initialCovariance,
      HmcConfig cfg) {
    int d = target.dimension();
    if (start.length != d) {
      throw new IllegalArgumentException("posterior: start has " + start.length
          + " coordinates, the density has " + d);
    }
    int k = cfg.chains();
    double[][] l = cholesky(initialCovariance == null ? identity(d) : initialCovariance);
    Random[] rng = new Random[k];
    for (int c = 0; c < k; c++) {
      rng[c] = new Random(mix(cfg.seed(), c));
    }
    Random pathRng = new Random(mix(cfg.seed(), -1));
    double[][] x = new double[k][d];
    double[] lp = new double[k];
    double[][] g = new double[k][d];
    long evals = initialise(target, start, l, cfg.initScale(), rng, x, lp, g);

    double[] eps = new double[k];
    double[] mu = new double[k];
    double[] hbar = new double[k];
    double[] logEpsBar = new double[k];
    int[] t = new int[k];
    Arrays.fill(eps, 0.5);
    for (int c = 0; c < k; c++) {
      mu[c] = Math.log(10 * eps[c]);
    }
    int w = cfg.warmup();
    int[] windowEnds = {(int) (0.4 * w), (int) (0.75 * w)};
    int windowStart = (int) (0.15 * w);
    double[][][] warm = new double[k][w][];

    int n = cfg.draws();
    double[][][] draws = new double[k][n][];
    double[][] logp = new double[k][n];
    double[] acceptSum = new double[k];
    int[] divergent = new int[k];
    int[] warmDivergent = new int[k];
    double[] accept = new double[k];
    boolean[] div = new boolean[k];
    for (int it = 0; it < w + n; it++) {
      int steps = 1 + pathRng.nextInt(2 * cfg.leapfrogSteps() - 1);
      evals += transition(target, l, eps, steps, cfg, rng, x, lp, g, accept, div);
      if (it < w) {
        for (int c = 0; c < k; c++) {
          warm[c][it] = x[c].clone();
          warmDivergent[c] += div[c] ? 1 : 0;
          t[c]++;
          double eta = 1.0 / (t[c] + T0);
          hbar[c] = (1 - eta) * hbar[c] + eta * (cfg.targetAccept() - accept[c]);
          double logEps = mu[c] - Math.sqrt(t[c]) / GAMMA * hbar[c];
          double wgt = Math.pow(t[c], -KAPPA);
          logEpsBar[c] = wgt * logEps + (1 - wgt) * logEpsBar[c];
          eps[c] = Math.exp(logEps);
        }
        boolean windowEnd = it + 1 == windowEnds[0] || it + 1 == windowEnds[1];
        if (windowEnd && it + 1 - windowStart >= 10) {
          double[][] cov = Metric.pooledCovariance(warm, windowStart, it + 1);
          double[][] nl = cholesky(cov);
          if (nl != null) {
            l = nl;
          }
          windowStart = it + 1;
          for (int c = 0; c < k; c++) {
            mu[c] = Math.log(10 * eps[c]);
            hbar[c] = 0;
            logEpsBar[c] = 0;
            t[c] = 0;
          }
        }
        if (it + 1 == w) {
          for (int c = 0; c < k; c++) {
            eps[c] = Math.exp(logEpsBar[c]);
          }
        }
      } else {
        for (int c = 0; c < k; c++) {
          draws[c][it - w] = x[c].clone();
          logp[c][it - w] = lp[c];
          acceptSum[c] += accept[c];
          divergent[c] += div[c] ? 1 : 0;
        }
      }
    }
    double[] meanAccept = new double[k];
    for (int c = 0; c < k; c++) {
      meanAccept[c] = acceptSum[c] / n;
    }
    return new HmcRun(draws, logp, eps, meanAccept, divergent, warmDivergent, Metric.times(l),
        evals, cfg);
  }

  /** Over-dispersed starting points; a chain whose start has zero density retries closer in. */
  private static long initialise(LogDensity target, double[] start, double[][] l, double scale,
      Random[] rng, double[][] x, double[] lp, double[][] g) {
    int k = x.length;
    long evals = 0;
    double[] s = new double[k];
    Arrays.fill(s, scale);
    boolean[] ok = new boolean[k];
    for (int attempt = 0; attempt < 60; attempt++) {
      int[] idx = pending(ok);
      if (idx.length == 0) {
        return evals;
      }
      double[][] pts = new double[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        int c = idx[i];
        double[] z = new double[start.length];
        for (int j = 0; j < z.length; j++) {
          z[j] = s[c] * rng[c].nextGaussian();
        }
        pts[i] = add(start, Metric.mul(l, z), 1);
        s[c] *= 0.7;
      }
      double[] v = new double[idx.length];
      double[][] gr = new double[idx.length][start.length];
      target.evaluate(pts, v, gr);
      evals += idx.length;
      for (int i = 0; i < idx.length; i++) {
        if (Double.isFinite(v[i])) {
          int c = idx[i];
          ok[c] = true;
          x[c] = pts[i];
          lp[c] = v[i];
          g[c] = gr[i];
        }
      }
    }
    throw new IllegalStateException("posterior: no chain could start: the density is zero or the"
        + " model fails at and around the given start");
  }

  /** One HMC iteration of every chain; returns the number of density evaluations. */
  private static long transition(LogDensity target, double[][] l, double[] eps0, int steps,
      HmcConfig cfg,
      Random[] rng, double[][] x, double[] lp, double[][] g, double[] accept, boolean[] div) {
    int k = x.length;
    int d = x[0].length;
    double[][] p = new double[k][d];
    double[] eps = new double[k];
    double[] h0 = new double[k];
    double[][] nx = new double[k][];
    double[][] ng = new double[k][];
    double[] nlp = new double[k];
    boolean[] dead = new boolean[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        p[c][j] = rng[c].nextGaussian();
      }
      eps[c] = eps0[c] * (1 + cfg.jitter() * (2 * rng[c].nextDouble() - 1));
      h0[c] = -lp[c] + 0.5 * dot(p[c], p[c]);
      nx[c] = x[c].clone();
      ng[c] = g[c].clone();
      nlp[c] = lp[c];
      p[c] = add(p[c], Metric.mulT(l, ng[c]), 0.5 * eps[c]);
    }
    long evals = 0;
    for (int step = 1; step <= steps; step++) {
      int[] idx = pending(dead);
      if (idx.length == 0) {
        break;
      }
      double[][] pts = new double[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        int c = idx[i];
        nx[c] = add(nx[c], Metric.mul(l, p[c]), eps[c]);
        pts[i] = nx[c];
      }
      double[] v = new double[idx.length];
      double[][] gr = new double[idx.length][d];
      target.evaluate(pts, v, gr);
      evals += idx.length;
      for (int i = 0; i < idx.length; i++) {
        int c = idx[i];
        nlp[c] = v[i];
        ng[c] = gr[i];
        if (!Double.isFinite(v[i]) || !allFinite(gr[i])) {
          dead[c] = true;
          continue;
        }
        double half = step == steps ? 0.5 : 1.0;
        p[c] = add(p[c], Metric.mulT(l, ng[c]), half * eps[c]);
        if (half == 1.0) {
          double[] full = add(p[c], Metric.mulT(l, ng[c]), -0.5 * eps[c]);
          if (-nlp[c] + 0.5 * dot(full, full) - h0[c] > HmcConfig.DIVERGENCE_ENERGY) {
            dead[c] = true;
          }
        }
      }
    }
    for (int c = 0; c < k; c++) {
      double h1 = dead[c] ? Double.POSITIVE_INFINITY : -nlp[c] + 0.5 * dot(p[c], p[c]);
      double dh = h1 - h0[c];
      div[c] = dead[c] || dh > HmcConfig.DIVERGENCE_ENERGY || Double.isNaN(dh);
      accept[c] = div[c] ? 0 : Math.min(1, Math.exp(-dh));
      if (rng[c].nextDouble() < accept[c]) {
        x[c] = nx[c];
        lp[c] = nlp[c];
        g[c] = ng[c];
      }
    }
    return evals;
  }

  private static int[] pending(boolean[] done) {
    return IntStream.range(0, done.length).filter(i -> !done[i]).toArray();
  }

  static double[][] cholesky(double[][] cov) {
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(cov), 1e-12, 1e-300).getL()
          .getData();
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear
        .NonSymmetricMatrixException e) {
      double[][] l = new double[cov.length][cov.length];
      for (int i = 0; i < l.length; i++) {
        l[i][i] = Math.sqrt(Math.max(cov[i][i], 1e-300));
      }
      return l;
    }
  }

  private static double[][] identity(int d) {
    return MatrixUtils.createRealIdentityMatrix(d).getData();
  }

  private static double[] add(double[] a, double[] b, double s) {
    double[] r = new double[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a[i] + s * b[i];
    }
    return r;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static boolean allFinite(double[] v) {
    return Arrays.stream(v).allMatch(Double::isFinite);
  }

  /** SplitMix64 of seed and chain: independent, reproducible per-chain streams. */
  static long mix(long seed, long chain) {
    long z = seed + 0x9E3779B97F4A7C15L * (chain + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
