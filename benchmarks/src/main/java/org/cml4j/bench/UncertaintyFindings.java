package org.cml4j.bench;

import static org.cml4j.bench.BenchReport.fmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * The uncertainty part of the report: CRPS, 50 %/90 % coverage and 90 % width per coupling and
 * target (means over tasks and replicates), and which paradigm is best calibrated (mean
 * |coverage90 − 0.90| closest to 0) and sharpest (smallest mean normalised width90 — width over
 * the truth's test-period standard deviation — among paradigms whose mean coverage90 is within
 * ±0.05 of 0.90). Each paradigm is represented by its best-calibrated coupling. The leader is
 * compared with the runner-up by the same paired two-sided Wilcoxon signed-rank test at 5 % as
 * the accuracy findings (pairs: same task, replicate and target); otherwise the ranking is
 * descriptive. Coverage on a 48-step tiny test period moves in steps of 1/48, so small differences
 * are noise.
 */
final class UncertaintyFindings {
  /** Nominal coverage of the 90 % interval and the tolerance for "calibrated". */
  static final double NOMINAL = 0.90;
  static final double TOLERANCE = 0.05;

  /** One scored (task, replicate, target) of a coupling. */
  record Scored(String key, String target, double crps, double cov50, double cov90,
      double width90, double normWidth, double[] pit) {}

  /** Scores of each coupling (approach) with a predictive distribution, in run order. */
  final Map<String, List<Scored>> byCoupling = new LinkedHashMap<>();
  /** Paradigm of each coupling. */
  final Map<String, String> paradigm = new LinkedHashMap<>();
  /** Paradigm to its best-calibrated coupling. */
  final Map<String, String> bestCalibrated = new TreeMap<>();

  UncertaintyFindings(List<CellResult> cells, Map<String, Map<String, Double>> std) {
    for (CellResult c : cells) {
      if (!c.status().equals(CellResult.OK)) {
        continue;
      }
      for (TargetScore s : c.scores()) {
        if (!s.hasDistribution()) {
          continue;
        }
        Double sd = std.getOrDefault(c.taskReplicate(), Map.of()).get(s.target());
        byCoupling.computeIfAbsent(c.approach(), k -> new ArrayList<>()).add(new Scored(
            c.taskReplicate() + "/" + s.target(), s.target(), s.crps(), s.coverage50(),
            s.coverage90(), s.width90(), sd == null || !(sd > 0) ? Double.NaN
                : s.width90() / sd, s.pit()));
        paradigm.put(c.approach(), c.paradigm());
      }
    }
    byCoupling.forEach((a, l) -> {
      String p = paradigm.get(a);
      String b = bestCalibrated.get(p);
      if (b == null || miscalibration(a) < miscalibration(b)) {
        bestCalibrated.put(p, a);
      }
    });
  }

  /** Mean |coverage90 − 0.90| of a coupling. */
  double miscalibration(String a) {
    return byCoupling.get(a).stream().mapToDouble(s -> Math.abs(s.cov90() - NOMINAL)).average()
        .orElse(Double.NaN);
  }

  double mean(String a, java.util.function.ToDoubleFunction<Scored> f) {
    return byCoupling.get(a).stream().mapToDouble(f).filter(Double::isFinite).average()
        .orElse(Double.NaN);
  }

  /** Mean PIT histogram of a coupling over its scored targets. */
  double[] pit(String a) {
    double[] h = new double[10];
    List<Scored> l = byCoupling.get(a);
    for (Scored s : l) {
      for (int b = 0; b < h.length; b++) {
        h[b] += s.pit()[b] / l.size();
      }
    }
    return h;
  }

  /** Table rows: coupling, paradigm, target, n, crps, coverage50, coverage90, width90. */
  List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    byCoupling.forEach((a, l) -> l.stream().collect(Collectors.groupingBy(Scored::target,
        TreeMap::new, Collectors.toList())).forEach((t, ls) -> rows.add(List.of(a,
            paradigm.get(a), t, String.valueOf(ls.size()),
            fmt(ls.stream().mapToDouble(Scored::crps).average().orElse(Double.NaN)),
            fmt(ls.stream().mapToDouble(Scored::cov50).average().orElse(Double.NaN)),
            fmt(ls.stream().mapToDouble(Scored::cov90).average().orElse(Double.NaN)),
            fmt(ls.stream().mapToDouble(Scored::width90).average().orElse(Double.NaN))))));
    return rows;
  }

  /** The findings sentence on calibration and sharpness. */
  String sentence() {
    if (byCoupling.isEmpty()) {
      return "**Uncertainty**: no coupling in this run gave a predictive distribution.";
    }
    List<String> ranked = bestCalibrated.keySet().stream().sorted(Comparator.comparingDouble(
        p -> miscalibration(bestCalibrated.get(p)))).toList();
    String lead = ranked.get(0);
    StringBuilder b = new StringBuilder("**Uncertainty** (90 % intervals on the test period;"
        + " each paradigm by its best-calibrated coupling; mean coverage90 / mean |coverage90 −"
        + " 0.90| / mean width90 over the truth's std): ");
    b.append(ranked.stream().map(p -> {
      String a = bestCalibrated.get(p);
      return String.format(Locale.ROOT, "%s (%s) %s / %s / %s", p, a, fmt(mean(a,
          Scored::cov90)), fmt(miscalibration(a)), fmt(mean(a, Scored::normWidth)));
    }).collect(Collectors.joining("; ")));
    b.append(". Best calibrated: ");
    if (ranked.size() > 1) {
      String second = ranked.get(1);
      ReplicateStats.Paired t = paired(bestCalibrated.get(lead), bestCalibrated.get(second),
          s -> Math.abs(s.cov90() - NOMINAL));
      b.append(t.significant() ? lead + " (better than " + second + ", " + t.text() + ")"
          : "no significant difference (" + lead + " vs " + second + ", " + t.text()
              + "; descriptive leader " + lead + ")");
    } else {
      b.append(lead + " (only paradigm with a predictive distribution)");
    }
    List<String> ok = ranked.stream().filter(p -> Math.abs(mean(bestCalibrated.get(p),
        Scored::cov90) - NOMINAL) <= TOLERANCE).sorted(Comparator.comparingDouble(
            p -> mean(bestCalibrated.get(p), Scored::normWidth))).toList();
    b.append(". Sharpest with mean coverage90 within ±").append(fmt(TOLERANCE)).append(": ");
    if (ok.isEmpty()) {
      b.append("none (no paradigm's coverage90 is within the tolerance)");
    } else if (ok.size() == 1) {
      b.append(ok.get(0)).append(" (the only one within the tolerance)");
    } else {
      ReplicateStats.Paired t = paired(bestCalibrated.get(ok.get(0)),
          bestCalibrated.get(ok.get(1)), Scored::normWidth);
      b.append(t.significant() ? ok.get(0) + " (narrower than " + ok.get(1) + ", " + t.text()
          + ")" : "no significant difference (" + ok.get(0) + " vs " + ok.get(1) + ", "
          + t.text() + "; descriptive leader " + ok.get(0) + ")");
    }
    return b.append(". Pairs share weather within a replicate, so p is a screening statistic.")
        .toString();
  }

  /** Paired Wilcoxon test of f between two couplings over their common (task, replicate, target). */
  ReplicateStats.Paired paired(String a, String b, java.util.function.ToDoubleFunction<Scored> f) {
    Map<String, Double> fb = new LinkedHashMap<>();
    byCoupling.get(b).forEach(s -> fb.put(s.key(), f.applyAsDouble(s)));
    List<double[]> d = new ArrayList<>();
    for (Scored s : byCoupling.get(a)) {
      Double y = fb.get(s.key());
      double x = f.applyAsDouble(s);
      if (y != null && Double.isFinite(x) && Double.isFinite(y)
          && Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x))) {
        d.add(new double[] {x, y});
      }
    }
    int n = d.size();
    if (n == 0) {
      return new ReplicateStats.Paired(1.0, 0, 0);
    }
    double[] x = d.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = d.stream().mapToDouble(p -> p[1]).toArray();
    double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, n <= 30);
    double mean = d.stream().mapToDouble(q -> q[0] - q[1]).average().orElse(0);
    return new ReplicateStats.Paired(Math.min(1.0, p), n, mean);
  }
}
