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
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * The report's summary statistics, computed once from the cells of all replicates — best
 * coupling per paradigm and task (lowest mean normalised RMSE over replicates), the paired test
 * deciding each task's winner, sample-efficiency curves, cost and energy-balance consistency per
 * paradigm — and the findings in words. The winner column of the summary table and the accuracy
 * sentence both read {@link #verdicts}: a paradigm is named winner of a task only when its best
 * coupling beats the runner-up paradigm's best coupling in a paired Wilcoxon signed-rank test at
 * 5 % (pairs: same replicate and target); otherwise the task reads "no significant difference".
 */
final class BenchFindings {
  /** Cost and consistency of one paradigm's successful cells. */
  record ParadigmCost(int cellsOk, double medianSeconds, double maxSeconds,
      double meanInconsistency, int cellsWithFluxes) {}

  /** The replicate cells of one coupling on one task, with its mean normalised RMSE. */
  record Best(String approach, List<CellResult> cells, ReplicateStats.Interval error) {}

  /**
   * Outcome of one task: leading paradigm (lowest mean), runner-up (null if only one paradigm
   * ran) and the paired test between their best couplings.
   */
  record Verdict(String leader, String runnerUp, ReplicateStats.Paired test) {
    boolean significant() {
      return runnerUp != null && test.significant();
    }

    /** Table cell: the winner, or why there is none. */
    String label() {
      if (runnerUp == null) {
        return leader + " (only paradigm)";
      }
      return significant() ? leader : "no significant difference (" + leader + " vs " + runnerUp
          + ", " + test.text() + ")";
    }
  }

  /** Task id to paradigm to its best coupling (tasks in run order). */
  final Map<String, Map<String, Best>> best = new LinkedHashMap<>();
  /** Task id to its verdict. */
  final Map<String, Verdict> verdicts = new LinkedHashMap<>();
  /** Paradigm to training days to the best coupling on the sample-efficiency task of that size. */
  final Map<String, TreeMap<Double, Best>> curves = new TreeMap<>();
  /** Paradigm to the cost and consistency of its successful cells. */
  final Map<String, ParadigmCost> costs = new TreeMap<>();

  private final List<BenchTask> cases;
  private final List<CellResult> cells;
  private final Map<String, Map<String, Double>> std;

  /**
   * @param cases tasks of the first replicate (ids and families)
   * @param std {@link CellResult#taskReplicate()} to the truth's std per target
   */
  BenchFindings(List<BenchTask> cases, List<CellResult> cells,
      Map<String, Map<String, Double>> std) {
    this.cases = cases;
    this.cells = cells;
    this.std = std;
    for (BenchTask bc : cases) {
      Map<String, Best> b = bestByParadigm(bc.id());
      if (b.isEmpty()) {
        continue;
      }
      best.put(bc.id(), b);
      List<Map.Entry<String, Best>> ranked = b.entrySet().stream().sorted(Comparator
          .comparingDouble(e -> e.getValue().error().mean())).toList();
      Map.Entry<String, Best> lead = ranked.get(0);
      Map.Entry<String, Best> second = ranked.size() > 1 ? ranked.get(1) : null;
      verdicts.put(bc.id(), new Verdict(lead.getKey(), second == null ? null : second.getKey(),
          second == null ? new ReplicateStats.Paired(1, 0, 0) : ReplicateStats.compare(
              lead.getValue().cells(), second.getValue().cells(), bc.task().targets(), std)));
      if (bc.family().equals(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)) {
        b.forEach((p, c) -> curves.computeIfAbsent(p, k -> new TreeMap<>())
            .merge(bc.trainingDays(), c, (x, y) -> x.error().mean() <= y.error().mean() ? x : y));
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

  /** Replicate cells of each approach on a task, in run order. */
  Map<String, List<CellResult>> byApproach(String task) {
    Map<String, List<CellResult>> m = new LinkedHashMap<>();
    cells.stream().filter(c -> c.task().equals(task))
        .forEach(c -> m.computeIfAbsent(c.approach(), k -> new ArrayList<>()).add(c));
    return m;
  }

  /** Mean normalised RMSE over replicates of one approach's cells (ok cells only). */
  ReplicateStats.Interval error(List<CellResult> l) {
    return ReplicateStats.interval(l.stream().mapToDouble(c -> c.meanNormalisedRmse(
        std.getOrDefault(c.taskReplicate(), Map.of()))).toArray());
  }

  /**
   * Best coupling of each paradigm among those with a result in as many replicates as the most
   * complete coupling of the task (a mean over fewer, different replicates is not comparable).
   */
  private Map<String, Best> bestByParadigm(String task) {
    Map<String, Best> out = new TreeMap<>();
    Map<String, List<CellResult>> by = byApproach(task);
    int full = by.values().stream().mapToInt(l -> error(l).n()).max().orElse(0);
    by.forEach((a, l) -> {
      ReplicateStats.Interval e = error(l);
      if (e.n() == 0 || e.n() < full) {
        return;
      }
      String p = l.get(0).paradigm();
      Best b = out.get(p);
      if (b == null || e.mean() < b.error().mean()) {
        out.put(p, new Best(a, l, e));
      }
    });
    return out;
  }

  /** One sentence per dimension. */
  List<String> sentences() {
    Map<String, List<String>> wins = new TreeMap<>();
    List<String> none = new ArrayList<>();
    List<String> extrapolation = new ArrayList<>();
    for (BenchTask bc : cases) {
      Verdict v = verdicts.get(bc.id());
      if (v == null) {
        continue;
      }
      if (v.significant() || v.runnerUp() == null) {
        wins.computeIfAbsent(v.leader(), k -> new ArrayList<>()).add(bc.id() + (v.runnerUp()
            == null ? "" : ", " + v.test().text()));
      } else {
        none.add(bc.id() + ": " + v.leader() + " vs " + v.runnerUp() + ", " + v.test().text());
      }
      if (bc.family().equals(TaskCatalog.FAMILY_EXTRAPOLATION)) {
        Best w = best.get(bc.id()).get(v.leader());
        List<CellResult> phys = byApproach(bc.id()).get("baseline.physics-only");
        extrapolation.add(bc.id() + ": " + (v.significant() ? v.leader()
            : "no significant winner; lowest " + v.leader()) + " (" + w.approach() + ", "
            + w.error().text() + (phys == null ? ")"
            : " against " + error(phys).text() + " for the calibrated physics)"));
      }
    }
    int reps = cells.stream().mapToInt(CellResult::replicate).max().orElse(1);
    List<String> out = new ArrayList<>();
    String w = wins.entrySet().stream().sorted(Comparator.comparingInt(
        (Map.Entry<String, List<String>> e) -> -e.getValue().size()))
        .map(e -> e.getKey() + " on " + e.getValue().size() + " task"
            + (e.getValue().size() == 1 ? "" : "s") + " (" + String.join("; ", e.getValue())
            + ")").collect(Collectors.joining("; "));
    out.add("**Accuracy**: lowest mean normalised test RMSE over " + reps + " replicate"
        + (reps == 1 ? "" : "s") + ", a winner named only when it beats the runner-up paradigm"
        + " in a paired two-sided Wilcoxon signed-rank test at 5 % (pairs: same replicate and"
        + " target) — " + (verdicts.isEmpty() ? "no successful cells" : (w.isEmpty() ? ""
        : w + (none.isEmpty() ? "" : "; ")) + (none.isEmpty() ? ""
        : "no significant difference on " + none.size() + " task" + (none.size() == 1 ? ""
        : "s") + " (" + String.join("; ", none) + ")")) + ".");
    out.add("**Extrapolation** (test hotter and drier than training): " + (extrapolation.isEmpty()
        ? "no extrapolation task in this run" : String.join("; ", extrapolation)) + ".");
    out.add("**Sample efficiency** (best paradigm at each number of training days, mean over"
        + " replicates): " + sampleEfficiency() + ".");
    out.add(cost());
    out.add(consistency());
    return out;
  }

  private String sampleEfficiency() {
    TreeMap<Double, Map.Entry<String, Best>> at = new TreeMap<>();
    curves.forEach((p, m) -> m.forEach((d, b) -> {
      if (!at.containsKey(d) || b.error().mean() < at.get(d).getValue().error().mean()) {
        at.put(d, Map.entry(p, b));
      }
    }));
    if (at.isEmpty()) {
      return "no sample-efficiency task in this run";
    }
    return at.entrySet().stream().map(e -> days(e.getKey()) + " d " + e.getValue().getKey()
        + " (" + e.getValue().getValue().error().text() + ")").collect(Collectors.joining(", "));
  }

  private String cost() {
    if (costs.isEmpty()) {
      return "**Cost**: no successful cells.";
    }
    List<CouplingCost> top = CouplingCost.of(cells);
    return "**Cost** (median seconds per cell, fit + predict): " + costs.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> e.getValue().medianSeconds()))
        .map(e -> e.getKey() + " " + fmt(e.getValue().medianSeconds()))
        .collect(Collectors.joining(" < ")) + "; costliest couplings (total seconds): "
        + top.stream().limit(4).map(c -> c.approach() + " " + fmt(c.totalSeconds()))
            .collect(Collectors.joining(", ")) + ".";
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

  static String days(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : fmt(d);
  }
}
