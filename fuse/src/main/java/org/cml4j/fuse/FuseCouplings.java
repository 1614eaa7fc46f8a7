package org.cml4j.fuse;

import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.Paradigm;

/**
 * Names shared by the fusion couplings and their plugin, kept out of {@link FusePlugin} so that
 * the couplings never import the plugin class (the plugin imports the couplings, not the reverse).
 */
public final class FuseCouplings {
  /** Plugin name, recorded in the provenance of the fusion couplings. */
  public static final String PLUGIN = "cml4j-fuse";

  private FuseCouplings() {}

  /**
   * A fusion coupling's identity (its {@code INFO}): plugin {@link #PLUGIN}, a fusion mode (modes
   * 7-10 of Shen et al. 2023).
   */
  public static CouplingInfo identity(String name, CouplingMode mode, String description) {
    return CouplingInfo.of(PLUGIN, Paradigm.FUSION, name, mode, description);
  }
}
