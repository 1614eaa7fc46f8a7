package org.cml4j.bench;

import static org.cml4j.bench.BenchReport.fmt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.bench.ReportDocument.Heading;
import org.cml4j.bench.ReportDocument.Image;
import org.cml4j.bench.ReportDocument.Para;
import org.cml4j.bench.ReportDocument.Table;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.PublishedSpread;

/**
 * One task's section of the benchmark report: the table of every coupling (status, normalised and
 * per-target RMSE with their replicate intervals, inconsistency, parameter error, seconds), the
 * parameter recovery against a published spread, and the plots (error by coupling, accuracy
 * against cost, the test-period series of each paradigm's best coupling, predictive bands).
 *
 * @param dir the report folder (plots are written there)
 * @param bc the task
 * @param tc the task's cells (every coupling and replicate)
 * @param std truth standard deviation per target, keyed by {@link CellResult#taskReplicate()}
 * @param doc the report the blocks are appended to
 */
record TaskSection(Path dir, BenchTask bc, List<CellResult> tc,
    Map<String, Map<String, Double>> std, ReportDocument doc) {

  /** Appends the section; {@code spread} is the task's published spread, or null. */
  void write(PublishedSpread spread) throws IOException {
    doc.add(new Heading(3, bc.id() + " (" + bc.family() + ")"));
    doc.add(new Para(bc.description() + " Version " + bc.version() + "; targets "
        + bc.task().targets() + "; training " + fmt(bc.trainingDays()) + " days."));
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
    List<String> notes = couplingTable(order, by, err);
    List<CellResult> first = tc.stream().filter(c -> c.replicate() == 1).toList();
    if (spread != null) {
      recovery(spread, first);
    }
    if (!notes.isEmpty()) {
      doc.add(new Para("Not applicable: " + String.join("; ", notes) + "."));
    }
    doc.add(Image.of(BenchPlots.errorByCoupling(dir, bc.id(), order, by, err)));
    doc.add(Image.of(BenchPlots.accuracyVsCost(dir, bc.id(), order, by, err)));
    seriesPlot(first);
    bandPlot();
  }

  /** The coupling table; returns the notes of couplings not applicable in every replicate. */
  private List<String> couplingTable(List<String> order, Map<String, List<CellResult>> by,
      Map<String, ReplicateStats.Interval> err) {
    List<String> header = new ArrayList<>(List.of("coupling", "mode", "paradigm", "status",
        "norm. RMSE"));
    bc.task().targets().forEach(t -> header.add(t + " RMSE"));
    header.addAll(List.of("inconsistency", "param. error", "seconds"));
    List<List<String>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String a : order) {
      List<CellResult> l = by.get(a);
      CellResult c = l.get(0);
      if (l.stream().allMatch(x -> x.status().equals(CellResult.NOT_APPLICABLE))) {
        notes.add(a + ": " + c.reason());
        continue;
      }
      List<String> row = new ArrayList<>(List.of(a, c.category(), c.paradigm(), status(l),
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
    doc.add(new Table(header, rows));
    return notes;
  }

  /** "ok", or how many replicates failed or were not applicable, and the first reason. */
  private static String status(List<CellResult> l) {
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
    return status;
  }

  private void recovery(PublishedSpread spread, List<CellResult> first) {
    List<List<String>> rec = RecoveryTable.rows(bc, spread, first);
    if (rec.isEmpty()) {
      return;
    }
    doc.add(new Para("Fitted parameters (replicate 1) against the truth and the published"
        + " spread (" + spread.source() + "); a value counts as within when it lies between"
        + " the 5th and 95th percentile of the published finals."
        + (bc.trueParameters().isEmpty() ? " A real site has no truth: the published values"
            + " are a reference obtained with the authors' own protocol."
            : " The published targets were generated with the authors' Jacobi sweeps while"
            + " the task's mechanism takes exact steps, so even the best fit differs from the"
            + " truth by up to a few 0.1 % (see the README): where the published range is"
            + " narrower than that, read the relative error.")));
    doc.add(new Table(RecoveryTable.header(spread), rec));
  }

  /** The first target on the test period: truth and the best coupling of each paradigm. */
  private void seriesPlot(List<CellResult> first) throws IOException {
    Map<String, CellResult> best = bestByParadigm(first, bc.id(),
        std.getOrDefault(bc.id() + "#1", Map.of()));
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
      double[] truth = testTruth(target);
      doc.add(Image.of(BenchPlots.series(dir, bc.id(), target, hours(truth.length), truth,
          series, labels)));
    }
  }

  /**
   * The 90 % bands on the first target of the task with any predictive distribution: the first
   * coupling of each paradigm that has one (replicate 1).
   */
  private void bandPlot() throws IOException {
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
        double[] truth = testTruth(target);
        doc.add(Image.of(BenchPlots.bands(dir, bc.id(), target, hours(truth.length), truth,
            band, par)));
        return;
      }
    }
  }

  /** The truth of {@code target} on the test period. */
  private double[] testTruth(String target) {
    return bc.truth().values(target, bc.task().split().validationEnd(),
        bc.task().split().size());
  }

  /** Hours since the start of the test period of its first {@code n} steps. */
  private double[] hours(int n) {
    double[] hours = new double[n];
    for (int i = 0; i < n; i++) {
      hours[i] = i * bc.task().forcing().stepSeconds() / 3600.0;
    }
    return hours;
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
}
