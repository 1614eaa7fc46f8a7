package org.cml4j.embed.adjustment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Variables;
import org.cml4j.embed.TaskSupport;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.ObservationSeries;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.Output;

/**
 * How a coupling task becomes a filter run: which observed variables are assimilated (with which
 * errors), which parameters are augmented, the prior parameter values and the initial state.
 *
 * @param assimilate variables to assimilate; empty = every observed temperature the model simulates
 * @param augment parameters to estimate jointly with the state; null = the task's fit parameters
 *     except alpha, eps and Tb (the bottom temperature is poorly constrained by shallow
 *     observations over days and, augmented, absorbs model error), empty = state only
 * @param soilError observation error of soil temperatures [K]
 * @param surfaceError observation error of the surface temperature [K]
 * @param fluxError observation error of fluxes [W m-2]
 * @param calibratedPrior true: prior parameter means from a Levenberg–Marquardt calibration on the
 *     training period (the filter refines them); false: the task's first guess (nominal and known
 *     values)
 */
public record EnkfSetup(List<String> assimilate, List<String> augment, double soilError,
    double surfaceError, double fluxError, boolean calibratedPrior) {
  public EnkfSetup {
    assimilate = List.copyOf(assimilate);
    augment = augment == null ? null : List.copyOf(augment);
  }

  /**
   * Defaults: all observed temperatures; the task's fit parameters except alpha, eps, Tb;
   * 0.15 K, 0.5 K, 15 W m-2; calibrated prior.
   */
  public static EnkfSetup defaults() {
    return new EnkfSetup(List.of(), null, 0.15, 0.5, 15, true);
  }

  /** Same with an explicit list of assimilated variables. */
  public EnkfSetup assimilating(List<String> vars) {
    return new EnkfSetup(vars, augment, soilError, surfaceError, fluxError, calibratedPrior);
  }

  /** Same with an explicit list of augmented parameters. */
  public EnkfSetup augmenting(List<String> params) {
    return new EnkfSetup(assimilate, params, soilError, surfaceError, fluxError,
        calibratedPrior);
  }

  /** Same with the prior from the first guess (false) or a calibration (true). */
  public EnkfSetup withCalibratedPrior(boolean v) {
    return new EnkfSetup(assimilate, augment, soilError, surfaceError, fluxError, v);
  }

  /** Assimilated variables for a task (checked: observed and simulable). */
  public List<String> assimilated(CouplingTask task, String coupling) {
    List<String> vars = assimilate.isEmpty()
        ? TaskSupport.observedSimulable(task, true, 1) : assimilate;
    if (vars.isEmpty()) {
      throw new IllegalArgumentException(coupling + ": task " + task.name()
          + " observes no temperature the model simulates; observed " + task.observed());
    }
    for (String v : vars) {
      if (!task.observations().has(v)) {
        throw new IllegalArgumentException(coupling + ": cannot assimilate " + v
            + ", task " + task.name() + " observes only " + task.observed());
      }
      if (!task.mechanism().canSimulate(v)) {
        throw new IllegalArgumentException(coupling + ": no observation operator for " + v);
      }
    }
    return vars;
  }

  /**
   * The {@link Calibration#id()} of the prior's calibration, or null with the first-guess prior.
   */
  public String calibrationId(CouplingTask task, org.cml4j.core.spi.OptimizerSettings defaults) {
    return calibratedPrior ? Calibration.id(CalibrationProblem.from(task), defaults.starts())
        : null;
  }

  /** Augmented parameters for a task. */
  public List<ParameterInfo> augmented(CouplingTask task) {
    List<String> names = augment != null ? augment
        : CalibrationProblem.defaultFit(task).stream()
            .filter(p -> !p.equals("alpha") && !p.equals("eps") && !p.equals("Tb")).toList();
    List<ParameterInfo> out = new ArrayList<>();
    for (String n : names) {
      if (task.knownParameters().containsKey(n)) {
        continue;
      }
      out.add(task.mechanism().parameter(n));
    }
    return out;
  }

  /** Observation series of the assimilated variables (test period NaN as in the task). */
  public List<ObservationSeries> observations(CouplingTask task, List<String> vars) {
    List<ObservationSeries> out = new ArrayList<>();
    for (String v : vars) {
      Output o = Output.parse(v);
      double sd = Variables.isSoilTemperature(v) ? soilError
          : o.unit().equals("K") ? surfaceError : fluxError;
      out.add(new ObservationSeries(o, task.observations().values(v), sd));
    }
    return out;
  }

  /**
   * The filter for a task: prior from a calibration (or the first guess), initial state from the
   * observations at the first step.
   *
   * @param defaults optimizer settings of the calibration
   */
  public ColumnEnsembleFilter filter(CouplingTask task, String coupling,
      org.cml4j.core.spi.OptimizerSettings defaults) {
    LsmMechanism lsm = TaskSupport.lsm(task, coupling);
    Map<String, Double> base = new LinkedHashMap<>(calibratedPrior
        ? new MechanismCalibrator(defaults).calibrate(task).parameters()
        : CalibrationProblem.defaultGuess(task, task.observations()));
    return new ColumnEnsembleFilter(lsm.columnModel().grid(),
        LsmMechanism.surfaceForcing(task.forcing()), base, augmented(task),
        lsm.initialState(task.initialObservations()));
  }
}
