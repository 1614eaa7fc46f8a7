package org.cml4j.examples.cascade;

import org.cml4j.core.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.testbeds.twin.TwinCase;

/**
 * Test-period scores of several approaches on several variables, as the examples print and the
 * tests assert them: {@code rmse(approach, variable)}.
 */
public final class Comparison {
  private final String title;
  private final Map<String, Map<String, Double>> rmse = new LinkedHashMap<>();

  public Comparison(String title) {
    this.title = title;
  }

  /**
   * Scores predictions (approach name to frame) against a truth frame over steps [from, to);
   * every variable a prediction frame holds and the truth has is scored.
   */
  public static Comparison score(String title, Frame truth, int from, int to,
      Map<String, Frame> predictions) {
    Comparison c = new Comparison(title);
    predictions.forEach((a, f) -> {
      for (String v : f.names()) {
        if (truth.has(v)) {
          c.put(a, v, Metrics.rmse(truth.values(v), f.values(v), from,
              to));
        }
      }
    });
    return c;
  }

  /** {@link #score} against a twin's observations over its test period. */
  public static Comparison score(String title, TwinCase twin, Map<String, Frame> predictions) {
    return score(title, twin.observed(), twin.testStart(), twin.task().split().size(),
        predictions);
  }

  /**
   * {@link #score} against the twin of the {@code given} predictions followed by each approach's
   * solution of the twin's task, in order.
   */
  public static Comparison score(String title, TwinCase twin, Map<String, Frame> given,
      Approach... approaches) {
    Map<String, Frame> p = new LinkedHashMap<>(given);
    solve(p, twin.task(), approaches);
    return score(title, twin, p);
  }

  /** Adds each approach's predictions on the task under the approach's name, in order. */
  public static void solve(Map<String, Frame> into, CouplingTask task, Approach... approaches) {
    for (Approach a : approaches) {
      into.put(a.name(), a.solve(task).predictions());
    }
  }

  /** Records one score. */
  public Comparison put(String approach, String variable, double value) {
    rmse.computeIfAbsent(approach, k -> new LinkedHashMap<>()).put(variable, value);
    return this;
  }

  /** The score; throws naming what exists if absent. */
  public double rmse(String approach, String variable) {
    Map<String, Double> m = rmse.get(approach);
    if (m == null || !m.containsKey(variable)) {
      throw new IllegalArgumentException("no score for " + approach + " / " + variable + "; have "
          + rmse);
    }
    return m.get(variable);
  }

  /** All scores. */
  public Map<String, Map<String, Double>> all() {
    return rmse;
  }

  /** A markdown table: approaches as rows, variables as columns. */
  public String table() {
    StringBuilder sb = new StringBuilder(title).append('\n');
    var vars = rmse.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
    sb.append("| approach |");
    vars.forEach(v -> sb.append(' ').append(v).append(" |"));
    sb.append("\n|---|");
    vars.forEach(v -> sb.append("---|"));
    sb.append('\n');
    rmse.forEach((a, m) -> {
      sb.append("| ").append(a).append(" |");
      for (String v : vars) {
        Double x = m.get(v);
        sb.append(' ').append(x == null ? "-" : String.format(Locale.ROOT, "%.3g", x))
            .append(" |");
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  @Override
  public String toString() {
    return table();
  }
}
