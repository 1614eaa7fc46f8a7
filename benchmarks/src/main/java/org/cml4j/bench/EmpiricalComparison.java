package org.cml4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.baseline.EmpiricalBaseline;
import org.cml4j.core.metrics.Metrics;

/**
 * The numbers behind {@link EmpiricalBenchmarkTable}: PLUMBER2 metric vectors per (task,
 * approach, target) averaged over replicates, "better on k of n metrics" counts against a
 * benchmark, and mean normalised ranks (definitions in {@link EmpiricalBenchmarkTable}).
 */
final class EmpiricalComparison {
  static final List<String> METRICS = List.of("MAE", "|bias|", "SD diff", "1-r", "P5 err",
      "P95 err");
  static final List<String> BENCHMARKS = EmpiricalBaseline.names();

  private EmpiricalComparison() {}

  /** (task, approach, target). */
  record Key(String task, String approach, String target) {}

  /** The metric vector of a score, bias signed (made absolute after averaging). */
  static double[] values(TargetScore s) {
    return new double[] {s.mae(), s.bias(), s.sdDifference(), s.correlationError(), s.p5Error(),
        s.p95Error()};
  }

  /** Mean metric vector of each (task, approach, target) over its ok cells (replicates). */
  static Map<Key, double[]> averaged(List<CellResult> cells) {
    Map<Key, double[]> sum = new LinkedHashMap<>();
    Map<Key, int[]> count = new LinkedHashMap<>();
    for (CellResult c : cells) {
      if (!c.status().equals(CellResult.OK)) {
        continue;
      }
      for (TargetScore s : c.scores()) {
        Key k = new Key(c.task(), c.approach(), s.target());
        double[] v = values(s);
        double[] acc = sum.computeIfAbsent(k, x -> new double[METRICS.size()]);
        int[] n = count.computeIfAbsent(k, x -> new int[METRICS.size()]);
        for (int j = 0; j < v.length; j++) {
          if (Double.isFinite(v[j])) {
            acc[j] += v[j];
            n[j]++;
          }
        }
      }
    }
    Map<Key, double[]> out = new LinkedHashMap<>();
    sum.forEach((k, acc) -> {
      double[] m = new double[acc.length];
      int[] n = count.get(k);
      for (int j = 0; j < m.length; j++) {
        m[j] = n[j] == 0 ? Double.NaN : acc[j] / n[j];
      }
      m[1] = Math.abs(m[1]);
      out.put(k, m);
    });
    return out;
  }

  /**
   * Metrics of {@code model} better than {@code bench}, and how many were comparable; null when
   * either is missing.
   */
  static int[] better(double[] model, double[] bench) {
    if (model == null || bench == null) {
      return null;
    }
    int b = 0;
    int n = 0;
    for (int j = 0; j < model.length; j++) {
      if (Double.isFinite(model[j]) && Double.isFinite(bench[j])) {
        n++;
        b += model[j] < bench[j] ? 1 : 0;
      }
    }
    return n == 0 ? null : new int[] {b, n};
  }

  /** True when better on more than half of the comparable metrics. */
  static boolean beats(int[] better) {
    return better != null && 2 * better[0] > better[1];
  }

  /** Mean normalised rank per approach and target ("all" = over every group). */
  static Map<String, Map<String, Double>> meanRanks(Map<Key, double[]> avg) {
    Map<List<String>, List<Key>> groups = new LinkedHashMap<>();
    avg.keySet().forEach(k -> groups.computeIfAbsent(List.of(k.task(), k.target()),
        x -> new ArrayList<>()).add(k));
    Map<String, Map<String, double[]>> acc = new LinkedHashMap<>();
    for (List<Key> g : groups.values()) {
      for (int j = 0; j < METRICS.size(); j++) {
        double[] v = new double[g.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = avg.get(g.get(i))[j];
        }
        double[] r = Metrics.normalisedRanks(v);
        for (int i = 0; i < v.length; i++) {
          if (!Double.isNaN(r[i])) {
            Map<String, double[]> m = acc.computeIfAbsent(g.get(i).approach(),
                x -> new LinkedHashMap<>());
            for (String t : List.of("all", g.get(i).target())) {
              double[] s = m.computeIfAbsent(t, x -> new double[2]);
              s[0] += r[i];
              s[1]++;
            }
          }
        }
      }
    }
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    acc.forEach((a, m) -> {
      Map<String, Double> o = new LinkedHashMap<>();
      m.forEach((t, s) -> o.put(t, s[0] / s[1]));
      out.put(a, o);
    });
    return out;
  }
}
