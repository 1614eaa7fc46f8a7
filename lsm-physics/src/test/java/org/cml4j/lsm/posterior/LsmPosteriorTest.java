package org.cml4j.lsm.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.model.Output;
import org.junit.jupiter.api.Test;

/** The posterior density: closed forms, gradients, batched = scalar, determinism. */
class LsmPosteriorTest {

  @Test
  void ar1LikelihoodIsTheExactGaussianWithSigmaMarginalised() {
    // -(n/2) log Q + (1/2) log(1 - rho^2) equals log of int N(e | 0, sigma^2 R(rho)) / sigma
    // dsigma up to a constant in rho: check Q against the quadratic form e^T R^-1 e (1 - rho^2)
    double rho = 0.6;
    double[] e = {0.3, -0.1, 0.4, 0.2, -0.5};
    int n = e.length;
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        r[i][j] = Math.pow(rho, Math.abs(i - j)) / (1 - rho * rho);
      }
    }
    double[][] inv = new org.apache.commons.math3.linear.LUDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(r)).getSolver().getInverse()
        .getData();
    double quad = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        quad += e[i] * inv[i][j] * e[j];
      }
    }
    double[][] obs = new double[n][1];
    double[][] y = new double[n][1];
    for (int t = 0; t < n; t++) {
      y[t][0] = e[t];
    }
    GaussianLikelihood lik = new GaussianLikelihood(new Observations(
        List.of(Output.SURFACE_TEMPERATURE), obs));
    double ll = lik.logLikelihood(y, new double[] {rho}, null, null);
    // det R = 1/(1 - rho^2): log|R|^-1/2 = +1/2 log(1 - rho^2)
    assertEquals(-0.5 * n * Math.log(quad) + 0.5 * Math.log(1 - rho * rho), ll, 1e-12);
    assertEquals(-0.5 * n * Math.log(java.util.Arrays.stream(e).map(x -> x * x).sum()),
        lik.logLikelihood(y, new double[] {0}, null, null), 1e-12);
  }

  @Test
  void likelihoodGradientsMatchFiniteDifferencesWithMissingValues() {
    Random rnd = new Random(4);
    int n = 9;
    double[][] obs = new double[n][2];
    double[][] y = new double[n][2];
    for (int t = 0; t < n; t++) {
      for (int k = 0; k < 2; k++) {
        obs[t][k] = rnd.nextGaussian();
        y[t][k] = obs[t][k] + 0.3 * rnd.nextGaussian();
      }
    }
    obs[4][1] = Double.NaN;
    GaussianLikelihood lik = new GaussianLikelihood(new Observations(
        List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05)), obs));
    double[] rho = {0.4, -0.3};
    double[][] seed = new double[n][2];
    double[] dRho = new double[2];
    lik.logLikelihood(y, rho, seed, dRho);
    double h = 1e-6;
    for (int t = 0; t < n; t++) {
      for (int k = 0; k < 2; k++) {
        double keep = y[t][k];
        y[t][k] = keep + h;
        double up = lik.logLikelihood(y, rho, null, null);
        y[t][k] = keep - h;
        double dn = lik.logLikelihood(y, rho, null, null);
        y[t][k] = keep;
        assertEquals((up - dn) / (2 * h), seed[t][k], 1e-6, "d/dy[" + t + "][" + k + "]");
      }
    }
    for (int k = 0; k < 2; k++) {
      double[] p = rho.clone();
      p[k] += h;
      double up = lik.logLikelihood(y, p, null, null);
      p[k] -= 2 * h;
      double dn = lik.logLikelihood(y, p, null, null);
      assertEquals((up - dn) / (2 * h), dRho[k], 1e-6, "d/drho " + k);
    }
  }

  @Test
  void batchedEqualsScalarAndGradientMatchesFiniteDifferences() {
    Objective obj = Huang2025PosteriorTest.objective(2);
    LsmPosterior batched = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()), true,
        new BatchRunner(2, 64));
    LsmPosterior scalar = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()), true,
        null);
    assertTrue(batched.batched());
    assertFalse(scalar.batched());
    assertEquals(7, batched.dimension());
    double[] u = batched.toUnconstrained(Huang2025PosteriorTest.TRUTH);
    u[5] = 0.3;
    u[6] = -0.2;
    double[][] pts = {u, u.clone()};
    pts[1][1] += 0.05;
    double[] lb = new double[2];
    double[] ls = new double[2];
    double[][] gb = new double[2][7];
    double[][] gs = new double[2][7];
    batched.evaluate(pts, lb, gb);
    scalar.evaluate(pts, ls, gs);
    for (int i = 0; i < 2; i++) {
      assertEquals(ls[i], lb[i], 1e-9 * Math.abs(ls[i]));
      for (int j = 0; j < 7; j++) {
        assertEquals(gs[i][j], gb[i][j], 1e-7 * Math.abs(gs[i][j]) + 1e-9);
      }
    }
    double h = 1e-5;
    for (int j = 0; j < 7; j++) {
      double[] up = u.clone();
      double[] dn = u.clone();
      up[j] += h;
      dn[j] -= h;
      double[] v = new double[2];
      scalar.evaluate(new double[][] {up, dn}, v, new double[2][7]);
      double fd = (v[0] - v[1]) / (2 * h);
      assertEquals(fd, gs[0][j], 2e-4 * Math.abs(fd) + 1e-3, "coordinate " + j);
    }
    assertEquals(2, batched.forwardRuns());
    assertEquals(2, batched.gradientRuns());
  }

  @Test
  void outsideThePriorSupportTheDensityIsZeroNotAnError() {
    Objective obj = Huang2025PosteriorTest.objective(2);
    LsmPosterior p = new LsmPosterior(obj, List.of(
        new ParameterPrior(org.cml4j.lsm.estimation.FitParam.ALPHA, ParameterPrior.Kind.UNIFORM,
            0, 1),
        new ParameterPrior(org.cml4j.lsm.estimation.FitParam.LAMBDA,
            ParameterPrior.Kind.LOGNORMAL, Math.log(0.8), 0.5),
        ParameterPrior.uniform(org.cml4j.lsm.estimation.FitParam.C),
        new ParameterPrior(org.cml4j.lsm.estimation.FitParam.HBETA, ParameterPrior.Kind.NORMAL,
            25, 5),
        ParameterPrior.uniform(org.cml4j.lsm.estimation.FitParam.TB)), false, new BatchRunner(1,
        64));
    double[] ok = p.toUnconstrained(Huang2025PosteriorTest.TRUTH);
    double[] bad = ok.clone();
    bad[1] = Math.log(50); // lambda 50 W m-1 K-1 is above the FitParam bound 10
    double[] v = new double[2];
    double[][] g = new double[2][5];
    p.evaluate(new double[][] {ok, bad}, v, g);
    assertTrue(Double.isFinite(v[0]));
    assertEquals(Double.NEGATIVE_INFINITY, v[1]);
    assertEquals(0.8, p.toPhysical(ok)[1], 1e-12);
  }

  @Test
  void sameSeedSameSamplesOnOneAndTwoThreads() {
    Objective obj = Huang2025PosteriorTest.objective(2);
    double[] mode = Huang2025PosteriorTest.TRUTH;
    HmcConfig cfg = new HmcConfig(4, 20, 6, 2, 0.8, 0.2, 1.0, 9);
    PosteriorResult one = PosteriorSampler.run(new LsmPosterior(obj,
        LsmPosterior.uniformPriors(obj.space()), true, new BatchRunner(1, 64)), mode, cfg);
    PosteriorResult two = PosteriorSampler.run(new LsmPosterior(obj,
        LsmPosterior.uniformPriors(obj.space()), true, new BatchRunner(2, 64)), mode, cfg);
    for (int c = 0; c < 4; c++) {
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(one.samples()[c][i], two.samples()[c][i], 0.0);
      }
    }
    assertEquals(one.forwardRuns(), two.forwardRuns());
  }
}
