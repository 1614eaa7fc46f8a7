package org.cml4j.cli.report;

import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.bench.report.PlotWriter;
import org.cml4j.core.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.PredictionScore;

/**
 * Writes {@code report.md}: a human-readable summary of an {@link EstimationOutcome}. No number is
 * written as NaN or Infinity: a missing value is "n/a", an unbounded standard error "unbounded (not
 * identifiable)"; failed starts are listed with their reasons.
 */
public final class ReportMarkdownWriter {
  public static final String FILE = "report.md";

  /** Writes DIR/report.md and returns its path. */
  public Path write(Path dir, EstimationOutcome o, List<PlotWriter.Plot> plots, Provenance prov)
      throws IOException {
    Path target = dir.resolve(FILE);
    AtomicFiles.writeString(target, render(o, plots, prov));
    return target;
  }

  /** The Markdown text. */
  public String render(EstimationOutcome o, List<PlotWriter.Plot> plots, Provenance prov) {
    StringBuilder sb = new StringBuilder();
    int n = o.starts().size();
    FitResult best = o.starts().get(o.best());
    long converged = o.starts().stream().filter(FitResult::converged).count();
    sb.append("# Parameter estimation: ").append(o.experiment()).append("\n\n");
    sb.append(o.description()).append("\n\n");
    sb.append("- solver: **").append(o.solver()).append("**, implicit steps: **")
        .append(o.stepSolver()).append("**\n");
    List<Integer> failed = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (MultiStart.isFailed(o.starts().get(i))) {
        failed.add(i);
      }
    }
    sb.append("- starts: ").append(n).append(" (").append(converged)
        .append(" converged by the stopping rule").append(failed.isEmpty() ? ""
            : ", " + failed.size() + " failed: see \"Failed starts\"").append(")\n");
    sb.append(String.format(Locale.ROOT, "- best start: #%d, loss (MSE) %s\n", o.best(),
        g(best.loss())));
    sb.append("- wall time: ").append(g(o.wallSeconds())).append(" s\n\n");

    sb.append("## Estimates over the starts\n\n");
    sb.append("| parameter | unit | median | min | max | IQR | best start |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Map<String, Double>> e : o.summary().entrySet()) {
      Map<String, Double> s = e.getValue();
      sb.append("| ").append(e.getKey()).append(" | ").append(unit(o, e.getKey())).append(" | ")
          .append(g(s.get("median"))).append(" | ").append(g(s.get("min"))).append(" | ")
          .append(g(s.get("max"))).append(" | ").append(g(s.get("iqr"))).append(" | ")
          .append(g(best.named().get(e.getKey()))).append(" |\n");
    }
    sb.append('\n');

    if (o.published() != null && !o.published().isEmpty()) {
      sb.append("## Comparison with the published values\n\n");
      sb.append("| parameter | unit | median (this run) | published | difference |\n");
      sb.append("|---|---|---:|---:|---:|\n");
      for (Map.Entry<String, Double> e : o.published().entrySet()) {
        Map<String, Double> s = o.summary().get(e.getKey());
        double med = s == null ? Double.NaN : s.get("median");
        double pub = e.getValue() == null ? Double.NaN : e.getValue();
        sb.append("| ").append(e.getKey()).append(" | ").append(unit(o, e.getKey())).append(" | ")
            .append(g(med)).append(" | ").append(g(pub)).append(" | ")
            .append(pct((med - pub) / Math.abs(pub) * 100)).append(" |\n");
      }
      sb.append('\n');
      if (o.publishedNote() != null && !o.publishedNote().isBlank()) {
        sb.append("Published values: ").append(o.publishedNote()).append(".\n\n");
      }
    }

    if (!failed.isEmpty()) {
      sb.append("## Failed starts\n\n");
      sb.append(failed.size()).append(" of ").append(n).append(" starts failed and are left out "
          + "of the estimates above:\n\n| start | reason |\n|---:|---|\n");
      for (int i : failed) {
        sb.append("| ").append(i).append(" | ").append(o.starts().get(i).stopReason()
            .substring(MultiStart.FAILED.length()).replace('|', '/')).append(" |\n");
      }
      sb.append('\n');
    }

    sb.append("## Best start (#").append(o.best()).append(")\n\n");
    sb.append("| parameter | initial | final | note |\n|---|---:|---:|---|\n");
    for (Map.Entry<String, Double> e : best.named().entrySet()) {
      int i = o.parameters().indexOf(e.getKey());
      sb.append("| ").append(e.getKey()).append(" | ")
          .append(i >= 0 && i < best.initial().length ? g(best.initial()[i]) : "")
          .append(" | ").append(g(e.getValue())).append(" | ")
          .append(atBound(e.getKey(), e.getValue())).append(" |\n");
    }
    sb.append(String.format(Locale.ROOT, "%nLoss %s after %d iterations (%d gradient/Jacobian, "
        + "%d forward evaluations); %s: %s.%n%n", g(best.loss()), best.iterations(),
        best.gradientEvaluations(), best.forwardEvaluations(),
        best.converged() ? "converged" : "NOT converged", best.stopReason()));

    IdentifiabilityReport d = o.identifiability();
    if (d != null) {
      sb.append("## Identifiability at the best start\n\n");
      identifiability(sb, d);
      if (d.reduced() != null) {
        sb.append("### With h and beta replaced by hbeta\n\n");
        identifiability(sb, d.reduced());
      }
    }

    if (!o.scores().isEmpty()) {
      sb.append("## Scores\n\n");
      sb.append("| variable | unit | period | RMSE | bias (model - obs) | n |\n");
      sb.append("|---|---|---|---:|---:|---:|\n");
      for (PredictionScore s : o.scores()) {
        sb.append("| ").append(s.variable()).append(" | ").append(s.unit()).append(" | ")
            .append(s.period()).append(" | ").append(g(s.rmse())).append(" | ")
            .append(g(s.bias())).append(" | ").append(s.n()).append(" |\n");
      }
      sb.append('\n');
    }

    sb.append("## Timing\n\n");
    double sum = o.starts().stream().mapToDouble(FitResult::wallSeconds).sum();
    long grads = o.starts().stream().mapToLong(FitResult::gradientEvaluations).sum();
    long fwd = o.starts().stream().mapToLong(FitResult::forwardEvaluations).sum();
    sb.append(String.format(Locale.ROOT, "- total wall time: %s s for %d starts%n",
        g(o.wallSeconds()), n));
    sb.append(String.format(Locale.ROOT,
        "- per start: mean %s s (sum %s s; starts fitted as one batch share its time)%n",
        g(sum / n), g(sum)));
    sb.append(String.format(Locale.ROOT, "- evaluations: %d gradient/Jacobian, %d forward%n%n",
        grads, fwd));

    if (plots != null && !plots.isEmpty()) {
      sb.append("## Plots\n\n");
      for (PlotWriter.Plot p : plots) {
        sb.append("- [").append(p.file()).append("](").append(p.file()).append("): ")
            .append(p.caption()).append('\n');
      }
      sb.append('\n');
    }

    if (prov != null) {
      sb.append("## Provenance\n\n");
      sb.append("- cml4j ").append(prov.version()).append(", git ").append(prov.gitCommit())
          .append('\n');
      sb.append("- ").append(prov.date()).append(", Java ").append(prov.java()).append(", ")
          .append(prov.os()).append(", ").append(prov.processors()).append(" processors\n");
      sb.append("- command: `cml4j ").append(String.join(" ", prov.arguments())).append("`\n");
      sb.append("- details and input fingerprints: [results.json](results.json)\n");
    }
    return sb.toString();
  }

  private static void identifiability(StringBuilder sb, IdentifiabilityReport d) {
    sb.append("**Verdict:** ").append(d.verdict()).append("\n\n");
    sb.append(String.format(Locale.ROOT, "Observation error sigma = %s (%s); condition number of "
        + "the Fisher matrix %s.%n%n", g(d.sigma()), d.sigmaSource(), g(d.conditionNumber())));
    sb.append("| parameter | value | standard error | identifiable |\n|---|---:|---:|:---:|\n");
    for (int i = 0; i < d.names().size(); i++) {
      String name = d.names().get(i);
      double sei = d.standardErrors()[i];
      String se = !Double.isFinite(sei) ? "unbounded (not identifiable)"
          : "Tb".equals(name) ? g(sei) + " K" : pct(sei * 100);
      sb.append("| ").append(name).append(" | ").append(g(d.values()[i])).append(" | ")
          .append(se).append(" | ").append(d.identifiable()[i] ? "yes" : "**no**").append(" |\n");
    }
    sb.append("\nStandard errors are relative for positive parameters (SE of the logarithm), in "
        + "kelvin for Tb.\n\nCorrelations:\n\n| |");
    for (String name : d.names()) {
      sb.append(' ').append(name).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---:|".repeat(d.names().size())).append('\n');
    for (int a = 0; a < d.names().size(); a++) {
      sb.append("| ").append(d.names().get(a)).append(" |");
      for (int b = 0; b < d.names().size(); b++) {
        double c = d.correlation()[a][b];
        sb.append(' ').append(!Double.isFinite(c) ? "n/a" : String.format(Locale.ROOT, "%+.3f", c))
            .append(" |");
      }
      sb.append('\n');
    }
    sb.append('\n');
    if (!d.weakDirections().isEmpty()) {
      sb.append("Weak directions:\n\n");
      for (String w : d.weakDirections()) {
        sb.append("- ").append(w).append('\n');
      }
      sb.append('\n');
    }
  }

  /**
   * "at the lower/upper bound (B)" when {@code v} is within 1e-6 of the range from a bound of the
   * fitted coordinate {@code name}: the data pushed it there, and its value is not an estimate.
   */
  static String atBound(String name, Double v) {
    FitParam f;
    try {
      f = FitParam.fromSymbol(name);
    } catch (IllegalArgumentException e) {
      return "";
    }
    if (v == null || !Double.isFinite(v)) {
      return "";
    }
    double tol = 1e-6 * (f.max() - f.min());
    return v - f.min() <= tol ? "**at the lower bound (" + g(f.min()) + ")**"
        : f.max() - v <= tol ? "**at the upper bound (" + g(f.max()) + ")**" : "";
  }

  private static String unit(EstimationOutcome o, String name) {
    int i = o.parameters().indexOf(name);
    if (i >= 0) {
      return o.units().get(i);
    }
    return "hbeta".equals(name) ? "W m-2 K-1" : "";
  }

  /** Four significant digits; "n/a" for NaN, "unbounded" for infinities. */
  static String g(Double v) {
    if (v == null || Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "unbounded" : "-unbounded";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String pct(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.3g %%", v);
  }
}
