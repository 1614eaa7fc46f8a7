package org.cml4j.embed;

import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Paradigm;

/**
 * Common frame of the embedding couplings (modes 4–6 of Shen et al. 2023): the core
 * {@link AbstractCoupling} frame with the user's {@link CouplingDefaults}, provenance naming
 * {@link #PLUGIN}, and the embedding couplings' applicability: the land-surface column mechanism
 * (first, if needed), the capabilities, at least one simulable target, at least one observed
 * simulable variable and a minimum number of training steps, then {@link #extraChecks}.
 */
public abstract class EmbedCoupling extends AbstractCoupling {
  /** Plugin name used in provenance. */
  public static final String PLUGIN = "cml4j-embed";
  protected final CouplingDefaults defaults;
  private final boolean needsLsm;
  private final int minTrain;

  /**
   * @param info the coupling's identity (its {@code INFO}, plugin {@link #PLUGIN})
   * @param needsLsm true if the coupling needs the land-surface column mechanism (LsmMechanism)
   * @param minTrain fewest training steps [time steps]
   */
  protected EmbedCoupling(CouplingInfo info, Capabilities capabilities, CouplingDefaults defaults,
      boolean needsLsm, int minTrain) {
    super(info, capabilities);
    this.defaults = defaults;
    this.needsLsm = needsLsm;
    this.minTrain = minTrain;
  }

  /**
   * An embedding coupling's identity (its {@code INFO}): plugin {@link #PLUGIN}, an embedding mode
   * (modes 4-6 of Shen et al. 2023).
   */
  protected static CouplingInfo identity(String name, CouplingMode mode, String description) {
    return CouplingInfo.of(PLUGIN, Paradigm.EMBEDDING, name, mode, description);
  }

  @Override
  public final Applicability applicability(CouplingTask task) {
    if (needsLsm && !TaskSupport.isLsm(task)) {
      return Applicability.no("needs the land-surface column mechanism (LsmMechanism), got "
          + task.mechanism().name());
    }
    Applicability a = capabilities().check(task);
    if (!a.applicable()) {
      return a;
    }
    if (TaskSupport.simulableTargets(task).isEmpty()) {
      return Applicability.no("the mechanism simulates none of the targets " + task.targets());
    }
    if (TaskSupport.observedSimulable(task, false, 2).isEmpty()) {
      return Applicability.no("no observed variable the mechanism can simulate");
    }
    if (task.split().trainEnd() < minTrain) {
      return Applicability.no("the training period has " + task.split().trainEnd()
          + " steps; at least " + minTrain + " are needed");
    }
    return extraChecks(task);
  }
}
