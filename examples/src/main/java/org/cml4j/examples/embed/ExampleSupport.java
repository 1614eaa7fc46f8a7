package org.cml4j.examples.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.TaskSupport;
import org.cml4j.testbeds.twin.TwinScenario;

/** Scoring helpers shared by the examples. */
final class ExampleSupport {
  private ExampleSupport() {}

  /**
   * Scores solutions of one task against its truth: the test-period RMSE (variable's unit) of each
   * of {@code targets} a solution predicts.
   */
  record TestRmse(CouplingTask task, Frame truth, List<String> targets) {
    /** Against the scenario's truth, on the task's targets. */
    static TestRmse onTwin(TwinScenario sc, CouplingTask task) {
      return new TestRmse(task, sc.truthFrame(task.targets()), task.targets());
    }

    /** The RMSE of each target {@code s} predicts, in the order of {@code targets}. */
    Map<String, Double> of(CouplingSolution s) {
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
  }

  /** The score maps under their labels, in order (e.g. each run's test RMSEs). */
  static Map<String, Map<String, Double>> labelled(List<String> labels,
      List<Map<String, Double>> scores) {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      m.put(labels.get(i), scores.get(i));
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
    print(label, m, m.keySet().toArray(String[]::new));
  }

  /** Prints the named entries of a map of numbers (diagnostics, RMSEs, timings) with a label. */
  static void print(String label, Map<String, Double> m, String... keys) {
    StringBuilder sb = new StringBuilder(String.format("%-28s", label));
    for (String k : keys) {
      sb.append(String.format(java.util.Locale.ROOT, "  %s %.3f", k, m.get(k)));
    }
    System.out.println(sb);
  }
}
