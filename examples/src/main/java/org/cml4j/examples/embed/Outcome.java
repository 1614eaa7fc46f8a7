package org.cml4j.examples.embed;

import java.util.Map;

/**
 * What an embedding example measured, each part keyed by a label in print order.
 *
 * @param testRmse per run (e.g. {@code "physics only"}): test-period RMSE against the truth per
 *     target variable, in the variable's unit (K, W m-2)
 * @param diagnostics per coupling: its diagnostics scalars (rollout errors, step times [us],
 *     speed-ups)
 */
public record Outcome(Map<String, Map<String, Double>> testRmse,
    Map<String, Map<String, Double>> diagnostics) {

  /** The test RMSEs of one run; throws naming the runs if there is none of that label. */
  public Map<String, Double> testRmse(String run) {
    return get(testRmse, run);
  }

  /** The diagnostics of one coupling; throws naming the couplings if there is none. */
  public Map<String, Double> diagnostics(String coupling) {
    return get(diagnostics, coupling);
  }

  /** Prints each run's test RMSEs, one line a run. */
  void printTestRmse() {
    testRmse.forEach((run, rmse) -> ExampleSupport.print("test RMSE " + run, rmse));
  }

  /** Prints the named diagnostics of one coupling on one line. */
  void printDiagnostics(String coupling, String... keys) {
    ExampleSupport.print(coupling, diagnostics(coupling), keys);
  }

  private static Map<String, Double> get(Map<String, Map<String, Double>> m, String label) {
    Map<String, Double> v = m.get(label);
    if (v == null) {
      throw new IllegalArgumentException("no '" + label + "'; have " + m.keySet());
    }
    return v;
  }
}
