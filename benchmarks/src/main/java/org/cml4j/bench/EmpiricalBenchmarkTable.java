package org.cml4j.bench;

import static org.cml4j.bench.EmpiricalComparison.averaged;
import static org.cml4j.bench.EmpiricalComparison.beats;
import static org.cml4j.bench.EmpiricalComparison.better;
import static org.cml4j.bench.EmpiricalComparison.meanRanks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.bench.EmpiricalComparison.Key;
import org.cml4j.core.baseline.EmpiricalBaseline;
import org.cml4j.testbeds.tasks.BenchTask;

/**
 * The report section "against the empirical benchmarks": for every approach and target, on how
 * many of the six PLUMBER2 metrics it is better than each of {@code baseline.1lin},
 * {@code baseline.2lin} and {@code baseline.3km27} on the test period, and the mean normalised
 * rank of every approach (Best et al. 2015; Abramowitz et al. 2024).
 *
 * <p>Definitions. Metrics, all lower-is-better: MAE, |mean bias|, |1 - sd_m/sd_o|, 1 - r, P5 and
 * P95 errors. An approach is <em>better</em> than a benchmark on a metric when its value is
 * strictly lower (PLUMBER2 counting); it <em>beats</em> the benchmark on a (task, target) when it
 * is better on more than half of the metrics both have defined. Several replicates of one (task,
 * approach) are first averaged metric by metric (the mean bias signed, then made absolute).
 * Ranking: for each (task, target, metric) the approaches with a defined value are ranked (1 =
 * best, ties share the mean rank) and the rank r of m approaches is normalised to
 * {@code (r - 1)/(m - 1)} ({@link org.cml4j.core.metrics.Metrics#normalisedRanks}); an
 * approach's mean normalised rank is the plain mean over all (task, metric) groups of a target
 * (and over all groups for "all"), as PLUMBER averages ranks over metrics and sites (Best et al.
 * 2015). The computation is in {@link EmpiricalComparison}.
 */
final class EmpiricalBenchmarkTable {
  static final List<String> BENCHMARKS = EmpiricalComparison.BENCHMARKS;

  private EmpiricalBenchmarkTable() {}

  /** Report blocks of this section (a {@link ReportDocument}'s blocks). */
  static List<ReportDocument.Block> blocks(List<BenchTask> cases, List<CellResult> cells) {
    List<ReportDocument.Block> b = new ArrayList<>();
    b.add(new ReportDocument.Heading(2, "Against the empirical benchmarks (PLUMBER)"));
    Map<Key, double[]> avg = averaged(cells);
    Set<String> present = new LinkedHashSet<>();
    avg.keySet().stream().map(Key::approach).filter(BENCHMARKS::contains).forEach(present::add);
    if (present.isEmpty()) {
      b.add(new ReportDocument.Para("No empirical benchmark (" + String.join(", ", BENCHMARKS)
          + ") ran in this suite, so there is nothing to compare against."));
      return b;
    }
    b.add(new ReportDocument.Para(intro(cases)));
    List<String> approaches = new ArrayList<>();
    avg.keySet().stream().map(Key::approach).filter(a -> !BENCHMARKS.contains(a)).distinct()
        .forEach(approaches::add);
    // summary: (task, target) pairs beaten per benchmark
    Map<String, int[]> tally = new LinkedHashMap<>(); // per approach: pairs, per-bench, all
    Map<String, int[]> byTarget = new LinkedHashMap<>(); // the same per target
    List<List<String>> detail = new ArrayList<>();
    for (BenchTask bc : cases) {
      for (String a : approaches) {
        List<String> row = new ArrayList<>(List.of(bc.id(), a));
        int pairs = 0;
        int all = 0;
        for (String t : bc.task().targets()) {
          double[] m = avg.get(new Key(bc.id(), a, t));
          List<int[]> vs = BENCHMARKS.stream().map(x -> better(m, avg.get(new Key(bc.id(), x,
              t)))).toList();
          if (m == null || vs.stream().allMatch(v -> v == null)) {
            row.add("–");
            continue;
          }
          pairs++;
          int[] tl = tally.computeIfAbsent(a, x -> new int[2 + BENCHMARKS.size()]);
          int[] tt = byTarget.computeIfAbsent(t, x -> new int[2 + BENCHMARKS.size()]);
          tl[0]++;
          tt[0]++;
          boolean beatsAll = true;
          StringBuilder cell = new StringBuilder();
          for (int i = 0; i < vs.size(); i++) {
            int[] v = vs.get(i);
            cell.append(i == 0 ? "" : " ").append(v == null ? "–" : v[0] + "/" + v[1]);
            if (v != null && beats(v)) {
              tl[1 + i]++;
              tt[1 + i]++;
            } else if (v != null) {
              beatsAll = false;
            }
          }
          if (beatsAll) {
            tl[1 + BENCHMARKS.size()]++;
            tt[1 + BENCHMARKS.size()]++;
            all++;
          }
          row.add(beatsAll ? "**" + cell + "**" : cell.toString());
        }
        if (pairs > 0) {
          row.add(all + " of " + pairs);
          detail.add(row);
        }
      }
    }
    List<List<String>> sum = new ArrayList<>();
    List<String> failing2 = new ArrayList<>();
    List<String> failing3 = new ArrayList<>();
    List<String> allWins = new ArrayList<>();
    tally.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, int[]> e)
        -> -(double) e.getValue()[1 + BENCHMARKS.size()] / e.getValue()[0])
        .thenComparing(Map.Entry::getKey)).forEach(e -> {
          int[] tl = e.getValue();
          sum.add(tallyRow(e.getKey(), tl));
          if (2 * tl[2] <= tl[0] && present.contains(BENCHMARKS.get(1))) {
            failing2.add(e.getKey());
          }
          if (2 * tl[3] <= tl[0] && present.contains(BENCHMARKS.get(2))) {
            failing3.add(e.getKey());
          }
          if (tl[1 + BENCHMARKS.size()] == tl[0]) {
            allWins.add(e.getKey());
          }
        });
    List<String> targets = new ArrayList<>();
    cases.forEach(c -> c.task().targets().stream().filter(t -> !targets.contains(t))
        .forEach(targets::add));
    if (tally.isEmpty()) {
      b.add(new ReportDocument.Para("Only the empirical benchmarks ran: no other approach to"
          + " compare with them."));
    } else {
      b.add(new ReportDocument.Bullets(List.of(
          "Beat all three benchmarks on every (task, target) they predict: " + list(allWins) + ".",
          "Beat 2lin on **at most half** of their (task, target) pairs: " + list(failing2) + ".",
          "Beat 3km27 on **at most half** of their (task, target) pairs: " + list(failing3)
              + ".")));
      List<String> h = new ArrayList<>(List.of("approach", "(task, target) pairs"));
      BENCHMARKS.forEach(x -> h.add("beats " + x.substring("baseline.".length())));
      h.add("beats all three");
      b.add(new ReportDocument.Table(h, sum));
      List<String> weakTargets = new ArrayList<>();
      List<List<String>> tr = new ArrayList<>();
      byTarget.forEach((t, tt) -> {
        tr.add(tallyRow(t, tt));
        if (2 * tt[2] <= tt[0] || 2 * tt[3] <= tt[0]) {
          weakTargets.add(t + " (" + tt[2] + " and " + tt[3] + " of " + tt[0] + ")");
        }
      });
      b.add(new ReportDocument.Para("Per target, over every task and approach: (task, approach) pairs"
          + " beating each benchmark. Targets where at most half of the pairs beat 2lin or 3km27"
          + " (pairs beating 2lin and 3km27 in brackets): " + list(weakTargets) + "."));
      List<String> th0 = new ArrayList<>(h);
      th0.set(0, "target");
      th0.set(1, "(task, approach) pairs");
      b.add(new ReportDocument.Table(th0, tr));
      b.add(new ReportDocument.Para("Per task and target: metrics (of the six) on which the"
          + " approach is better than 1lin, 2lin and 3km27, in that order (`–`: not predicted by"
          + " one side); **bold** where it beats all three. Last column: targets on which it"
          + " beats all three."));
      for (BenchTask bc : cases) {
        List<List<String>> rows = detail.stream().filter(r -> r.get(0).equals(bc.id()))
            .map(r -> r.subList(1, r.size())).toList();
        if (!rows.isEmpty()) {
          b.add(new ReportDocument.Para("`" + bc.id() + "`:"));
          List<String> th = new ArrayList<>(List.of("approach"));
          th.addAll(bc.task().targets());
          th.add("targets beating all");
          b.add(new ReportDocument.Table(th, rows));
        }
      }
    }
    Map<String, Map<String, Double>> ranks = meanRanks(avg);
    List<String> rh = new ArrayList<>(List.of("approach", "all"));
    rh.addAll(targets);
    List<List<String>> rr = new ArrayList<>();
    ranks.entrySet().stream().sorted(Comparator.comparingDouble(
        (Map.Entry<String, Map<String, Double>> e) -> e.getValue().get("all"))
        .thenComparing(Map.Entry::getKey)).forEach(e -> {
          List<String> row = new ArrayList<>(List.of(BENCHMARKS.contains(e.getKey())
              ? "*" + e.getKey() + "*" : e.getKey(), BenchReport.fmt(e.getValue().get("all"))));
          targets.forEach(t -> row.add(BenchReport.fmt(e.getValue().getOrDefault(t,
              Double.NaN))));
          rr.add(row);
        });
    b.add(new ReportDocument.Para("Mean normalised rank (0 = best, 1 = worst; benchmarks in"
        + " italics) over the six metrics and every task, per target and over all targets."));
    b.add(new ReportDocument.Table(rh, rr));
    return b;
  }

  private static String intro(List<BenchTask> cases) {
    List<String> noHum = cases.stream().filter(c -> EmpiricalBaseline.HUMIDITY.stream()
        .noneMatch(c.task().forcing()::has)).map(BenchTask::id).toList();
    return "PLUMBER empirical benchmarks (Best et al. 2015; Abramowitz et al. 2024): 1lin"
        + " regresses each target on SWdown, 2lin on SWdown and Tair, 3km27 clusters SWdown, Tair"
        + " and humidity into 27 k-means clusters with a regression per cluster; all are fitted"
        + " on the steps before the test period and scored on the test period like every"
        + " approach. " + (noHum.isEmpty() ? "" : "The forcing of " + String.join(", ", noHum)
        + " carries no humidity, so 3km27 uses LWdown in its place there. ") + "Metrics (lower"
        + " is better): MAE, |mean bias|, |1 - sd_model/sd_obs|, 1 - r, |P5 error|, |P95 error|."
        + " *Better* on a metric = strictly lower value; *beats* a benchmark on a target ="
        + " better on more than half of the metrics. Replicates of a (task, approach) are"
        + " averaged metric by metric before comparing and ranking. Counts are over the (task,"
        + " target) pairs where the approach and at least one benchmark predict the target.";
  }

  /** label, pairs, then "count (percent)" per benchmark and for all three. */
  private static List<String> tallyRow(String label, int[] tl) {
    List<String> row = new ArrayList<>(List.of(label, String.valueOf(tl[0])));
    for (int i = 0; i <= BENCHMARKS.size(); i++) {
      row.add(tl[1 + i] + " (" + Math.round(100.0 * tl[1 + i] / tl[0]) + " %)");
    }
    return row;
  }

  private static String list(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }
}
