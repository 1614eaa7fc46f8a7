package org.cml4j.cascade;

import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Paradigm;

/**
 * Common frame of the cascade couplings: the core {@link AbstractCoupling} frame (applicability
 * checked before any work, the run timed, provenance naming {@link #PLUGIN}) with the user's
 * {@link CouplingDefaults}.
 */
public abstract class CascadeCoupling extends AbstractCoupling {
  /** Plugin name used in provenance. */
  public static final String PLUGIN = "cml4j-cascade";
  protected final CouplingDefaults defaults;

  /**
   * A cascade coupling's identity (its {@code INFO}): plugin {@link #PLUGIN}, a cascade mode
   * (modes 1-3 of Shen et al. 2023).
   */
  protected static CouplingInfo identity(String name, CouplingMode mode, String description) {
    return CouplingInfo.of(PLUGIN, Paradigm.CASCADE, name, mode, description);
  }

  /**
   * @param info the coupling's identity (its {@code INFO}, plugin {@link #PLUGIN})
   * @param capabilities requirements and what the coupling provides
   * @param defaults the user's defaults
   */
  protected CascadeCoupling(CouplingInfo info, Capabilities capabilities,
      CouplingDefaults defaults) {
    super(info, capabilities);
    this.defaults = defaults;
  }

  /**
   * Applicable if some target is both simulated by the mechanism and observed at least
   * {@link Targets#MIN_TRAINING_OBS} times in training (the couplings that learn from the
   * physics' error or from its simulations of the observed targets).
   */
  protected static Applicability simulatedAndObservedTarget(CouplingTask task) {
    if (Targets.simulatedAndObserved(task).isEmpty()) {
      return Applicability.no("no target is both simulated by the mechanism and observed at"
          + " least " + Targets.MIN_TRAINING_OBS + " times in training; targets "
          + task.targets() + ", observed " + task.observed());
    }
    return Applicability.yes();
  }

  /**
   * Applicable if the mechanism simulates some target and some observed variable (what its
   * parameters are calibrated on; {@link CalibrationProblem#defaultVariables}).
   */
  protected static Applicability calibratableTargets(CouplingTask task) {
    if (Targets.simulated(task).isEmpty()) {
      return Applicability.no("the mechanism simulates none of the targets " + task.targets());
    }
    if (CalibrationProblem.defaultVariables(task, task.observations()).isEmpty()) {
      return Applicability.no("no observed variable the mechanism simulates");
    }
    return Applicability.yes();
  }
}
