package org.cml4j.fuse.net;

import java.util.List;
import org.cml4j.core.vars.Variables;

/**
 * The output layer of a {@link FusionNetwork}.
 */
public enum OutputLayer {
  /** One linear output per target (the unconstrained network). */
  FREE,
  /**
   * Energy-conserving layer (a conservation layer in the sense of Beucler et al. 2021, PRL
   * 126:098302): the network predicts Rnet, Qg and all turbulent fluxes but one, and the last
   * turbulent flux is the residual of the available energy, {@code Qle = Rnet - Qg - Qh} (or
   * {@code QhQle = Rnet - Qg}), so {@code Rnet = Qg + Qh + Qle} holds to round-off by construction.
   */
  ENERGY_CONSERVING;

  /**
   * The target computed as the energy residual under this layer, or null for {@link #FREE}; fails
   * naming the targets if the energy-conserving layer cannot be built from them.
   */
  public String residualTarget(List<String> targets) {
    if (this == FREE) {
      return null;
    }
    boolean rq = targets.contains(Variables.RNET) && targets.contains(Variables.QG);
    if (rq && targets.contains(Variables.QH) && targets.contains(Variables.QLE)
        && !targets.contains(Variables.QHQLE)) {
      return Variables.QLE;
    }
    if (rq && targets.contains(Variables.QHQLE) && !targets.contains(Variables.QH)
        && !targets.contains(Variables.QLE)) {
      return Variables.QHQLE;
    }
    throw new IllegalArgumentException("the energy-conserving output layer needs targets Rnet, Qg"
        + " and either Qh and Qle or QhQle (not both); the targets are " + targets);
  }
}
