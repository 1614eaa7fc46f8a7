package org.cml4j.fuse.net;

import java.util.List;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.loss.EnergyBalanceClosure;
import org.cml4j.fuse.loss.NetRadiation;

/**
 * The output layer of a {@link FusionNetwork}.
 */
public enum OutputLayer {
  /** One linear output per target (the unconstrained network). */
  FREE,
  /**
   * Energy-conserving layer (a conservation layer in the sense of Beucler et al. 2021, Phys. Rev.
   * Lett. 126:098302): the network predicts the net-radiation output (Rnet, LWup or SurfTemp, see
   * {@link NetRadiation}), Qg and the logit of the evaporative fraction {@code f}; the layer
   * partitions the available energy {@code A = Rn - Qg} into {@code Qle = f A} and
   * {@code Qh = A - Qle} (or {@code QhQle = A}), so {@code Rn = Qg + Qh + Qle} holds to round-off
   * by construction, and Qh and Qle share the sign of A (a positive Bowen ratio).
   */
  ENERGY_CONSERVING;

  /**
   * The last turbulent flux the energy-conserving layer derives (Qle, or QhQle), or null for
   * {@link #FREE}; fails naming the targets and inputs if the layer cannot be built from them.
   */
  public String residualTarget(List<String> targets, List<String> features) {
    if (this == FREE) {
      return null;
    }
    List<String> turb = EnergyBalanceClosure.turbulentFluxes(targets);
    boolean rn = NetRadiation.detect(targets, features, 0.2, 0.95).isPresent();
    boolean both = targets.contains(Variables.QHQLE) && turb.size() == 2;
    if (!rn || !targets.contains(Variables.QG) || turb.isEmpty() || both) {
      throw new IllegalArgumentException("the energy-conserving output layer needs targets Qg, a"
          + " net-radiation source (Rnet, or LWup or SurfTemp with SWdown and LWdown inputs) and"
          + " either Qh and Qle or QhQle (not both); targets are " + targets + ", inputs "
          + features);
    }
    return turb.get(turb.size() - 1);
  }
}
