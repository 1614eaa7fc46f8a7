package org.cml4j.fuse.physics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.net.FusionNetConfig;

/**
 * The calibrated mechanism run that fusion couplings use as a source of physics knowledge: the
 * shared calibration service ({@link MechanismCalibrator} on {@link CalibrationProblem#from}, the
 * same problem, settings and result as the physics-only baseline), then a run over the whole time
 * axis (training, validation and test: only the forcing is needed).
 */
public final class PhysicsSimulation {
  private PhysicsSimulation() {}

  /**
   * A calibrated run.
   *
   * @param calibration the calibration (parameters, fitted ones, evaluations, id)
   * @param outputs the simulated variables over the whole axis
   * @param seconds wall time
   */
  public record Result(Calibration calibration, Frame outputs, double seconds) {
    /** All parameters the run used. */
    public Map<String, Double> parameters() {
      return calibration.parameters();
    }

    /** The fitted parameters. */
    public Map<String, Double> fitted() {
      return calibration.fitted();
    }

    /** Model runs spent on the calibration. */
    public int evaluations() {
      return calibration.evaluations();
    }

    /** The outputs renamed {@code <name>_physics} (same units), for network inputs/pretraining. */
    public Frame suffixed() {
      return PhysicsSimulation.suffixed(outputs);
    }
  }

  /**
   * Calibrates the task's mechanism on its training period with {@code settings} (as the
   * physics-only baseline does) and simulates {@code variables}.
   */
  public static Result calibrated(CouplingTask task, List<String> variables,
      OptimizerSettings settings) {
    long t0 = System.nanoTime();
    for (String v : variables) {
      if (!task.mechanism().canSimulate(v)) {
        throw new IllegalArgumentException("mechanism " + task.mechanism().name()
            + " cannot simulate " + v);
      }
    }
    Calibration cal = new MechanismCalibrator(settings).calibrate(task);
    return new Result(cal, cal.simulate(variables), (System.nanoTime() - t0) * 1e-9);
  }

  /**
   * The physics variables worth giving a network (the PGNN "hybrid-physics-data" inputs of
   * Karpatne et al. 2017): every target the mechanism simulates, the surface temperature, the
   * ground heat flux and, when turbulent fluxes are targets, their sum QhQle.
   */
  public static List<String> inputVariables(CouplingTask task) {
    Set<String> v = new LinkedHashSet<>();
    for (String t : task.targets()) {
      if (task.mechanism().canSimulate(t)) {
        v.add(t);
      }
    }
    v.add(Variables.SURF_TEMP);
    v.add(Variables.QG);
    if (task.targets().contains(Variables.QH) || task.targets().contains(Variables.QLE)) {
      v.add(Variables.QHQLE);
    }
    List<String> out = new ArrayList<>();
    for (String x : v) {
      if (task.mechanism().canSimulate(x)) {
        out.add(x);
      }
    }
    return out;
  }

  /** A frame with every variable renamed {@code <name>_physics} (same units). */
  public static Frame suffixed(Frame f) {
    Frame out = f.select(List.of());
    for (VariableSpec v : f.specs()) {
      out = out.with(new VariableSpec(v.name() + FusionNetConfig.SIMULATION_SUFFIX, v.unit()),
          f.values(v.name()));
    }
    return out;
  }

  /** Parameters as a sorted printable map. */
  public static Map<String, Double> rounded(Map<String, Double> p) {
    Map<String, Double> m = new LinkedHashMap<>();
    p.forEach((k, v) -> m.put(k, Math.round(v * 1e4) / 1e4));
    return m;
  }
}
