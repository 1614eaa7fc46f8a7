package org.cml4j.cli.estimate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.estimation.FitResult;

/** Summary statistics over the starts of a multi-start run. */
public final class Stats {
  private Stats() {}

  /** Quantile {@code q} in [0, 1] by linear interpolation between order statistics; NaNs ignored. */
  public static double quantile(double[] values, double q) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** median, min, max, iqr of one series. */
  public static Map<String, Double> summarize(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("median", median(values));
    m.put("min", quantile(values, 0));
    m.put("max", quantile(values, 1));
    m.put("iqr", quantile(values, 0.75) - quantile(values, 0.25));
    return m;
  }

  /** Per named value of the starts (fit order, plus derived ones such as hbeta). */
  public static Map<String, Map<String, Double>> summarize(List<FitResult> starts) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    if (starts.isEmpty()) {
      return out;
    }
    for (String name : starts.get(0).named().keySet()) {
      double[] v = starts.stream().mapToDouble(r -> r.named().getOrDefault(name, Double.NaN))
          .toArray();
      out.put(name, summarize(v));
    }
    return out;
  }

  /** Index of the start with the lowest finite loss (0 if none is finite). */
  public static int best(List<FitResult> starts) {
    int best = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < starts.size(); i++) {
      double l = starts.get(i).loss();
      if (l < min) {
        min = l;
        best = i;
      }
    }
    return best;
  }
}
