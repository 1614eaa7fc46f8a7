package org.cml4j.testbeds.tasks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Published final parameter values of a multi-start inversion (one value per start), for scoring a
 * coupling's fitted parameters against the literature spread.
 *
 * @param source citation and protocol of the published values
 * @param finals parameter name to final values, one per start
 */
public record PublishedSpread(String source, Map<String, double[]> finals) {
  public PublishedSpread {
    Map<String, double[]> m = new LinkedHashMap<>();
    finals.forEach((k, v) -> m.put(k, v.clone()));
    finals = java.util.Collections.unmodifiableMap(m);
  }

  /** Parameter names. */
  public Set<String> parameters() {
    return finals.keySet();
  }

  /** Copy of the final values of a parameter; throws listing the known ones. */
  public double[] values(String parameter) {
    double[] v = finals.get(parameter);
    if (v == null) {
      throw new IllegalArgumentException("no published values for " + parameter + "; known: "
          + finals.keySet());
    }
    return v.clone();
  }

  /** Number of starts. */
  public int starts() {
    return finals.values().stream().mapToInt(a -> a.length).max().orElse(0);
  }

  /** Quantile q in [0, 1] (linear interpolation between order statistics). */
  public double quantile(String parameter, double q) {
    double[] v = values(parameter);
    Arrays.sort(v);
    double pos = q * (v.length - 1);
    int i = (int) Math.floor(pos);
    return i + 1 < v.length ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
  }

  /** Median of a parameter's final values. */
  public double median(String parameter) {
    return quantile(parameter, 0.5);
  }

  /** Fraction of starts whose final value is within {@code relTol} (relative) of {@code value}. */
  public double fractionWithin(String parameter, double value, double relTol) {
    double[] v = values(parameter);
    return Arrays.stream(v).filter(x -> Math.abs(x - value) <= relTol * Math.abs(value)).count()
        / (double) v.length;
  }
}
