package org.cml4j.embed.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.parallel.Parallel;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;

/**
 * Physics runs at parameter samples of a {@link ParameterBox}: for each sample the fitted
 * variables over steps [0, {@code end}) flattened into one vector (variable after variable), the
 * training data of forward surrogates and amortised inverses. Runs in parallel.
 *
 * @param box the prior box
 * @param u sample coordinates [sample][parameter] (transformed)
 * @param y outputs [sample][variable x step]
 * @param variables fitted variables
 * @param end steps per variable
 * @param seconds wall time of the runs
 */
public record PhysicsSamples(ParameterBox box, double[][] u, double[][] y, List<String> variables,
    int end, double seconds) {

  /** Draws {@code n} samples and runs the task's mechanism at each (others at {@code base}). */
  public static PhysicsSamples draw(CouplingTask task, ParameterBox box, Map<String, Double> base,
      List<String> variables, int end, int n, long seed, int threads) {
    long t0 = System.nanoTime();
    double[][] u = box.latinHypercube(n, seed);
    double[][] y = new double[n][];
    Parallel.forEach(n, threads, "physics sampling", i -> y[i] = run(task, box, base,
        variables, end, u[i]));
    return new PhysicsSamples(box, u, y, List.copyOf(variables), end,
        (System.nanoTime() - t0) * 1e-9);
  }

  /** One physics run at coordinates {@code u}, flattened. */
  public static double[] run(CouplingTask task, ParameterBox box, Map<String, Double> base,
      List<String> variables, int end, double[] u) {
    Map<String, Double> p = new LinkedHashMap<>(base);
    p.putAll(box.fromU(u));
    Frame out = task.mechanism().run(new ModelInput(task.forcing(), p, Map.of(), variables,
        task.initialObservations())).outputs();
    return flatten(out, variables, end);
  }

  /** Variables of a frame over [0, end), flattened. */
  public static double[] flatten(Frame f, List<String> variables, int end) {
    double[] y = new double[variables.size() * end];
    for (int k = 0; k < variables.size(); k++) {
      System.arraycopy(f.values(variables.get(k), 0, end), 0, y, k * end, end);
    }
    return y;
  }
}
