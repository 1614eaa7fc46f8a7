package org.cml4j.bench;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.twin.StructuralTwinModel;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * Noise or non-stationarity in the sample-efficiency curves. For the calibrated physics
 * ({@code baseline.physics-only}) at each training size: its mean normalised RMSE over replicates
 * with a 95 % interval, and the mean absolute gap between the top-horizon soil moisture of the
 * truth averaged over the visible (training) window and over the test period — a measure of how
 * far the training regime is from the test regime. The size with the lowest mean error is compared
 * with the largest size in a paired Wilcoxon test (same replicate and target): a significant rise
 * together with a growing moisture gap means the longer windows reach into another regime
 * (non-stationarity), no significant difference means the non-monotone curve is replicate noise.
 */
final class SampleEfficiency {
  static final String PHYSICS = "baseline.physics-only";

  /** One training size. */
  record Row(double days, ReplicateStats.Interval physics, ReplicateStats.Interval moistureGap,
      List<CellResult> cells) {}

  final List<Row> rows = new ArrayList<>();
  final String verdict;

  SampleEfficiency(List<BenchRunner.Replicate> runs, List<CellResult> cells,
      Map<String, Map<String, Double>> std, BenchFindings f) {
    TreeMap<Double, List<BenchTask>> bySize = new TreeMap<>();
    List<String> targets = List.of();
    for (BenchRunner.Replicate r : runs) {
      for (BenchTask bc : r.tasks()) {
        if (bc.family().equals(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)) {
          bySize.computeIfAbsent(bc.trainingDays(), k -> new ArrayList<>()).add(bc);
          targets = bc.task().targets();
        }
      }
    }
    for (var e : bySize.entrySet()) {
      String id = e.getValue().get(0).id();
      List<CellResult> phys = cells.stream().filter(c -> c.task().equals(id)
          && c.approach().equals(PHYSICS)).toList();
      double[] gaps = e.getValue().stream().mapToDouble(SampleEfficiency::moistureGap).toArray();
      rows.add(new Row(e.getKey(), f.error(phys), ReplicateStats.interval(gaps), phys));
    }
    verdict = verdict(targets, std);
  }

  private String verdict(List<String> targets, Map<String, Map<String, Double>> std) {
    List<Row> ok = rows.stream().filter(r -> r.physics().n() > 0).toList();
    if (ok.size() < 2) {
      return "fewer than two training sizes with a calibrated-physics result: no trend to test";
    }
    Row bestRow = ok.stream().min(Comparator.comparingDouble(r -> r.physics().mean()))
        .orElseThrow();
    Row last = ok.get(ok.size() - 1);
    if (bestRow == last) {
      return "the calibrated physics is most accurate with the longest window ("
          + BenchFindings.days(last.days()) + " d, " + last.physics().text() + "): no sign of"
          + " non-stationarity";
    }
    ReplicateStats.Paired p = ReplicateStats.compare(last.cells(), bestRow.cells(), targets, std);
    String what = "calibrated physics " + last.physics().text() + " at "
        + BenchFindings.days(last.days()) + " d against " + bestRow.physics().text() + " at "
        + BenchFindings.days(bestRow.days()) + " d (paired Wilcoxon " + p.text()
        + "); training-test top-soil moisture gap " + last.moistureGap().text() + " against "
        + bestRow.moistureGap().text() + " m3 m-3";
    if (!p.significant()) {
      return what + ": no significant difference, the non-monotone curve is within replicate"
          + " noise" + (p.n() < 6 ? " (with " + p.n() + " pairs the test cannot reach 5 %)" : "");
    }
    boolean worse = p.meanDiff() > 0;
    boolean gapGrows = last.moistureGap().mean() > bestRow.moistureGap().mean();
    return what + (worse ? gapGrows
        ? ": significantly worse with more data while the moisture gap grows — non-stationarity"
            + " (the longer window reaches into another soil-moisture regime), not noise"
        : ": significantly worse with more data although the moisture gap does not grow —"
            + " systematic, but not explained by soil moisture"
        : ": significantly better with more data");
  }

  /** |mean top-horizon moisture over the visible window − over the test period| [m3 m-3]. */
  static double moistureGap(BenchTask bc) {
    String v = StructuralTwinModel.soilMoisture(0);
    if (!bc.truth().has(v)) {
      return Double.NaN;
    }
    TimeSplit s = bc.task().split();
    return Math.abs(mean(bc.truth().values(v, 0, s.validationEnd()))
        - mean(bc.truth().values(v, s.validationEnd(), s.size())));
  }

  private static double mean(double[] x) {
    return java.util.Arrays.stream(x).filter(Double::isFinite).average().orElse(Double.NaN);
  }

  /** Table rows: days, physics error, moisture gap. */
  List<List<String>> table() {
    return rows.stream().map(r -> List.of(BenchFindings.days(r.days()), r.physics().text(),
        r.moistureGap().n() == 0 ? "–" : r.moistureGap().text())).toList();
  }

}
