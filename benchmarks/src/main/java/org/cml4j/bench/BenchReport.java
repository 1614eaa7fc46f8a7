package org.cml4j.bench;

import org.cml4j.testbeds.tasks.BenchTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cml4j.bench.report.AtomicFiles;
import org.cml4j.bench.report.PlotWriter;
import org.cml4j.testbeds.tasks.PublishedSpread;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * {@code report.md} and a self-contained {@code report.html} (plots inlined): per-task tables with
 * the paradigm of each row, and a measured summary of which paradigm wins where (accuracy,
 * extrapolation, sample efficiency, cost, physical consistency).
 */
public final class BenchReport {
  private final List<Object> blocks = new ArrayList<>();
  private Map<String, PublishedSpread> published = Map.of();

  record Heading(int level, String text) {}

  record Para(String text) {}

  record Table(List<String> header, List<List<String>> rows) {}

  private record Image(String file, String caption) {}

  record Bullets(List<String> items) {}

  /** Builds and writes both reports and the plots into {@code dir}. */
  public static void write(Path dir, List<BenchRunner.Replicate> runs, List<CellResult> cells,
      Map<String, PublishedSpread> published, String suite, long seed, double wallSeconds)
      throws IOException {
    BenchReport r = new BenchReport();
    r.published = Map.copyOf(published);
    r.build(dir, runs, cells, suite, seed, wallSeconds);
    AtomicFiles.writeString(dir.resolve("report.md"), r.markdown());
    AtomicFiles.writeString(dir.resolve("report.html"), r.html(dir));
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
      taskSection(dir, bc, cells.stream().filter(c -> c.task().equals(bc.id())).toList(), std);
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
      PlotWriter.Plot p = BenchPlots.sampleEfficiency(dir, f.curves);
      blocks.add(new Image(p.file(), p.caption()));
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
    PlotWriter.Plot p = BenchPlots.pitHistograms(dir, pit, u.paradigm);
    blocks.add(new Image(p.file(), p.caption()));
  }

  /**
   * The 90 % bands on the first target of the task with any predictive distribution: the first
   * coupling of each paradigm that has one (replicate 1).
   */
  private void bandPlot(Path dir, BenchTask bc, List<CellResult> tc) throws IOException {
    for (String target : bc.task().targets()) {
      Map<String, double[][]> band = new LinkedHashMap<>();
      Map<String, String> par = new LinkedHashMap<>();
      for (CellResult c : tc) {
        if (c.replicate() != 1 || par.containsValue(c.paradigm())) {
          continue;
        }
        for (TargetScore s : c.scores()) {
          if (s.target().equals(target) && s.lower90() != null) {
            band.put(c.approach(), new double[][] {s.lower90(), s.upper90()});
            par.put(c.approach(), c.paradigm());
          }
        }
      }
      if (!band.isEmpty()) {
        int from = bc.task().split().validationEnd();
        double[] truth = bc.truth().values(target, from, bc.task().split().size());
        double[] hours = new double[truth.length];
        for (int i = 0; i < hours.length; i++) {
          hours[i] = i * bc.task().forcing().stepSeconds() / 3600.0;
        }
        PlotWriter.Plot p = BenchPlots.bands(dir, bc.id(), target, hours, truth, band, par);
        blocks.add(new Image(p.file(), p.caption()));
        return;
      }
    }
  }

  private void taskSection(Path dir, BenchTask bc, List<CellResult> tc,
      Map<String, Map<String, Double>> std) throws IOException {
    blocks.add(new Heading(3, bc.id() + " (" + bc.family() + ")"));
    blocks.add(new Para(bc.description() + " Version " + bc.version() + "; targets "
        + bc.task().targets() + "; training " + fmt(bc.trainingDays()) + " days."));
    List<String> header = new ArrayList<>(List.of("coupling", "mode", "paradigm", "status",
        "norm. RMSE"));
    bc.task().targets().forEach(t -> header.add(t + " RMSE"));
    header.addAll(List.of("inconsistency", "param. error", "seconds"));
    Map<String, List<CellResult>> by = new LinkedHashMap<>();
    tc.forEach(c -> by.computeIfAbsent(c.approach(), k -> new ArrayList<>()).add(c));
    Map<String, ReplicateStats.Interval> err = new LinkedHashMap<>();
    by.forEach((a, l) -> err.put(a, ReplicateStats.interval(l.stream().mapToDouble(c ->
        c.meanNormalisedRmse(std.getOrDefault(c.taskReplicate(), Map.of()))).toArray())));
    List<String> order = new ArrayList<>(by.keySet());
    order.sort(Comparator.comparingDouble((String a) -> {
      double e = err.get(a).mean();
      return Double.isNaN(e) ? Double.MAX_VALUE : e;
    }).thenComparing(a -> a));
    List<List<String>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String a : order) {
      List<CellResult> l = by.get(a);
      CellResult c = l.get(0);
      if (l.stream().allMatch(x -> x.status().equals(CellResult.NOT_APPLICABLE))) {
        notes.add(a + ": " + c.reason());
        continue;
      }
      List<CellResult> bad = l.stream().filter(x -> x.status().equals(CellResult.FAILED))
          .toList();
      List<CellResult> na = l.stream().filter(x -> x.status().equals(CellResult.NOT_APPLICABLE))
          .toList();
      String status = bad.isEmpty() && na.isEmpty() ? "ok" : (bad.isEmpty() ? ""
          : "failed in " + bad.size() + "/" + l.size() + ": " + bad.get(0).reason())
          + (na.isEmpty() ? "" : (bad.isEmpty() ? "" : "; ") + "not applicable in " + na.size()
          + "/" + l.size() + ": " + na.get(0).reason());
      if (l.stream().anyMatch(CellResult::timeCapHit)) {
        status += " (wall-time cap hit)";
      }
      List<String> row = new ArrayList<>(List.of(a, c.category(), c.paradigm(), status,
          err.get(a).text()));
      for (String t : bc.task().targets()) {
        row.add(ReplicateStats.interval(l.stream().mapToDouble(x -> x.scores().stream()
            .filter(s -> s.target().equals(t)).mapToDouble(TargetScore::rmse).findFirst()
            .orElse(Double.NaN)).toArray()).text());
      }
      row.addAll(List.of(ReplicateStats.interval(l.stream().mapToDouble(
          CellResult::inconsistency).toArray()).text(), ReplicateStats.interval(l.stream()
          .mapToDouble(CellResult::paramError).toArray()).text(), fmt(l.stream().mapToDouble(
          x -> x.fitSeconds() + x.predictSeconds()).average().orElse(Double.NaN))));
      rows.add(row);
    }
    blocks.add(new Table(header, rows));
    List<CellResult> first = tc.stream().filter(c -> c.replicate() == 1).toList();
    Map<String, Double> std1 = std.getOrDefault(bc.id() + "#1", Map.of());
    PublishedSpread spread = published.get(bc.id());
    if (spread != null) {
      List<List<String>> rec = RecoveryTable.rows(bc, spread, first);
      if (!rec.isEmpty()) {
        blocks.add(new Para("Fitted parameters (replicate 1) against the truth and the published"
            + " spread (" + spread.source() + "); a value counts as within when it lies between"
            + " the 5th and 95th percentile of the published finals."
            + (bc.trueParameters().isEmpty() ? " A real site has no truth: the published values"
                + " are a reference obtained with the authors' own protocol."
                : " The published targets were generated with the authors' Jacobi sweeps while"
                + " the task's mechanism takes exact steps, so even the best fit differs from the"
                + " truth by up to a few 0.1 % (see the README): where the published range is"
                + " narrower than that, read the relative error.")));
        blocks.add(new Table(RecoveryTable.header(spread), rec));
      }
    }
    if (!notes.isEmpty()) {
      blocks.add(new Para("Not applicable: " + String.join("; ", notes) + "."));
    }
    PlotWriter.Plot p = BenchPlots.errorByCoupling(dir, bc.id(), order, by, err);
    blocks.add(new Image(p.file(), p.caption()));
    PlotWriter.Plot ac = BenchPlots.accuracyVsCost(dir, bc.id(), order, by, err);
    blocks.add(new Image(ac.file(), ac.caption()));
    Map<String, CellResult> best = bestByParadigm(first, bc.id(), std1);
    String target = bc.task().targets().get(0);
    Map<String, double[]> series = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    best.forEach((par, c) -> {
      if (c.series().containsKey(target)) {
        series.put(par, c.series().get(target));
        labels.put(par, par + ": " + c.approach());
      }
    });
    if (!series.isEmpty()) {
      int from = bc.task().split().validationEnd();
      double[] truth = bc.truth().values(target, from, bc.task().split().size());
      double[] hours = new double[truth.length];
      for (int i = 0; i < hours.length; i++) {
        hours[i] = i * bc.task().forcing().stepSeconds() / 3600.0;
      }
      PlotWriter.Plot s = BenchPlots.series(dir, bc.id(), target, hours, truth, series, labels);
      blocks.add(new Image(s.file(), s.caption()));
    }
    bandPlot(dir, bc, tc);
  }

  /** Best ok cell of each paradigm on a task (by mean normalised RMSE). */
  static Map<String, CellResult> bestByParadigm(List<CellResult> cells, String task,
      Map<String, Double> std) {
    Map<String, CellResult> best = new TreeMap<>();
    for (CellResult c : cells) {
      double e = c.meanNormalisedRmse(std);
      if (!c.task().equals(task) || Double.isNaN(e)) {
        continue;
      }
      CellResult b = best.get(c.paradigm());
      if (b == null || e < b.meanNormalisedRmse(std)) {
        best.put(c.paradigm(), c);
      }
    }
    return best;
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v != 0)
        ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.3f", v);
  }

  String markdown() {
    StringBuilder sb = new StringBuilder();
    for (Object b : blocks) {
      if (b instanceof Heading h) {
        sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Para p) {
        sb.append(p.text()).append("\n\n");
      } else if (b instanceof Bullets l) {
        l.items().forEach(x -> sb.append("- ").append(x).append('\n'));
        sb.append('\n');
      } else if (b instanceof Table t) {
        sb.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
        t.header().forEach(x -> sb.append("---|"));
        sb.append('\n');
        for (List<String> r : t.rows()) {
          sb.append("| ").append(r.stream().map(x -> x.replace("|", "/"))
              .collect(Collectors.joining(" | "))).append(" |\n");
        }
        sb.append('\n');
      } else if (b instanceof Image i) {
        sb.append("![").append(i.caption()).append("](").append(i.file()).append(")\n\n");
      }
    }
    return sb.toString();
  }

  String html(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>cml4j paradigm benchmark</title><style>body{font-family:sans-serif;max-width:"
        + "1100px;margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0;font-size:"
        + "90%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}th{background:#eee}"
        + "img{max-width:100%}</style></head><body>\n");
    for (Object b : blocks) {
      if (b instanceof Heading h) {
        sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h")
            .append(h.level()).append(">\n");
      } else if (b instanceof Para p) {
        sb.append("<p>").append(inline(p.text())).append("</p>\n");
      } else if (b instanceof Bullets l) {
        sb.append("<ul>");
        l.items().forEach(x -> sb.append("<li>").append(inline(x)).append("</li>"));
        sb.append("</ul>\n");
      } else if (b instanceof Table t) {
        sb.append("<table><tr>");
        t.header().forEach(x -> sb.append("<th>").append(esc(x)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
          sb.append("<tr>");
          r.forEach(x -> sb.append("<td>").append(inline(x)).append("</td>"));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      } else if (b instanceof Image i) {
        byte[] png = Files.readAllBytes(dir.resolve(i.file()));
        sb.append("<figure><img alt=\"").append(esc(i.caption()))
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>")
            .append(esc(i.caption())).append("</figcaption></figure>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String inline(String s) {
    return esc(s).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")
        .replaceAll("\\*(.+?)\\*", "<i>$1</i>").replaceAll("`(.+?)`", "<code>$1</code>");
  }
}
