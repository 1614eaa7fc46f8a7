package org.cml4j.bench;

import static org.cml4j.bench.BenchReport.fmt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cml4j.lsm.tasks.BenchTask;
import org.cml4j.lsm.tasks.TaskCatalog;

/**
 * The report's summary statistics, computed once from the cells — best cell per paradigm and
 * task, sample-efficiency curves, cost and energy-balance consistency per paradigm — and the
 * findings in words: which paradigm wins where on accuracy, extrapolation, sample efficiency, cost
 * and physical consistency. Each sentence states what this run measured (and says so when a
 * dimension has no data), not what the review expects.
 */
final class BenchFindings {
  /** Paradigms within this relative margin of the best on a task are reported as a tie. */
  static final double TIE = 0.02;

  /** Cost and consistency of one paradigm's successful cells. */
  record ParadigmCost(int cellsOk, double medianSeconds, double maxSeconds,
      double meanInconsistency, int cellsWithFluxes) {}

  /** Task id to paradigm to its best cell (tasks in run order; tasks without results absent). */
  final Map<String, Map<String, CellResult>> best = new LinkedHashMap<>();
  /** Paradigm to training days to best normalised RMSE on the sample-efficiency tasks. */
  final Map<String, TreeMap<Double, Double>> curves = new TreeMap<>();
  /** Paradigm to the cost and consistency of its successful cells. */
  final Map<String, ParadigmCost> costs = new TreeMap<>();

  private final List<BenchTask> cases;
  private final List<CellResult> cells;
  private final Map<String, Map<String, Double>> std;

  BenchFindings(List<BenchTask> cases, List<CellResult> cells,
      Map<String, Map<String, Double>> std) {
    this.cases = cases;
    this.cells = cells;
    this.std = std;
    for (BenchTask bc : cases) {
      Map<String, CellResult> b = BenchReport.bestByParadigm(cells, bc.id(), std.get(bc.id()));
      if (b.isEmpty()) {
        continue;
      }
      best.put(bc.id(), b);
      if (bc.family().equals(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)) {
        b.forEach((p, c) -> curves.computeIfAbsent(p, k -> new TreeMap<>())
            .merge(bc.trainingDays(), c.meanNormalisedRmse(std.get(bc.id())), Math::min));
      }
    }
    cells.stream().filter(c -> c.status().equals(CellResult.OK)).collect(Collectors.groupingBy(
        CellResult::paradigm, TreeMap::new, Collectors.toList())).forEach((p, l) -> {
          double[] secs = l.stream().mapToDouble(c -> c.fitSeconds() + c.predictSeconds())
              .sorted().toArray();
          double[] inc = l.stream().mapToDouble(CellResult::inconsistency)
              .filter(Double::isFinite).toArray();
          costs.put(p, new ParadigmCost(l.size(), secs[secs.length / 2], secs[secs.length - 1],
              Arrays.stream(inc).average().orElse(Double.NaN), inc.length));
        });
  }

  /** The paradigm with the lowest normalised RMSE on a task (no tie rule). */
  Map.Entry<String, CellResult> winner(String task) {
    Map<String, Double> s = std.get(task);
    return best.get(task).entrySet().stream().min(Comparator.comparingDouble(
        e -> e.getValue().meanNormalisedRmse(s))).orElseThrow();
  }

  /** One sentence per dimension. */
  List<String> sentences() {
    Map<String, List<String>> wins = new TreeMap<>();
    List<String> extrapolation = new ArrayList<>();
    for (BenchTask bc : cases) {
      if (!best.containsKey(bc.id())) {
        continue;
      }
      Map<String, Double> s = std.get(bc.id());
      Map.Entry<String, CellResult> w = winner(bc.id());
      double top = w.getValue().meanNormalisedRmse(s);
      List<String> close = best.get(bc.id()).entrySet().stream().filter(e -> e.getValue()
          .meanNormalisedRmse(s) <= top * (1 + TIE)).map(Map.Entry::getKey).toList();
      wins.computeIfAbsent(close.size() == 1 ? w.getKey() : "tie of " + String.join(" and ",
          close), k -> new ArrayList<>()).add(bc.id());
      if (bc.family().equals(TaskCatalog.FAMILY_EXTRAPOLATION)) {
        CellResult phys = cells.stream().filter(c -> c.task().equals(bc.id())
            && c.approach().equals("baseline.physics-only")).findFirst().orElse(null);
        extrapolation.add(bc.id() + ": " + w.getKey() + " (" + w.getValue().approach() + ", "
            + fmt(top) + (phys == null ? ")"
            : " against " + fmt(phys.meanNormalisedRmse(s)) + " for the calibrated physics)"));
      }
    }
    List<String> out = new ArrayList<>();
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
        + sampleEfficiency() + ".");
    out.add(cost());
    out.add(consistency());
    return out;
  }

  private String sampleEfficiency() {
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

  private String cost() {
    if (costs.isEmpty()) {
      return "**Cost**: no successful cells.";
    }
    return "**Cost** (median seconds per cell, fit + predict): " + costs.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> e.getValue().medianSeconds()))
        .map(e -> e.getKey() + " " + fmt(e.getValue().medianSeconds()))
        .collect(Collectors.joining(" < ")) + ".";
  }

  private String consistency() {
    Map<String, ParadigmCost> withFluxes = new TreeMap<>();
    costs.forEach((p, c) -> {
      if (c.cellsWithFluxes() > 0) {
        withFluxes.put(p, c);
      }
    });
    if (withFluxes.isEmpty()) {
      return "**Physical consistency**: no cell predicted the fluxes needed for the energy"
          + " balance.";
    }
    List<String> none = cells.stream().map(CellResult::paradigm).distinct()
        .filter(p -> !withFluxes.containsKey(p)).sorted().toList();
    return "**Physical consistency** (mean fraction of test steps violating the surface energy"
        + " balance by more than " + CellScorer.ENERGY_TOLERANCE + " W m-2, lower is better): "
        + withFluxes.entrySet().stream().sorted(Comparator.comparingDouble(
            e -> e.getValue().meanInconsistency()))
            .map(e -> e.getKey() + " " + fmt(e.getValue().meanInconsistency()) + " ("
                + e.getValue().cellsWithFluxes() + " cells)")
            .collect(Collectors.joining(", "))
        + (none.isEmpty() ? "" : "; " + String.join(", ", none) + " predicted no complete set of"
            + " fluxes") + ".";
  }

  private static String days(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : fmt(d);
  }
}
