package org.cml4j.core.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;

/**
 * What to calibrate (the problem half of a SciML-style problem / algorithm / solution split; the
 * algorithm is {@link MechanismCalibrator}, the solution {@link Calibration}). Every coupling that
 * needs "the calibrated physics" and the physics-only baseline build it with {@link #from} or
 * {@link #on}, so all of them share ONE set of defaults, chosen as follows:
 *
 * <ul>
 *   <li><b>Fitted period</b>: the training period {@code [0, split.trainEnd)} only; the model runs
 *       on the forcing of that period alone. Validation observations stay free for the learners'
 *       early stopping and test observations are never seen.</li>
 *   <li><b>Variables</b> ({@link #defaultVariables}): every observed variable the mechanism can
 *       simulate with at least {@value #MIN_OBSERVATIONS} training observations, in the order of
 *       the observation frame. Using every constraint the data offer is the plain-physics
 *       modeller's choice; residuals are standardised per variable by the calibrator.</li>
 *   <li><b>Fit set</b> ({@link #defaultFit}): the task's {@code fitParameters} when it names any,
 *       else every mechanism parameter except those in {@link #NOT_FITTED_BY_DEFAULT}; in both
 *       cases minus the task's known parameters and names the mechanism does not have. Surface
 *       emissivity {@code eps} is left at its nominal value because it trades off one-for-one
 *       against a long-wave forcing bias and is known from land cover to about 0.02.</li>
 *   <li><b>First guess</b> ({@link #defaultGuess}): nominal values, overwritten by the task's
 *       known parameters; the bottom-boundary temperature {@code Tb} (if fitted) starts at the
 *       training mean of the deepest soil temperature with training data, else of the surface
 *       temperature, the usual proxy of the deep annual-mean temperature. Every value is put
 *       strictly inside its bounds with {@link ParameterInfo#clampInside}.</li>
 *   <li><b>Forcing gaps</b> ({@link #fillForcingGaps}): gaps (NaN) in the mechanism's forcing
 *       variables are filled by linear interpolation, nearest value at the ends. A mechanism
 *       cannot step over NaN, and linear interpolation is the plain-physics treatment of short
 *       gaps; the gap-filling coupling passes its learned filler's forcing to {@link #on}
 *       instead.</li>
 *   <li><b>Initial state</b>: observed values at step 0 (non-NaN), as {@link
 *       CouplingTask#initialObservations}.</li>
 *   <li><b>Seed</b>: the task's seed (random starts after the first).</li>
 * </ul>
 *
 * @param mechanism the model
 * @param forcing forcing over the whole time axis (gap-free in the mechanism's variables)
 * @param observations observed variables (NaN = missing), same axis
 * @param variables observed variables to fit (each simulable)
 * @param from first time index whose residuals count
 * @param to end (exclusive) of the fitted period; the model runs on {@code [0, to)} while fitting
 * @param fit names of the parameters to fit (may be empty: nothing to fit)
 * @param guess first-guess values (missing ones: nominal); fixed parameters also come from here
 * @param initialObservations passed to the model's initial state
 * @param seed seed of the random starts after the first (which is the guess)
 */
public record CalibrationProblem(MechanismModel mechanism, Frame forcing, Frame observations,
    List<String> variables, int from, int to, List<String> fit, Map<String, Double> guess,
    Map<String, Double> initialObservations, long seed) {
  /** Fewest training observations a variable needs to be calibrated against. */
  public static final int MIN_OBSERVATIONS = 2;
  /** Parameters left at their guess unless the task names them: surface emissivity. */
  public static final Set<String> NOT_FITTED_BY_DEFAULT = Set.of("eps");

  public CalibrationProblem {
    variables = List.copyOf(variables);
    fit = List.copyOf(fit);
    guess = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(guess));
    initialObservations = java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(initialObservations));
    if (from < 0 || to <= from || to > forcing.size()) {
      throw new IllegalArgumentException("calibration period [" + from + ", " + to
          + ") must lie inside the " + forcing.size() + " forcing steps");
    }
  }

  /** The task's calibration with the defaults above, on its own forcing and observations. */
  public static CalibrationProblem from(CouplingTask task) {
    return on(task, task.forcing(), task.observations());
  }

  /**
   * The defaults above on explicit forcing and observations (e.g. a learned gap filler's forcing,
   * or observations with some variables masked); the task gives mechanism, split, fit set, known
   * parameters and seed.
   */
  public static CalibrationProblem on(CouplingTask task, Frame forcing, Frame observations) {
    return new CalibrationProblem(task.mechanism(), fillForcingGaps(task.mechanism(), forcing),
        observations, defaultVariables(task, observations), 0, task.split().trainEnd(),
        defaultFit(task), defaultGuess(task, observations), observations.finiteAt(0),
        task.seed());
  }

  /** Same problem, fitted against {@code vars}. */
  public CalibrationProblem withVariables(List<String> vars) {
    return new CalibrationProblem(mechanism, forcing, observations, vars, from, to, fit, guess,
        initialObservations, seed);
  }

  /** Same problem from another first guess (e.g. a learned one). */
  public CalibrationProblem withGuess(Map<String, Double> g) {
    return new CalibrationProblem(mechanism, forcing, observations, variables, from, to, fit, g,
        initialObservations, seed);
  }

  /** Observed variables the mechanism simulates with enough training observations. */
  public static List<String> defaultVariables(CouplingTask task, Frame observations) {
    List<String> out = new ArrayList<>();
    for (String v : observations.names()) {
      if (task.mechanism().canSimulate(v) && observations.countValid(v, 0,
          task.split().trainEnd()) >= MIN_OBSERVATIONS) {
        out.add(v);
      }
    }
    return out;
  }

  /** The default fit set (see the class comment). */
  public static List<String> defaultFit(CouplingTask task) {
    List<String> has = task.mechanism().parameters().stream().map(ParameterInfo::name).toList();
    List<String> names = task.fitParameters().isEmpty()
        ? has.stream().filter(n -> !NOT_FITTED_BY_DEFAULT.contains(n)).toList()
        : task.fitParameters();
    return names.stream().filter(has::contains)
        .filter(n -> !task.knownParameters().containsKey(n)).distinct().toList();
  }

  /** The default first guess (see the class comment), strictly inside the bounds. */
  public static Map<String, Double> defaultGuess(CouplingTask task, Frame observations) {
    MechanismModel m = task.mechanism();
    Map<String, Double> g = new LinkedHashMap<>();
    m.parameters().forEach(p -> g.put(p.name(), p.nominal()));
    g.putAll(task.knownParameters());
    int trainEnd = task.split().trainEnd();
    String deepest = null;
    for (String v : observations.names()) {
      if (Variables.isSoilTemperature(v) && observations.countValid(v, 0, trainEnd) > 0
          && (deepest == null || Variables.depthOf(v) > Variables.depthOf(deepest))) {
        deepest = v;
      }
    }
    if (deepest == null && observations.has(Variables.SURF_TEMP)
        && observations.countValid(Variables.SURF_TEMP, 0, trainEnd) > 0) {
      deepest = Variables.SURF_TEMP;
    }
    if (deepest != null && g.containsKey("Tb") && !task.knownParameters().containsKey("Tb")) {
      double s = 0;
      int n = 0;
      for (double x : observations.values(deepest, 0, trainEnd)) {
        if (!Double.isNaN(x)) {
          s += x;
          n++;
        }
      }
      g.put("Tb", s / n);
    }
    for (ParameterInfo p : m.parameters()) {
      if (!task.knownParameters().containsKey(p.name())) {
        g.put(p.name(), p.clampInside(g.get(p.name())));
      }
    }
    return g;
  }

  /**
   * The forcing with every gap in the mechanism's forcing variables linearly interpolated
   * ({@link #interpolateGaps}); other columns unchanged.
   */
  public static Frame fillForcingGaps(MechanismModel mechanism, Frame forcing) {
    Frame f = forcing;
    for (VariableSpec spec : mechanism.forcing()) {
      if (!f.has(spec.name())) {
        continue;
      }
      double[] v = f.values(spec.name());
      for (double x : v) {
        if (Double.isNaN(x)) {
          f = f.replace(f.spec(spec.name()), interpolateGaps(v, "forcing " + spec.name()));
          break;
        }
      }
    }
    return f;
  }

  /**
   * Linear interpolation across NaN runs; leading and trailing runs take the nearest valid value
   * (constant extrapolation). Throws naming {@code what} if there is no valid value at all.
   */
  public static double[] interpolateGaps(double[] v, String what) {
    double[] out = v.clone();
    int first = -1;
    for (int i = 0; i < out.length; i++) {
      if (!Double.isNaN(out[i])) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      throw new IllegalArgumentException(what + " has no valid value to interpolate from ("
          + v.length + " steps, all missing)");
    }
    java.util.Arrays.fill(out, 0, first, out[first]);
    int prev = first;
    for (int i = first + 1; i < out.length; i++) {
      if (Double.isNaN(out[i])) {
        continue;
      }
      for (int j = prev + 1; j < i; j++) {
        out[j] = out[prev] + (out[i] - out[prev]) * (j - prev) / (double) (i - prev);
      }
      prev = i;
    }
    java.util.Arrays.fill(out, prev + 1, out.length, out[prev]);
    return out;
  }

  /** Runs the mechanism over the whole forcing with {@code parameters}, for {@code outputs}. */
  public Frame simulate(Map<String, Double> parameters, List<String> outputs) {
    List<String> outs = new ArrayList<>(new LinkedHashSet<>(outputs));
    return mechanism.run(new ModelInput(forcing, parameters, Map.of(), outs,
        initialObservations)).outputs();
  }
}
