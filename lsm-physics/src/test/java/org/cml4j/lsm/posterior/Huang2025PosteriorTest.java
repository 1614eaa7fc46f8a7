package org.cml4j.lsm.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Checks (b) and (c) of docs/UNCERTAINTY.md on the Huang et al. (2025) synthetic targets plus
 * Gaussian noise of 0.1 K (seed 1): the posterior of (alpha, lambda, C, hbeta, Tb) by HMC on the
 * batched adjoint, against the Laplace approximation (two depths), and the curved lambda-C ridge
 * (one depth).
 */
class Huang2025PosteriorTest {
  static final List<FitParam> FREE =
      List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB);
  static final double[] TRUTH = {0.2, 0.8, 2.2e6, 25, 293};

  static Objective objective(int depths) {
    Huang2025Experiment e = Huang2025Experiment.load(SharedData.dir().resolve(
        "huang2025-synthetic"), depths);
    Objective obj = e.objective(StepSolver.EXACT, FREE);
    return obj.withObservations(obj.observations().withGaussianNoise(0.1, 1));
  }

  /**
   * Means within 4 Monte Carlo SE plus 0.02 Laplace SD of the mode, SDs within 4 MC SE plus 4 % of
   * the Laplace SDs (the allowances are the Laplace approximation's own error, measured with
   * 16 000 draws: up to 0.012 SD in the means and +3.1 % in the SDs), R-hat < 1.01.
   */
  @Test
  void twoDepthPosteriorAgreesWithLaplace() {
    Objective obj = objective(2);
    double[] mode = new LevenbergMarquardtFit().fit(obj, TRUTH).fitted();
    Laplace lap = Laplace.atMode(obj, mode, PosteriorSampler.MODE_ITERATIONS);
    mode = lap.mode();
    LsmPosterior target = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()), false,
        new BatchRunner(2, 64));
    assertTrue(target.batched());
    PosteriorResult res = PosteriorSampler.run(target, mode, new HmcConfig(8, 150, 500, 3, 0.8,
        0.2, 2.0, 7));
    for (int j = 0; j < 5; j++) {
      Marginal m = res.marginals().get(j);
      double[][] x = res.coordinate(j, false);
      double[] all = Diagnostics.flatten(x);
      double[][] sq = new double[x.length][x[0].length];
      for (int c = 0; c < x.length; c++) {
        for (int i = 0; i < x[c].length; i++) {
          sq[c][i] = (x[c][i] - m.mean()) * (x[c][i] - m.mean());
        }
      }
      double essSq = Diagnostics.essBulk(sq);
      double sdLap = lap.sd(j);
      assertTrue(m.rhat() < 1.01, m.name() + " R-hat " + m.rhat());
      assertTrue(m.essBulk() > 1000, m.name() + " ESS " + m.essBulk());
      assertEquals(mode[j], m.mean(), 4 * m.sd() / Math.sqrt(m.essBulk()) + 0.02 * sdLap,
          m.name() + " mean vs Laplace mode");
      assertEquals(sdLap, m.sd(), sdLap * (4 * Math.sqrt(1 / (2 * essSq)) + 0.04),
          m.name() + " SD vs Laplace SD");
      assertEquals(all.length, 8 * 500);
    }
    assertEquals(0, res.run().totalDivergences());
    assertEquals(res.forwardRuns(), res.gradientRuns());
    assertTrue(res.gradientRuns() >= res.run().densityEvaluations());
  }

  /**
   * One depth: lambda and C are determined mostly through the diffusivity lambda/C and the thermal
   * inertia is weakly constrained, so the posterior is a curved ridge with log lambda and log C
   * strongly correlated (measured 0.98) and skewed (mean of lambda 0.37 Laplace SD above the
   * mode). The ridge mixes slowly: with these settings R-hat is 1.01-1.02 and the bulk ESS about
   * 350 of 1500 draws (docs/UNCERTAINTY.md), so R-hat is held to 1.05 here, not 1.01.
   */
  @Test
  void oneDepthPosteriorShowsTheCurvedLambdaCRidge() {
    Objective obj = objective(1);
    double[] mode = new LevenbergMarquardtFit().fit(obj, TRUTH).fitted();
    LsmPosterior target = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()), false,
        new BatchRunner(2, 64));
    PosteriorResult res = PosteriorSampler.run(target, mode, new HmcConfig(6, 200, 250, 20, 0.8,
        0.2, 2.0, 3));
    double r = res.correlation(res.index("lambda"), res.index("C"), true, true);
    assertTrue(r > 0.95, "corr(log lambda, log C) = " + r);
    assertTrue(res.maxRhat() < 1.05, "R-hat " + res.maxRhat());
    Marginal lam = res.marginals().get(res.index("lambda"));
    assertTrue(lam.sd() / lam.mean() > 0.15, "lambda relative SD " + lam.sd() / lam.mean());
    assertTrue(lam.mean() > mode[1], "lambda mean " + lam.mean() + " vs mode " + mode[1]);
  }
}
