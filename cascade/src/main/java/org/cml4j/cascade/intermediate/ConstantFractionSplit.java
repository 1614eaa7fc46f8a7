package org.cml4j.cascade.intermediate;

import java.util.List;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * The physics-only answer to "Qh and Qle separately": the calibrated model's turbulent flux QhQle
 * split with one evaporative fraction {@code EF = sum Qle / sum (Qh + Qle)} over the training
 * steps where both are observed (a constant Bowen ratio). The baseline mode 2 is compared with.
 */
public final class ConstantFractionSplit {
  private ConstantFractionSplit() {}

  /** Evaporative fraction from the training observations of Qh and Qle. */
  public static double evaporativeFraction(CouplingTask task) {
    double[] h = task.observations().values(Variables.QH);
    double[] le = task.observations().values(Variables.QLE);
    double sh = 0;
    double sle = 0;
    for (int i = 0; i < task.split().trainEnd(); i++) {
      if (!Double.isNaN(h[i]) && !Double.isNaN(le[i])) {
        sh += h[i];
        sle += le[i];
      }
    }
    if (!(Math.abs(sh + sle) > 0)) {
      throw new IllegalArgumentException("task " + task.name() + ": no training step with both"
          + " Qh and Qle observed (or their sum is zero); cannot estimate an evaporative"
          + " fraction");
    }
    return sle / (sh + sle);
  }

  /** Qh and Qle predicted by the calibrated physics with a constant evaporative fraction. */
  public static Frame predict(CouplingTask task, OptimizerSettings settings) {
    double ef = evaporativeFraction(task);
    double[] turb = new MechanismCalibrator(settings).calibrate(task)
        .simulate(List.of(Variables.QHQLE)).values(Variables.QHQLE);
    double[] qh = new double[turb.length];
    double[] qle = new double[turb.length];
    for (int i = 0; i < turb.length; i++) {
      qle[i] = ef * turb[i];
      qh[i] = (1 - ef) * turb[i];
    }
    return task.forcing().select(List.of()).with(Variables.QH, qh).with(Variables.QLE, qle);
  }
}
