package org.cml4j.cascade.preprocessing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.samples.ParameterRange;
import org.cml4j.cascade.samples.ParameterSampler;
import org.cml4j.cascade.samples.SampleGenerator;
import org.cml4j.cascade.samples.SampleSet;
import org.cml4j.cascade.samples.SamplingSpace;
import org.cml4j.cascade.samples.Simulator;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.lsm.estimation.AdamConfig;
import org.cml4j.lsm.estimation.AdamOptimizer;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/**
 * Learned initialisation on the two-depth experiment of Huang, Heaney &amp; van Reeuwijk (2025):
 * a {@link LearnedInitialiser} trained on Sobol samples of (alpha, lambda, C, hbeta, Tb) simulated
 * over the paper's forcing and initial state seeds the paper's Adam (six coordinates alpha, h,
 * beta, lambda, Tb, C; PyTorch defaults and the paper's learning rates and stopping rule) and
 * Levenberg–Marquardt. For each of the paper's 50 trials the learned start replaces the
 * identifiable coordinates (the first trial gets the network's estimate, the others Gaussian
 * scatter around it with the network's held-out error) and keeps the trial's own Bowen ratio beta
 * (not identifiable; h follows from hbeta). Compared with the paper's 50 random starts: how many
 * reach lambda within 1 % of 0.8, and how many steps and model evaluations they take.
 */
public final class Huang2025LearnedStart {
  /** The paper's six Adam coordinates. */
  public static final List<FitParam> PAPER = List.of(FitParam.ALPHA, FitParam.H, FitParam.BETA,
      FitParam.LAMBDA, FitParam.TB, FitParam.C);
  /** The identifiable coordinates the network predicts (and LM fits). */
  public static final List<FitParam> REDUCED = List.of(FitParam.ALPHA, FitParam.LAMBDA,
      FitParam.C, FitParam.HBETA, FitParam.TB);

  private Huang2025LearnedStart() {}

  /**
   * Adam learning rates in the paper's coordinates (alpha, h, beta, lambda, Tb, C) from the
   * network's held-out error: each identifiable coordinate steps by at most its one-sigma
   * uncertainty around the estimate (h from hbeta's); beta, which the data cannot determine,
   * keeps the paper's rate.
   */
  public static double[] learnedRates(LearnedInitialiser init, double[] estimate,
      double[] paperRates) {
    double[] err = init.heldOutError();
    SamplingSpace sp = init.space();
    double[] sigma = new double[err.length];
    for (int j = 0; j < err.length; j++) {
      double[] u = sp.toUnit(estimate);
      double[] up = u.clone();
      up[j] = u[j] + err[j];
      sigma[j] = Math.abs(sp.fromUnit(up)[j] - estimate[j]);
    }
    // reduced order: alpha, lambda, C, hbeta, Tb; paper order: alpha, h, beta, lambda, Tb, C
    double beta = 1.5;
    return new double[] {sigma[0], sigma[3] / (1 + 1 / beta), paperRates[2], sigma[1], sigma[4],
        sigma[2]};
  }

  private static AdamConfig withSteps(AdamConfig c, double[] rates, int steps) {
    return new AdamConfig(rates, c.beta1(), c.beta2(), c.epsilon(), steps, c.paramTolPercent(),
        c.lossTolPercent());
  }

  /** Sampling box around the paper's start ranges. */
  public static SamplingSpace space() {
    return SamplingSpace.of(ParameterRange.linear("alpha", 0.05, 0.5),
        ParameterRange.logUniform("lambda", 0.3, 2.0), ParameterRange.logUniform("C", 1.5e6, 3.2e6),
        ParameterRange.logUniform("hbeta", 8, 80), ParameterRange.linear("Tb", 288, 303));
  }

  /**
   * Statistics of one set of starts.
   *
   * @param converged starts ending with lambda within 1 % of 0.8
   * @param meanIterations mean optimiser iterations per start
   * @param gradientEvaluations adjoint (Adam) or tangent (LM) sweeps over all starts
   * @param forwardEvaluations forward runs over all starts
   */
  public record StartStats(int converged, double meanIterations, long gradientEvaluations,
      long forwardEvaluations) {
    static StartStats of(List<FitResult> rs) {
      int ok = 0;
      double it = 0;
      long g = 0;
      long f = 0;
      for (FitResult r : rs) {
        ok += Math.abs(r.named().get("lambda") - 0.8) <= 0.008 ? 1 : 0;
        it += r.iterations();
        g += r.gradientEvaluations();
        f += r.forwardEvaluations();
      }
      return new StartStats(ok, it / rs.size(), g, f);
    }
  }

  /**
   * Outcome of the comparison.
   *
   * @param starts number of starts per method (50)
   * @param estimate the network's estimate from the observations, by name
   * @param heldOutError held-out error of the network per parameter (unit-cube coordinates)
   * @param sampleSimulations forward runs spent generating the training samples
   * @param adamRandom Adam from the paper's starts
   * @param adamLearned Adam from the learned starts
   * @param adamLearnedSteps Adam from the learned starts with step sizes from the network's
   *     held-out error ({@link #learnedRates})
   * @param adamBudgets step budgets of the convergence curves
   * @param curveRandom starts within 1 % of lambda after each budget, paper starts
   * @param curveLearned same, learned starts with the paper's rates
   * @param curveLearnedSteps same, learned starts with learned rates
   * @param lmRandom LM from the paper's starts
   * @param lmLearned LM from the learned starts
   * @param seconds wall time of the whole comparison
   */
  public record Outcome(int starts, Map<String, Double> estimate, double[] heldOutError,
      int sampleSimulations, StartStats adamRandom, StartStats adamLearned,
      StartStats adamLearnedSteps,
      int[] adamBudgets, int[] curveRandom, int[] curveLearned, int[] curveLearnedSteps,
      StartStats lmRandom,
      StartStats lmLearned, double seconds) {}

  /**
   * Runs the comparison.
   *
   * @param dir the {@code huang2025-synthetic} folder
   * @param samples number of Sobol samples
   * @param spec network settings
   * @param seed seed of the sampler and of the scatter of learned starts
   * @param threads threads for samples and multi-starts
   * @param budgets Adam step budgets of the convergence curves (e.g. 10, 25, 50, 100)
   */
  public static Outcome run(Path dir, int samples, LearnerSpec spec, long seed, int threads,
      int... budgets) {
    long t0 = System.nanoTime();
    Huang2025Experiment e = Huang2025Experiment.load(dir, 2);
    Objective reduced = e.objective(StepSolver.EXACT, REDUCED);
    List<Output> outs = e.observations().outputs();
    SamplingSpace space = space();
    Simulator sim = p -> {
      double[] theta = new double[REDUCED.size()];
      for (int i = 0; i < theta.length; i++) {
        theta[i] = p.get(REDUCED.get(i).symbol());
      }
      Trajectory tr = reduced.model().simulate(reduced.space().toModel(theta), reduced.forcing(),
          reduced.initial());
      Map<String, double[]> m = new LinkedHashMap<>();
      for (Output o : outs) {
        m.put(o.name(), tr.output(o));
      }
      return m;
    };
    SampleSet set = new SampleGenerator(threads).generate(sim, space,
        ParameterSampler.sobol(seed), samples);
    List<String> names = outs.stream().map(Output::name).toList();
    LearnedInitialiser init = LearnedInitialiser.train(set, names, 0,
        e.observations().levels(), 1.0, 0.0, spec);
    List<double[]> observed = new ArrayList<>();
    for (int k = 0; k < outs.size(); k++) {
      observed.add(e.observations().series(k));
    }
    int n = e.trialCount();
    List<double[]> learnedReduced = init.starts(observed, n, seed);
    List<double[]> randomPaper = e.starts(PAPER);
    List<double[]> learnedPaper = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] l = learnedReduced.get(i);
      double beta = randomPaper.get(i)[2];
      double h = l[3] / (1 + 1 / beta);
      learnedPaper.add(new double[] {l[0], h, beta, l[1], l[4], l[2]});
    }
    Objective paper = e.objective(StepSolver.EXACT, PAPER);
    AdamOptimizer adam = new AdamOptimizer(AdamConfig.huang2025(paper.space()));
    StartStats adamRandom = StartStats.of(MultiStart.run(randomPaper,
        (i, s) -> adam.fit(paper, s), threads, d -> { }));
    StartStats adamLearned = StartStats.of(MultiStart.run(learnedPaper,
        (i, s) -> adam.fit(paper, s), threads, d -> { }));
    AdamConfig paperCfg = AdamConfig.huang2025(paper.space());
    AdamOptimizer scaled = new AdamOptimizer(withSteps(paperCfg, learnedRates(init,
        learnedReduced.get(0), paperCfg.learningRates()), paperCfg.maxSteps()));
    StartStats adamScaled = StartStats.of(MultiStart.run(learnedPaper,
        (i, s) -> scaled.fit(paper, s), threads, d -> { }));
    int[][] curves = new int[3][budgets.length];
    for (int b = 0; b < budgets.length; b++) {
      AdamOptimizer pr = new AdamOptimizer(withSteps(paperCfg, paperCfg.learningRates(),
          budgets[b]));
      AdamOptimizer ls = new AdamOptimizer(withSteps(paperCfg, learnedRates(init,
          learnedReduced.get(0), paperCfg.learningRates()), budgets[b]));
      curves[0][b] = StartStats.of(MultiStart.run(randomPaper, (i, s) -> pr.fit(paper, s),
          threads, d -> { })).converged();
      curves[1][b] = StartStats.of(MultiStart.run(learnedPaper, (i, s) -> pr.fit(paper, s),
          threads, d -> { })).converged();
      curves[2][b] = StartStats.of(MultiStart.run(learnedPaper, (i, s) -> ls.fit(paper, s),
          threads, d -> { })).converged();
    }
    LevenbergMarquardtFit lm = new LevenbergMarquardtFit();
    StartStats lmRandom = StartStats.of(MultiStart.run(e.starts(REDUCED),
        (i, s) -> lm.fit(reduced, s), threads, d -> { }));
    StartStats lmLearned = StartStats.of(MultiStart.run(learnedReduced,
        (i, s) -> lm.fit(reduced, s), threads, d -> { }));
    return new Outcome(n, space.named(init.estimate(observed)), init.heldOutError(), set.size()
        + set.failures(), adamRandom, adamLearned, adamScaled, budgets, curves[0], curves[1],
        curves[2], lmRandom, lmLearned, (System.nanoTime() - t0) * 1e-9);
  }
}
