package org.cml4j.examples.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.TaskSupport;

/** Scoring helpers shared by the examples. */
final class ExampleSupport {
  private ExampleSupport() {}

  /** Test-period RMSE of each of {@code targets} predicted by {@code s} against {@code truth}. */
  static Map<String, Double> testRmse(CouplingTask task, CouplingSolution s, Frame truth,
      List<String> targets) {
    Map<String, Double> m = new LinkedHashMap<>();
    int from = task.split().validationEnd();
    int to = task.split().size();
    for (String t : targets) {
      if (s.predictions().has(t)) {
        m.put(t, TaskSupport.rmse(s.prediction(t), truth.values(t), from, to));
      }
    }
    return m;
  }

  /** Mean of the values. */
  static double mean(Map<String, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** A diagnostics scalar, or NaN. */
  static double scalar(CouplingSolution s, String name) {
    return s.diagnostics().scalars().getOrDefault(name, Double.NaN);
  }

  /** Prints a map of numbers with a label. */
  static void print(String label, Map<String, Double> m) {
    StringBuilder sb = new StringBuilder(String.format("%-28s", label));
    m.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "  %s %.3f", k, v)));
    System.out.println(sb);
  }
}
