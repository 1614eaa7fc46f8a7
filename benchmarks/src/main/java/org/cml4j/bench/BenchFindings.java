package org.cml4j.bench;

import static org.cml4j.bench.BenchReport.fmt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cml4j.lsm.tasks.BenchTask;
import org.cml4j.lsm.tasks.TaskCatalog;

/**
 * The report's findings in words: which paradigm wins where on accuracy, extrapolation, sample
 * efficiency, cost and physical consistency — each sentence computed from the cells, so it states
 * what this run measured (and says so when a dimension has no data), not what the review expects.
 */
final class BenchFindings {
  private BenchFindings() {}

  /** Paradigms within this relative margin of the best on a task are reported as a tie. */
  static final double TIE = 0.02;

  /** One sentence per dimension. */
  static List<String> of(List<BenchTask> cases, List<CellResult> cells,
      Map<String, Map<String, Double>> std) {
    List<String> out = new ArrayList<>();
    Map<String, List<String>> wins = new TreeMap<>();
    List<String> extrapolation = new ArrayList<>();
    Map<String, TreeMap<Double, Double>> curves = new TreeMap<>();
    for (BenchTask bc : cases) {
      Map<String, Double> s = std.get(bc.id());
      Map<String, CellResult> best = BenchReport.bestByParadigm(cells, bc.id(), s);
      if (best.isEmpty()) {
        continue;
      }
      Map.Entry<String, CellResult> w = best.entrySet().stream().min(Comparator
          .comparingDouble(e -> e.getValue().meanNormalisedRmse(s))).orElseThrow();
      double top = w.getValue().meanNormalisedRmse(s);
      List<String> close = best.entrySet().stream().filter(e -> e.getValue()
          .meanNormalisedRmse(s) <= top * (1 + TIE)).map(Map.Entry::getKey).toList();
      wins.computeIfAbsent(close.size() == 1 ? w.getKey() : "tie of " + String.join(" and ",
          close), k -> new ArrayList<>()).add(bc.id());
      if (bc.family().equals(TaskCatalog.FAMILY_EXTRAPOLATION)) {
        CellResult phys = cells.stream().filter(c -> c.task().equals(bc.id())
            && c.approach().equals("baseline.physics-only")).findFirst().orElse(null);
        extrapolation.add(bc.id() + ": " + w.getKey() + " (" + w.getValue().approach() + ", "
            + fmt(w.getValue().meanNormalisedRmse(s)) + (phys == null ? ")"
            : " against " + fmt(phys.meanNormalisedRmse(s)) + " for the calibrated physics)"));
      }
      if (bc.family().equals(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)) {
        best.forEach((p, c) -> curves.computeIfAbsent(p, k -> new TreeMap<>())
            .merge(bc.trainingDays(), c.meanNormalisedRmse(s), Math::min));
      }
    }
    out.add("**Accuracy**: lowest normalised test RMSE (within " + Math.round(TIE * 100)
        + " % counts as a tie) — " + (wins.isEmpty() ? "no successful cells"
        : wins.entrySet().stream().sorted(Comparator.comparingInt(
            (Map.Entry<String, List<String>> e) -> -e.getValue().size()))
            .map(e -> e.getKey() + " on " + e.getValue().size() + " task"
                + (e.getValue().size() == 1 ? "" : "s") + " (" + String.join(", ", e.getValue())
                + ")").collect(Collectors.joining("; "))) + ".");
    out.add("**Extrapolation** (test hotter and drier than training): " + (extrapolation.isEmpty()
        ? "no extrapolation task in this run" : String.join("; ", extrapolation)) + ".");
    out.add("**Sample efficiency** (best paradigm at each number of training days): "
        + sampleEfficiency(curves) + ".");
    out.add(cost(cells));
    out.add(consistency(cells));
    return out;
  }

  private static String sampleEfficiency(Map<String, TreeMap<Double, Double>> curves) {
    TreeMap<Double, String> bestAt = new TreeMap<>();
    TreeMap<Double, Double> errAt = new TreeMap<>();
    curves.forEach((p, m) -> m.forEach((d, e) -> {
      if (!errAt.containsKey(d) || e < errAt.get(d)) {
        errAt.put(d, e);
        bestAt.put(d, p);
      }
    }));
    if (bestAt.isEmpty()) {
      return "no sample-efficiency task in this run";
    }
    return bestAt.entrySet().stream().map(e -> days(e.getKey()) + " d " + e.getValue() + " ("
        + fmt(errAt.get(e.getKey())) + ")").collect(Collectors.joining(", "));
  }

  private static String cost(List<CellResult> cells) {
    Map<String, double[]> secs = cells.stream().filter(c -> c.status().equals(CellResult.OK))
        .collect(Collectors.groupingBy(CellResult::paradigm, TreeMap::new,
            Collectors.collectingAndThen(Collectors.toList(), l -> l.stream()
                .mapToDouble(c -> c.fitSeconds() + c.predictSeconds()).sorted().toArray())));
    if (secs.isEmpty()) {
      return "**Cost**: no successful cells.";
    }
    return "**Cost** (median seconds per cell, fit + predict): " + secs.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> median(e.getValue())))
        .map(e -> e.getKey() + " " + fmt(median(e.getValue())))
        .collect(Collectors.joining(" < ")) + ".";
  }

  private static String consistency(List<CellResult> cells) {
    Map<String, double[]> inc = cells.stream().filter(c -> c.status().equals(CellResult.OK)
        && Double.isFinite(c.inconsistency())).collect(Collectors.groupingBy(
            CellResult::paradigm, TreeMap::new, Collectors.collectingAndThen(Collectors.toList(),
                l -> l.stream().mapToDouble(CellResult::inconsistency).toArray())));
    if (inc.isEmpty()) {
      return "**Physical consistency**: no cell predicted the fluxes needed for the energy"
          + " balance.";
    }
    List<String> none = cells.stream().map(CellResult::paradigm).distinct()
        .filter(p -> !inc.containsKey(p)).sorted().toList();
    return "**Physical consistency** (mean fraction of test steps violating the surface energy"
        + " balance by more than " + CellScorer.ENERGY_TOLERANCE + " W m-2, lower is better): "
        + inc.entrySet().stream().sorted(Comparator.comparingDouble(
            e -> Arrays.stream(e.getValue()).average().orElse(Double.NaN)))
            .map(e -> e.getKey() + " " + fmt(Arrays.stream(e.getValue()).average().orElse(
                Double.NaN)) + " (" + e.getValue().length + " cells)")
            .collect(Collectors.joining(", "))
        + (none.isEmpty() ? "" : "; " + String.join(", ", none) + " predicted no complete set of"
            + " fluxes") + ".";
  }

  private static String days(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : fmt(d);
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
