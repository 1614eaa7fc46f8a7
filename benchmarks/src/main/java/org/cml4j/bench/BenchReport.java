package org.cml4j.bench;

import org.cml4j.testbeds.tasks.BenchTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.bench.ReportDocument.Bullets;
import org.cml4j.bench.ReportDocument.Heading;
import org.cml4j.bench.ReportDocument.Image;
import org.cml4j.bench.ReportDocument.Para;
import org.cml4j.bench.ReportDocument.Table;
import org.cml4j.testbeds.tasks.PublishedSpread;

/**
 * {@code report.md} and a self-contained {@code report.html} (plots inlined): per-task tables with
 * the paradigm of each row ({@link TaskSection}), and a measured summary of which paradigm wins
 * where (accuracy, extrapolation, sample efficiency, cost, physical consistency). The blocks are a
 * {@link ReportDocument}, which renders both formats.
 */
public final class BenchReport {
  private final ReportDocument blocks = new ReportDocument();
  private Map<String, PublishedSpread> published = Map.of();

  /** Builds and writes both reports and the plots into {@code dir}. */
  public static void write(Path dir, List<BenchRunner.Replicate> runs, List<CellResult> cells,
      Map<String, PublishedSpread> published, String suite, long seed, double wallSeconds)
      throws IOException {
    BenchReport r = new BenchReport();
    r.published = Map.copyOf(published);
    r.build(dir, runs, cells, suite, seed, wallSeconds);
    AtomicFiles.writeString(dir.resolve("report.md"), r.blocks.markdown());
    AtomicFiles.writeString(dir.resolve("report.html"), r.blocks.html(dir,
        "cml4j paradigm benchmark"));
  }

  private void build(Path dir, List<BenchRunner.Replicate> runs, List<CellResult> cells,
      String suite, long seed, double wall) throws IOException {
    List<BenchTask> cases = runs.get(0).tasks();
    Map<String, Map<String, Double>> std = new LinkedHashMap<>();
    runs.forEach(r -> r.tasks().forEach(c -> std.put(c.id() + "#" + r.number(),
        CellScorer.truthStd(c))));
    blocks.add(new Heading(1, "cml4j paradigm benchmark"));
    long ok = cells.stream().filter(c -> c.status().equals(CellResult.OK)).count();
    long failed = cells.stream().filter(c -> c.status().equals(CellResult.FAILED)).count();
    long capped = cells.stream().filter(CellResult::timeCapHit).count();
    blocks.add(new Para(String.format(Locale.ROOT, "Suite `%s`, seed %d, %d replicate%s, %d"
        + " tasks, %d cells run (%d ok, %d failed, %d not applicable; %d stopped on their"
        + " wall-time safety cap), wall time %.0f s. Errors are on each task's test"
        + " period against the truth; *normalised RMSE* is RMSE divided by the standard deviation"
        + " of the truth, averaged over all targets of the task, a target a coupling cannot"
        + " predict counting as 1 (the error of predicting the test-period mean). With several"
        + " replicates (other weather, noise and initialisation seeds) every error is the mean"
        + " over replicates ± the half-width of its 95 %% Student-t interval. Files:"
        + " `results.csv`, `provenance.json`, `run-manifest.json`, `cells/`.", suite, seed,
        runs.size(), runs.size() == 1 ? "" : "s", cases.size(), cells.size(), ok, failed,
        cells.size() - ok - failed, capped, wall)));
    summary(dir, runs, cells, std);
    blocks.addAll(EmpiricalBenchmarkTable.blocks(cases, cells));
    blocks.add(new Heading(2, "Tasks"));
    for (BenchTask bc : cases) {
      new TaskSection(dir, bc, cells.stream().filter(c -> c.task().equals(bc.id())).toList(), std,
          blocks).write(published.get(bc.id()));
    }
  }

  private void summary(Path dir, List<BenchRunner.Replicate> runs, List<CellResult> cells,
      Map<String, Map<String, Double>> std) throws IOException {
    List<BenchTask> cases = runs.get(0).tasks();
    BenchFindings f = new BenchFindings(cases, cells, std);
    UncertaintyFindings u = new UncertaintyFindings(cells, std);
    blocks.add(new Heading(2, "Summary: which paradigm wins where (measured)"));
    List<String> sentences = new ArrayList<>(f.sentences());
    sentences.add(u.sentence());
    blocks.add(new Bullets(sentences));
    List<List<String>> rows = new ArrayList<>();
    for (BenchTask bc : cases) {
      Map<String, BenchFindings.Best> best = f.best.get(bc.id());
      if (best == null) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(bc.id(), bc.family()));
      for (String p : BenchPlots.ORDER) {
        BenchFindings.Best c = best.get(p);
        row.add(c == null ? "–" : c.error().text() + " (" + c.approach() + ")");
      }
      BenchFindings.Verdict v = f.verdicts.get(bc.id());
      row.add(v.significant() ? "**" + v.label() + "** (" + v.test().text() + ")" : v.label());
      rows.add(row);
    }
    int pairs = f.verdicts.values().stream().mapToInt(v -> v.test().n()).min().orElse(0);
    blocks.add(new Para("Accuracy and extrapolation: best mean normalised test RMSE of each"
        + " paradigm on each task (the coupling achieving it in brackets) and the winner: the"
        + " paradigm with the lowest mean, named only if its best coupling beats the runner-up"
        + " paradigm's best coupling in a two-sided Wilcoxon signed-rank test at 5 % on the pairs"
        + " (replicate, target) of normalised errors (Commons Math 3.6.1, exact up to 30 pairs;"
        + " zero differences dropped). Targets of one replicate share their weather, so the pairs"
        + " are not independent and p is a screening statistic. With n non-zero pairs the"
        + " smallest attainable p is 2/2^n (n < 6 can never be significant); the smallest n here"
        + " is " + pairs + ". Extrapolation tasks are those of family `extrapolation` (test"
        + " period hotter and drier than training)."));
    blocks.add(new Table(List.of("task", "family", "baseline", "cascade", "embedding", "fusion",
        "winner"), rows));
    if (!f.curves.isEmpty()) {
      List<List<String>> se = new ArrayList<>();
      f.curves.forEach((p, m) -> m.forEach((d, b) -> se.add(List.of(p,
          BenchFindings.days(d), b.error().text(), b.approach()))));
      blocks.add(new Para("Sample efficiency: best mean normalised RMSE of each paradigm against"
          + " the number of training days on the structural twin (the last d days before one"
          + " test period; each replicate is a new draw of weather and noise for every size)."));
      blocks.add(new Table(List.of("paradigm", "training days", "best normalised RMSE",
          "coupling"), se));
      blocks.add(Image.of(BenchPlots.sampleEfficiency(dir, f.curves)));
      SampleEfficiency s = new SampleEfficiency(runs, cells, std, f);
      blocks.add(new Para("Noise or non-stationarity: the calibrated physics ("
          + SampleEfficiency.PHYSICS + ") per training size, and the gap between the truth's"
          + " top-soil moisture averaged over the training window and over the test period."
          + " Verdict: " + s.verdict + "."));
      blocks.add(new Table(List.of("training days", "calibrated physics normalised RMSE",
          "training-test moisture gap [m3 m-3]"), s.table()));
    }
    uncertainty(dir, u);
    List<List<String>> cost = new ArrayList<>();
    f.costs.forEach((p, c) -> cost.add(List.of(p, String.valueOf(c.cellsOk()),
        fmt(c.medianSeconds()), fmt(c.maxSeconds()), c.cellsWithFluxes() == 0 ? "–"
            : fmt(c.meanInconsistency()), String.valueOf(c.cellsWithFluxes()))));
    blocks.add(new Para("Cost and physical consistency per paradigm: median and maximum seconds"
        + " per cell, and the mean fraction of test steps whose predicted fluxes violate the"
        + " surface energy balance by more than " + CellScorer.ENERGY_TOLERANCE + " W m-2"
        + " (over the cells that predicted G, QH+QE and LWup or Rn)."));
    blocks.add(new Table(List.of("paradigm", "cells ok", "median s", "max s",
        "energy-balance violation fraction", "cells with fluxes"), cost));
    List<List<String>> cc = new ArrayList<>();
    CouplingCost.of(cells).stream().limit(8).forEach(c -> cc.add(List.of(c.approach(),
        String.valueOf(c.cells()), fmt(c.totalSeconds()), fmt(c.medianSeconds()),
        String.valueOf(c.timeCapHits()))));
    blocks.add(new Para("Costliest couplings (fit + predict seconds summed over all their cells;"
        + " all couplings in `provenance.json`)."));
    blocks.add(new Table(List.of("coupling", "cells", "total s", "median s",
        "wall-time cap hits"), cc));
  }

  private void uncertainty(Path dir, UncertaintyFindings u) throws IOException {
    if (u.byCoupling.isEmpty()) {
      return;
    }
    blocks.add(new Para("Uncertainty: scores of the predictive distributions on the test period"
        + " (means over tasks and replicates; `results.csv` has them per cell, `pit.csv` the PIT"
        + " histograms). CRPS in target units (lower is better; equals the MAE for a point"
        + " prediction); coverage50/coverage90: fraction of test observations inside the central"
        + " 50 %/90 % interval (nominal 0.50/0.90); width90: mean width of the 90 % interval"
        + " (target units). Methods: physics Laplace + held-out noise scale; deep ensembles over"
        + " seeds + noise; EnKF ensemble spread + noise (see docs/UNCERTAINTY.md)."));
    blocks.add(new Table(List.of("coupling", "paradigm", "target", "cells", "crps",
        "coverage50", "coverage90", "width90"), u.table()));
    Map<String, double[]> pit = new LinkedHashMap<>();
    u.bestCalibrated.forEach((p, a) -> pit.put(a, u.pit(a)));
    blocks.add(Image.of(BenchPlots.pitHistograms(dir, pit, u.paradigm)));
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v != 0)
        ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
