package org.cml4j.bench;

import org.cml4j.lsm.tasks.BenchTask;
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
import org.cml4j.cli.report.AtomicFiles;
import org.cml4j.cli.report.PlotWriter;
import org.cml4j.lsm.tasks.PublishedSpread;
import org.cml4j.lsm.tasks.TaskCatalog;

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
  public static void write(Path dir, List<BenchTask> cases, List<CellResult> cells,
      Map<String, PublishedSpread> published, String suite, long seed, double wallSeconds)
      throws IOException {
    BenchReport r = new BenchReport();
    r.published = Map.copyOf(published);
    r.build(dir, cases, cells, suite, seed, wallSeconds);
    AtomicFiles.writeString(dir.resolve("report.md"), r.markdown());
    AtomicFiles.writeString(dir.resolve("report.html"), r.html(dir));
  }

  private void build(Path dir, List<BenchTask> cases, List<CellResult> cells, String suite,
      long seed, double wall) throws IOException {
    Map<String, Map<String, Double>> std = new LinkedHashMap<>();
    cases.forEach(c -> std.put(c.id(), CellScorer.truthStd(c)));
    blocks.add(new Heading(1, "cml4j paradigm benchmark"));
    long ok = cells.stream().filter(c -> c.status().equals(CellResult.OK)).count();
    long failed = cells.stream().filter(c -> c.status().equals(CellResult.FAILED)).count();
    blocks.add(new Para(String.format(Locale.ROOT, "Suite `%s`, seed %d, %d tasks, %d cells run"
        + " (%d ok, %d failed, %d not applicable), wall time %.0f s. Errors are on each task's test"
        + " period against the truth; *normalised RMSE* is RMSE divided by the standard deviation"
        + " of the truth, averaged over all targets of the task, a target a coupling cannot"
        + " predict counting as 1 (the error of predicting the test-period mean). Files: `results.csv`,"
        + " `provenance.json`, `cells/`.", suite, seed, cases.size(), cells.size(), ok, failed,
        cells.size() - ok - failed, wall)));
    summary(dir, cases, cells, std);
    blocks.addAll(EmpiricalBenchmarkTable.blocks(cases, cells));
    blocks.add(new Heading(2, "Tasks"));
    for (BenchTask bc : cases) {
      List<CellResult> tc = cells.stream().filter(c -> c.task().equals(bc.id())).toList();
      taskSection(dir, bc, tc, std.get(bc.id()));
    }
  }

  private void summary(Path dir, List<BenchTask> cases, List<CellResult> cells,
      Map<String, Map<String, Double>> std) throws IOException {
    BenchFindings f = new BenchFindings(cases, cells, std);
    blocks.add(new Heading(2, "Summary: which paradigm wins where (measured)"));
    blocks.add(new Bullets(f.sentences()));
    List<List<String>> rows = new ArrayList<>();
    for (BenchTask bc : cases) {
      Map<String, CellResult> best = f.best.get(bc.id());
      if (best == null) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(bc.id(), bc.family()));
      for (String p : BenchPlots.ORDER) {
        CellResult c = best.get(p);
        row.add(c == null ? "–" : fmt(c.meanNormalisedRmse(std.get(bc.id()))) + " ("
            + c.approach() + ")");
      }
      row.add("**" + f.winner(bc.id()).getKey() + "**");
      rows.add(row);
    }
    blocks.add(new Para("Accuracy and extrapolation: best normalised test RMSE of each paradigm on"
        + " each task (the coupling achieving it in brackets) and the winner. Extrapolation tasks"
        + " are those of family `extrapolation` (test period hotter and drier than training)."));
    blocks.add(new Table(List.of("task", "family", "baseline", "cascade", "embedding", "fusion",
        "winner"), rows));
    if (!f.curves.isEmpty()) {
      List<List<String>> se = new ArrayList<>();
      f.curves.forEach((p, m) -> m.forEach((d, e) -> se.add(List.of(p, fmt(d), fmt(e)))));
      blocks.add(new Para("Sample efficiency: best normalised RMSE of each paradigm against the"
          + " number of training days on the structural twin."));
      blocks.add(new Table(List.of("paradigm", "training days", "best normalised RMSE"), se));
      PlotWriter.Plot p = BenchPlots.sampleEfficiency(dir, f.curves);
      blocks.add(new Image(p.file(), p.caption()));
    }
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
    PlotWriter.Plot ac = BenchPlots.accuracyVsCost(dir, cells, std);
    blocks.add(new Image(ac.file(), ac.caption()));
  }

  private void taskSection(Path dir, BenchTask bc, List<CellResult> tc, Map<String, Double> std)
      throws IOException {
    blocks.add(new Heading(3, bc.id() + " (" + bc.family() + ")"));
    blocks.add(new Para(bc.description() + " Version " + bc.version() + "; targets "
        + bc.task().targets() + "; training " + fmt(bc.trainingDays()) + " days."));
    List<String> header = new ArrayList<>(List.of("coupling", "mode", "paradigm", "status",
        "norm. RMSE"));
    bc.task().targets().forEach(t -> header.add(t + " RMSE"));
    header.addAll(List.of("inconsistency", "param. error", "seconds"));
    List<List<String>> rows = new ArrayList<>();
    List<CellResult> sorted = new ArrayList<>(tc);
    sorted.sort(Comparator.comparingDouble((CellResult c) -> {
      double e = c.meanNormalisedRmse(std);
      return Double.isNaN(e) ? Double.MAX_VALUE : e;
    }).thenComparing(CellResult::approach));
    List<String> notes = new ArrayList<>();
    for (CellResult c : sorted) {
      if (c.status().equals(CellResult.NOT_APPLICABLE)) {
        notes.add(c.approach() + ": " + c.reason());
        continue;
      }
      List<String> row = new ArrayList<>(List.of(c.approach(), c.category(), c.paradigm(),
          c.status().equals(CellResult.OK) ? "ok" : "failed: " + c.reason(),
          fmt(c.meanNormalisedRmse(std))));
      for (String t : bc.task().targets()) {
        row.add(c.scores().stream().filter(s -> s.target().equals(t)).findFirst()
            .map(s -> fmt(s.rmse())).orElse("–"));
      }
      row.addAll(List.of(fmt(c.inconsistency()), fmt(c.paramError()),
          fmt(c.fitSeconds() + c.predictSeconds())));
      rows.add(row);
    }
    blocks.add(new Table(header, rows));
    PublishedSpread spread = published.get(bc.id());
    if (spread != null) {
      List<List<String>> rec = RecoveryTable.rows(bc, spread, tc);
      if (!rec.isEmpty()) {
        blocks.add(new Para("Fitted parameters against the truth and the published spread ("
            + spread.source() + "); a value counts as within when it lies between the 5th and"
            + " 95th percentile of the published finals."
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
    PlotWriter.Plot p = BenchPlots.errorByCoupling(dir, bc.id(), tc, std);
    blocks.add(new Image(p.file(), p.caption()));
    Map<String, CellResult> best = bestByParadigm(tc, bc.id(), std);
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
