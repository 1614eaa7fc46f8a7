package org.cml4j.cascade.postprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ModelGrid;

/**
 * One physics configuration of an ensemble: a name and how it is calibrated and run on a task
 * (returning the requested outputs over the whole axis).
 *
 * @param name short name
 * @param description what differs from the standard configuration
 * @param run calibrates the task's physics (the shared calibration service)
 */
public record PhysicsMember(String name, String description,
    Function<CouplingTask, Calibration> run) {

  /** Daylight threshold on SWdown [W m-2] for the day/night members. */
  public static final double DAYLIGHT = 50;

  /**
   * The standard ensemble for the land-surface model: the model calibrated on all training steps,
   * on daytime steps only, on night-time steps only, and (for {@link LsmMechanism}) a coarse
   * 21-node vertical grid calibrated on all steps. Day- and night-calibrated members bracket a
   * diurnally varying structural error (e.g. a turbulent exchange that grows by day), which
   * time-dependent weights can exploit.
   */
  public static List<PhysicsMember> standard(CouplingTask task, OptimizerSettings settings) {
    MechanismCalibrator cal = new MechanismCalibrator(settings);
    List<PhysicsMember> m = new ArrayList<>();
    m.add(new PhysicsMember("all", "calibrated on all training steps", cal::calibrate));
    m.add(new PhysicsMember("day", "calibrated on daytime training steps (SWdown > 50 W m-2)",
        t -> calibrateMasked(cal, t, true)));
    m.add(new PhysicsMember("night", "calibrated on night-time training steps",
        t -> calibrateMasked(cal, t, false)));
    task.mechanism().unwrap(LsmMechanism.class).ifPresent(lsm -> {
      ModelGrid g = lsm.columnModel().grid();
      LsmMechanism coarse = new LsmMechanism(new ModelGrid(21, g.depth(), g.dt()),
          lsm.columnModel().solver());
      m.add(new PhysicsMember("grid21", "21-node vertical grid, calibrated on all steps",
          t -> cal.calibrate(t.toBuilder().mechanism(coarse).build())));
    });
    return m;
  }

  private static Calibration calibrateMasked(MechanismCalibrator cal, CouplingTask t,
      boolean keepDay) {
    Frame forcing = CalibrationProblem.fillForcingGaps(t.mechanism(), t.forcing());
    double[] sw = forcing.values(Variables.SWDOWN);
    Frame obs = t.observations();
    Frame masked = obs.select(List.of());
    for (String v : obs.names()) {
      double[] x = obs.values(v);
      for (int i = 1; i < x.length; i++) {
        if ((sw[i] > DAYLIGHT) != keepDay) {
          x[i] = Double.NaN;
        }
      }
      masked = masked.with(new VariableSpec(v, obs.spec(v).unit()), x);
    }
    // the shared defaults on the masked observations; first guess from all of them
    return cal.calibrate(CalibrationProblem.on(t, forcing, masked)
        .withGuess(CalibrationProblem.defaultGuess(t, obs)));
  }
}
