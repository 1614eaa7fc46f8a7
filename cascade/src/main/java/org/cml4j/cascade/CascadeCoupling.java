package org.cml4j.cascade;

import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;

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
   * @param info the coupling's identity (its {@code INFO}, plugin {@link #PLUGIN})
   * @param capabilities requirements and what the coupling provides
   * @param defaults the user's defaults
   */
  protected CascadeCoupling(CouplingInfo info, Capabilities capabilities,
      CouplingDefaults defaults) {
    super(info, capabilities);
    this.defaults = defaults;
  }
}
