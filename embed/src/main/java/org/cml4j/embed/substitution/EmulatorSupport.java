package org.cml4j.embed.substitution;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.embed.TaskSupport;
import org.cml4j.lsm.coupling.LsmMechanism;

/** Shared steps of the substitution couplings: applicability, calibration, rollout comparison. */
final class EmulatorSupport {
  private EmulatorSupport() {}

  /** Calibrates the physics on the training period (the parameters every emulator uses). */
  static Calibration calibrate(CouplingTask task, CouplingDefaults defaults) {
    return new MechanismCalibrator(defaults.optimizer()).calibrate(task);
  }

  static CalibratedColumn column(CouplingTask task, String coupling, Map<String, Double> params) {
    LsmMechanism lsm = TaskSupport.lsm(task, coupling);
    return CalibratedColumn.of(lsm, LsmMechanism.surfaceForcing(task.forcing()), params,
        task.initialObservations());
  }

  /**
   * Compares emulated and physics outputs over the whole axis: per target RMSE and max
   * deviation, and the RMSE over the last 7 days (drift).
   */
  static void compare(Diagnostics.Builder d, List<String> targets, double[][] emu,
      double[][] phys, String against) {
    for (int j = 0; j < targets.size(); j++) {
      int n = emu[j].length;
      double m = 0;
      for (int k = 0; k < n; k++) {
        m = Math.max(m, Math.abs(emu[j][k] - phys[j][k]));
      }
      d.scalar("rolloutRmseVs" + against + "_" + targets.get(j),
          TaskSupport.rmse(emu[j], phys[j], 0, n));
      d.scalar("rolloutMaxDevVs" + against + "_" + targets.get(j), m);
      d.scalar("lastWeekRmseVs" + against + "_" + targets.get(j),
          TaskSupport.rmse(emu[j], phys[j], Math.max(0, n - 168), n));
    }
  }
}
