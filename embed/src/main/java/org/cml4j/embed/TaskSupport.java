package org.cml4j.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.Output;

/** Small helpers shared by the embedding couplings. */
public final class TaskSupport {
  private TaskSupport() {}

  /** The land-surface mechanism of a task, or an error naming the coupling and the mechanism. */
  public static LsmMechanism lsm(CouplingTask task, String coupling) {
    return task.mechanism().unwrap(LsmMechanism.class).orElseThrow(() ->
        new IllegalArgumentException(coupling + " needs the land-surface column mechanism"
            + " (LsmMechanism); task " + task.name() + " has " + task.mechanism().name()));
  }

  /** Whether the task's mechanism is the land-surface column. */
  public static boolean isLsm(CouplingTask task) {
    return task.mechanism().unwrap(LsmMechanism.class).isPresent();
  }

  /**
   * Observed variables the mechanism simulates with at least {@code min} observations in the
   * training period, optionally temperatures only.
   */
  public static List<String> observedSimulable(CouplingTask task, boolean temperaturesOnly,
      int min) {
    List<String> out = new ArrayList<>();
    for (String v : task.observed()) {
      boolean temp = v.equals(Variables.SURF_TEMP) || Variables.isSoilTemperature(v);
      if (task.mechanism().canSimulate(v) && (!temperaturesOnly || temp)
          && task.observations().countValid(v, 0, task.split().trainEnd()) >= min) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * The targets the mechanism can simulate (the others, e.g. Qh and Qle separately for the
   * single-hbeta column, are left out of the predictions and reported as such).
   */
  public static List<String> simulableTargets(CouplingTask task) {
    return task.targets().stream().filter(t -> task.mechanism().canSimulate(t)).toList();
  }

  /**
   * The mechanism's outputs over the task's whole axis with the given constant and time-varying
   * parameters, from the task's initial observations.
   */
  public static Frame simulate(CouplingTask task, Map<String, Double> constants,
      Map<String, double[]> series, List<String> outputs) {
    return task.mechanism().run(new ModelInput(task.forcing(), constants, series, outputs,
        task.initialObservations())).outputs();
  }

  /** A predictions frame on the task's axis with one series per name (units from the outputs). */
  public static Frame frame(CouplingTask task, Map<String, double[]> series) {
    Frame f = task.forcing().select(List.of());
    for (var e : series.entrySet()) {
      Output o = Output.parse(e.getKey());
      f = f.with(new VariableSpec(e.getKey(), o.unit()), e.getValue());
    }
    return f;
  }

  /** A modifiable config map from key/value pairs. */
  public static Map<String, String> config(Object... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
    }
    return m;
  }

  /** Root mean square of {@code a - b} over indices [from, to) where both are finite. */
  public static double rmse(double[] a, double[] b, int from, int to) {
    return Metrics.rmseFinite(a, b, from, to);
  }

  /** Seconds since {@code t0} (nanoTime). */
  public static double since(long t0) {
    return (System.nanoTime() - t0) * 1e-9;
  }
}
