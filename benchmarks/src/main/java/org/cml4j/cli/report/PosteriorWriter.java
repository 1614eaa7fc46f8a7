package org.cml4j.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.bench.report.PlotWriter;
import org.cml4j.lsm.posterior.Laplace;
import org.cml4j.lsm.posterior.Marginal;
import org.cml4j.lsm.posterior.PosteriorPredictive;
import org.cml4j.lsm.posterior.PosteriorResult;

/**
 * Writes a posterior sample, each file atomically (temporary file, then move):
 * {@code posterior_samples.csv} (chain, draw, one column per coordinate),
 * {@code posterior_summary.md} (marginal table with mean, SD, 5/50/95 %, R-hat, bulk ESS, the
 * Laplace SD, sampler settings and counts), {@code posterior_corner.png} (scatter grid with
 * histograms on the diagonal), {@code posterior_predictive.csv} and
 * {@code posterior_predictive_<variable>.png} (5-95 % bands). Refuses non-finite values rather
 * than writing NaN or Infinity.
 */
public final class PosteriorWriter {

  /** Writes every file into {@code dir}; returns the file names. */
  public List<String> write(Path dir, String title, PosteriorResult r, PosteriorPredictive pred,
      double wallSeconds) throws IOException {
    List<String> files = new ArrayList<>();
    AtomicFiles.writeString(dir.resolve("posterior_samples.csv"), samplesCsv(r));
    files.add("posterior_samples.csv");
    AtomicFiles.writeString(dir.resolve("posterior_summary.md"), summary(title, r, pred,
        wallSeconds));
    files.add("posterior_summary.md");
    AtomicFiles.write(dir.resolve("posterior_corner.png"), PosteriorPlots.corner(title, r));
    files.add("posterior_corner.png");
    if (pred != null) {
      AtomicFiles.writeString(dir.resolve("posterior_predictive.csv"), predictiveCsv(pred));
      files.add("posterior_predictive.csv");
      for (int k = 0; k < pred.outputs().size(); k++) {
        String f = "posterior_predictive_" + PlotWriter.safe(pred.outputs().get(k).name())
            + ".png";
        AtomicFiles.write(dir.resolve(f), PosteriorPlots.predictive(title, pred, k));
        files.add(f);
      }
    }
    return files;
  }

  static String samplesCsv(PosteriorResult r) {
    StringBuilder sb = new StringBuilder("chain,draw");
    for (String n : r.names()) {
      sb.append(',').append(n);
    }
    sb.append('\n');
    for (int c = 0; c < r.chains(); c++) {
      for (int i = 0; i < r.draws(); i++) {
        sb.append(c).append(',').append(i);
        for (double v : r.samples()[c][i]) {
          sb.append(',').append(num(v, "sample"));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String predictiveCsv(PosteriorPredictive p) {
    StringBuilder sb = new StringBuilder("level");
    for (var o : p.outputs()) {
      String n = o.name();
      sb.append(',').append(n).append("_observed,").append(n).append("_model_q05,").append(n)
          .append("_model_q50,").append(n).append("_model_q95,").append(n).append("_pred_q05,")
          .append(n).append("_pred_q95");
    }
    sb.append('\n');
    int levels = p.observed()[0].length;
    for (int t = 0; t < levels; t++) {
      sb.append(t);
      for (int k = 0; k < p.outputs().size(); k++) {
        double o = p.observed()[k][t];
        sb.append(',').append(Double.isNaN(o) ? "" : num(o, "observation"));
        sb.append(',').append(num(p.modelQ05()[k][t], "band"));
        sb.append(',').append(num(p.modelQ50()[k][t], "band"));
        sb.append(',').append(num(p.modelQ95()[k][t], "band"));
        sb.append(',').append(num(p.predQ05()[k][t], "band"));
        sb.append(',').append(num(p.predQ95()[k][t], "band"));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String summary(String title, PosteriorResult r, PosteriorPredictive pred, double wall) {
    StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
    Laplace lap = r.laplace();
    sb.append("| parameter | unit | mean | sd | 5 % | 50 % | 95 % | R-hat | bulk ESS | Laplace sd |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (int j = 0; j < r.marginals().size(); j++) {
      Marginal m = r.marginals().get(j);
      String ls = lap != null && j < lap.mode().length ? fmt(lap.sd(j)) : "-";
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.4f | %.0f | %s |%n",
          m.name(), m.unit(), fmt(m.mean()), fmt(m.sd()), fmt(m.q05()), fmt(m.q50()),
          fmt(m.q95()), finite(m.rhat(), "R-hat"), finite(m.essBulk(), "ESS"), ls));
    }
    if (pred != null) {
      sb.append("\nNoise scale per observed variable (sigma | data, drawn at ")
          .append(pred.sigma().length).append(" thinned draws) and predictive coverage:\n\n");
      sb.append("| variable | sigma mean | sigma 5 % | sigma 95 % | observations in 5-95 % band |\n");
      sb.append("|---|---|---|---|---|\n");
      for (int k = 0; k < pred.outputs().size(); k++) {
        double[] s = new double[pred.sigma().length];
        for (int d = 0; d < s.length; d++) {
          s[d] = pred.sigma()[d][k];
        }
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f %% |%n",
            pred.outputs().get(k).name(), fmt(java.util.Arrays.stream(s).average().orElse(0)),
            fmt(org.cml4j.lsm.posterior.Diagnostics.quantile(s, 0.05)),
            fmt(org.cml4j.lsm.posterior.Diagnostics.quantile(s, 0.95)),
            100 * pred.coverage()[k]));
      }
    }
    var run = r.run();
    var cfg = run.config();
    sb.append(String.format(Locale.ROOT, "%nSampler: HMC, %d chains x %d draws after %d warm-up "
        + "iterations, mean %d leapfrog steps (uniform 1..%d), dense metric adapted in warm-up, "
        + "target acceptance %.2f, seed %d; gradients %s.%n%n", cfg.chains(), cfg.draws(),
        cfg.warmup(), cfg.leapfrogSteps(), 2 * cfg.leapfrogSteps() - 1, cfg.targetAccept(),
        cfg.seed(), r.batched() ? "from the batched adjoint (chains as columns)"
            : "from the scalar adjoint"));
    sb.append("| chain | step size | acceptance | divergences | warm-up divergences |\n");
    sb.append("|---|---|---|---|---|\n");
    for (int c = 0; c < r.chains(); c++) {
      sb.append(String.format(Locale.ROOT, "| %d | %.3g | %.3f | %d | %d |%n", c,
          run.stepSize()[c], run.acceptance()[c], run.divergences()[c],
          run.warmupDivergences()[c]));
    }
    sb.append(String.format(Locale.ROOT, "%nEvaluations: %d forward runs, %d adjoint sweeps; "
        + "wall time %.1f s (informative only: results depend on the seed and counts, not the "
        + "clock); min bulk ESS %.0f, max R-hat %.4f.%n", r.forwardRuns(), r.gradientRuns(), wall,
        r.minEss(), r.maxRhat()));
    return sb.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.5g", finite(v, "summary value"));
  }

  private static double finite(double v, String what) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("posterior: non-finite " + what + " (" + v
          + "); not written");
    }
    return v;
  }

  private static String num(double v, String what) {
    return Double.toString(finite(v, what));
  }
}
