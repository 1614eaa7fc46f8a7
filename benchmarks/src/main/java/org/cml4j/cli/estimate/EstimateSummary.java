package org.cml4j.cli.estimate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.experiment.EstimationOutcome;

/** The console summary of {@code cml4j estimate}: starts, wall time, the best start, files. */
final class EstimateSummary {
  private EstimateSummary() {}

  /**
   * Prints the summary of {@code o} written to {@code dir} with {@code plots} plots.
   *
   * @param s the settings the estimation ran with (solver, gradient, threads)
   */
  static void print(PrintWriter w, EstimationOutcome o, Path dir, int plots,
      EstimationSettings s) {
    FitResult best = o.starts().get(o.best());
    long conv = o.starts().stream().filter(FitResult::converged).count();
    w.printf(Locale.ROOT, "%s (%s, %s steps%s): %d starts in %.1f s wall on %d threads, %d "
        + "converged%n", o.experiment(), o.solver(), o.stepSolver().toLowerCase(Locale.ROOT),
        s.solver().equals("adam") ? ", " + s.gradient().name().toLowerCase(Locale.ROOT)
            + " gradient" : "", o.starts().size(), o.wallSeconds(), s.threads(), conv);
    long failed = o.starts().stream().filter(MultiStart::isFailed).count();
    if (failed > 0) {
      w.printf(Locale.ROOT, "%d of %d starts failed (reasons in report.md, \"Failed starts\")%n",
          failed, o.starts().size());
    }
    w.printf(Locale.ROOT, "best start #%d (loss %s): %s%n", o.best(), num(best.loss()),
        best.named().entrySet().stream().map(EstimateSummary::kv).collect(
            Collectors.joining(", ")));
    if (o.identifiability() != null) {
      w.println("identifiability: " + o.identifiability().verdict());
    }
    w.printf("wrote %s (results.json, report.md, %d plots)%n", dir, plots);
    w.flush();
  }

  private static String kv(Map.Entry<String, Double> e) {
    return e.getKey() + "=" + num(e.getValue());
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "n/a";
  }
}
