package org.cml4j.cli.estimate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.report.PosteriorWriter;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.posterior.HmcConfig;
import org.cml4j.lsm.posterior.LsmPosterior;
import org.cml4j.lsm.posterior.Marginal;
import org.cml4j.lsm.posterior.PosteriorPredictive;
import org.cml4j.lsm.posterior.PosteriorResult;
import org.cml4j.lsm.posterior.PosteriorSampler;
import org.cml4j.lsm.solver.StepSolver;

/**
 * {@code cml4j estimate --posterior}: after the multi-start fit, samples the posterior of the five
 * identifiable coordinates (alpha, lambda, C, hbeta, Tb; h and beta enter only as hbeta) of a
 * huang2025 experiment with {@link PosteriorSampler} on the batched exact-solver adjoint, starting
 * from the best fit polished by Levenberg-Marquardt, and writes the files of
 * {@link PosteriorWriter}. The sampler's seed is {@code --seed}.
 */
public final class PosteriorRun {
  /** Fitted coordinates of the posterior. */
  public static final List<FitParam> FREE =
      List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB);

  private PosteriorRun() {}

  /** Does nothing unless {@code --posterior} was given. */
  public static void runIfAsked(PosteriorOptions o, Experiment experiment, Path dataDir,
      EstimationSettings s, EstimationOutcome outcome, Path dir, PrintWriter out)
      throws IOException {
    if (o == null || !o.enabled()) {
      return;
    }
    if (experiment == null || experiment.site()) {
      throw new Cml4jCli.InputException("--posterior is available for huang2025-1depth and "
          + "huang2025-2depth only");
    }
    int depths = experiment == Experiment.HUANG2025_1DEPTH ? 1 : 2;
    int leapfrog = o.leapfrog != null ? o.leapfrog : depths == 1 ? 10 : 3;
    HmcConfig cfg;
    try {
      cfg = new HmcConfig(o.chains, o.warmup, o.draws, leapfrog, 0.8, 0.2, 2.0, s.seed());
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage().replace("posterior: ", "--posterior: "));
    }
    Huang2025Experiment e = Huang2025Experiment.load(Huang2025Runner.folder(dataDir), depths,
        s.initialCondition());
    Objective obj = e.objective(StepSolver.EXACT, FREE);
    if (s.noisy()) {
      obj = obj.withObservations(e.observations().withGaussianNoise(s.noiseSd(), s.seed()));
    }
    double[] start = new double[FREE.size()];
    var named = outcome.starts().get(outcome.best()).named();
    for (int i = 0; i < start.length; i++) {
      Double v = named.get(FREE.get(i).symbol());
      start[i] = v != null ? v : obj.space().base().constant(FREE.get(i).modelParam());
    }
    double[] mode = new LevenbergMarquardtFit().fit(obj, start).fitted();
    long t0 = System.nanoTime();
    try (BatchRunner runner = new BatchRunner(Math.max(1, s.threads()), 64)) {
      LsmPosterior target = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()), o.ar1,
          runner);
      PosteriorResult res = PosteriorSampler.run(target, mode, cfg);
      double wall = (System.nanoTime() - t0) * 1e-9;
      PosteriorPredictive pred = PosteriorPredictive.of(target, res, 400, s.seed() + 1);
      String title = outcome.experiment() + " posterior (" + (o.ar1 ? "AR(1)" : "independent")
          + " residuals, " + (s.noisy() ? String.format(Locale.ROOT,
              "targets + N(0, %.3g K) noise, seed %d", s.noiseSd(), s.seed())
              : "noise-free published targets") + ")";
      List<String> files = new PosteriorWriter().write(dir, title, res, pred, wall);
      summary(out, res, wall, files);
    }
  }

  private static void summary(PrintWriter w, PosteriorResult r, double wall, List<String> files) {
    w.printf(Locale.ROOT, "posterior: %d chains x %d draws (%d warm-up) in %.1f s wall, %d "
        + "gradient evaluations (%s), %d divergences, seed %d%n", r.chains(), r.draws(),
        r.run().config().warmup(), wall, r.gradientRuns(), r.batched() ? "batched adjoint"
            : "scalar adjoint", r.run().totalDivergences(), r.seed());
    List<String> parts = new ArrayList<>();
    for (Marginal m : r.marginals()) {
      parts.add(String.format(Locale.ROOT, "%s=%.5g+-%.2g (R-hat %.3f, ESS %.0f)", m.name(),
          m.mean(), m.sd(), m.rhat(), m.essBulk()));
    }
    w.println("posterior: " + String.join(", ", parts));
    if (r.maxRhat() >= 1.01) {
      w.printf(Locale.ROOT, "posterior: WARNING max R-hat %.3f >= 1.01: chains have not mixed; "
          + "increase --draws, --warmup or --leapfrog%n", r.maxRhat());
    }
    w.println("posterior: wrote " + String.join(", ", files));
    w.flush();
  }
}
