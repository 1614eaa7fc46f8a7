package org.cml4j.cascade.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * The physics half of every cascade coupling: calibrates the task's mechanism parameters on the
 * observed, simulable variables of the <em>training</em> period with multi-start
 * Levenberg–Marquardt ({@link MechanismCalibrator}), then runs the calibrated model over the whole
 * time axis. Validation and test observations are never used here (couplings keep the validation
 * period for their learners' early stopping).
 */
public final class PhysicsCalibration {
  /** Parameters fitted when the task names none: alpha, lambda, C, hbeta, Tb. */
  public static final List<String> DEFAULT_FIT = List.of("alpha", "lambda", "C", "hbeta", "Tb");
  private static final int MIN_OBS = 2;

  private final OptimizerSettings settings;

  public PhysicsCalibration(OptimizerSettings settings) {
    this.settings = settings;
  }

  /** The optimizer settings. */
  public OptimizerSettings settings() {
    return settings;
  }

  /** Observed variables the mechanism can simulate with at least 2 training observations. */
  public static List<String> calibrationVariables(CouplingTask task, Frame observations) {
    List<String> out = new ArrayList<>();
    for (String v : observations.names()) {
      if (task.mechanism().canSimulate(v)
          && observations.countValid(v, 0, task.split().trainEnd()) >= MIN_OBS) {
        out.add(v);
      }
    }
    return out;
  }

  /** Parameters to fit: the task's list, or {@link #DEFAULT_FIT} present in the mechanism. */
  public static List<String> fitParameters(CouplingTask task) {
    List<String> names = task.fitParameters().isEmpty() ? DEFAULT_FIT : task.fitParameters();
    List<String> known = task.mechanism().parameters().stream().map(ParameterInfo::name).toList();
    return names.stream().filter(known::contains)
        .filter(n -> !task.knownParameters().containsKey(n)).toList();
  }

  /**
   * First guess: nominal values, the task's known parameters, and Tb from the mean of the deepest
   * observed soil temperature (or surface temperature) over the training period.
   */
  public static Map<String, Double> guess(CouplingTask task, Frame observations) {
    Map<String, Double> g = new LinkedHashMap<>();
    for (ParameterInfo p : task.mechanism().parameters()) {
      g.put(p.name(), p.nominal());
    }
    g.putAll(task.knownParameters());
    String deepest = null;
    double depth = -1;
    for (String v : observations.names()) {
      if (Variables.isSoilTemperature(v) && Variables.depthOf(v) > depth
          && observations.countValid(v, 0, task.split().trainEnd()) > 0) {
        depth = Variables.depthOf(v);
        deepest = v;
      }
    }
    if (deepest == null && observations.has(Variables.SURF_TEMP)) {
      deepest = Variables.SURF_TEMP;
    }
    if (deepest != null && g.containsKey("Tb") && !task.knownParameters().containsKey("Tb")) {
      double m = Series.mean(observations.values(deepest), 0, task.split().trainEnd());
      if (!Double.isNaN(m)) {
        ParameterInfo tb = task.mechanism().parameter("Tb");
        g.put("Tb", Math.max(tb.lower(), Math.min(tb.upper(), m)));
      }
    }
    return g;
  }

  /**
   * Forcing with every mechanism forcing gap linearly interpolated (the plain-physics treatment;
   * the gap-filling coupling replaces it by a learned filler).
   */
  public static Frame linearlyFilledForcing(CouplingTask task) {
    Frame f = task.forcing();
    for (var spec : task.mechanism().forcing()) {
      double[] v = f.values(spec.name());
      if (Series.countMissing(v) > 0) {
        f = f.replace(f.spec(spec.name()), Series.interpolateGaps(v, "forcing " + spec.name()));
      }
    }
    return f;
  }

  /** Calibrates on the task's own (linearly gap-filled) forcing and observations. */
  public CalibratedPhysics calibrate(CouplingTask task, List<String> outputs) {
    Frame obs = task.observations();
    return calibrate(task, linearlyFilledForcing(task), obs, calibrationVariables(task, obs),
        guess(task, obs), outputs);
  }

  /**
   * Calibrates on explicit forcing and observations.
   *
   * @param task the task (mechanism, split, seed, fitted parameters)
   * @param forcing complete forcing over the whole axis
   * @param observations observations (only the training period is used)
   * @param variables observed variables to match (each simulable)
   * @param guess first guess of every parameter
   * @param outputs variables to simulate over the whole axis
   */
  public CalibratedPhysics calibrate(CouplingTask task, Frame forcing, Frame observations,
      List<String> variables, Map<String, Double> guess, List<String> outputs) {
    MechanismModel m = task.mechanism();
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("task " + task.name() + ": no observed variable the"
          + " mechanism " + m.name() + " can simulate has " + MIN_OBS + " or more training"
          + " observations; observed: " + observations.names());
    }
    int trainEnd = task.split().trainEnd();
    Map<String, Double> init = initialObservations(observations);
    List<String> fit = fitParameters(task);
    Map<String, Double> params;
    Map<String, Double> fitted;
    int evaluations = 0;
    int iterations = 0;
    double rms = Double.NaN;
    if (fit.isEmpty()) {
      params = new LinkedHashMap<>(guess);
      fitted = Map.of();
    } else {
      MechanismCalibrator.Problem pb = new MechanismCalibrator.Problem(m,
          forcing.slice(0, trainEnd), observations.slice(0, trainEnd), variables, 0, trainEnd, fit,
          guess, init, task.seed());
      Calibration c = new MechanismCalibrator(settings).calibrate(pb);
      params = c.parameters();
      fitted = c.fitted();
      evaluations = c.evaluations();
      iterations = c.iterations();
      rms = c.rmsWeightedResidual();
    }
    Frame out = run(m, forcing, params, outputs, init);
    return new CalibratedPhysics(params, fitted, variables, out, evaluations, iterations, rms);
  }

  /** Runs the mechanism over the whole forcing with the given parameters and outputs. */
  public static Frame run(MechanismModel m, Frame forcing, Map<String, Double> params,
      List<String> outputs, Map<String, Double> initialObservations) {
    List<String> outs = new ArrayList<>(new LinkedHashSet<>(outputs));
    return m.run(new ModelInput(forcing, params, Map.of(), outs, initialObservations)).outputs();
  }

  /** Non-NaN observed values at step 0. */
  public static Map<String, Double> initialObservations(Frame observations) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String v : observations.names()) {
      double x = observations.values(v, 0, 1)[0];
      if (!Double.isNaN(x)) {
        m.put(v, x);
      }
    }
    return m;
  }
}
