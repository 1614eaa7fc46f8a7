package org.cml4j.fuse;

import java.util.List;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.fuse.hybrid.AssimilationHybrid;
import org.cml4j.fuse.hybrid.PgdlHybrid;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.net.FusionNetCoupling;
import org.cml4j.fuse.net.OutputLayer;
import org.cml4j.fuse.structure.PhysicsLayerCoupling;

/**
 * The fusion paradigm's couplings (modes 7–10 of Shen et al. 2023): mechanism knowledge inside
 * the learner as inputs, loss terms, architecture, and hybrids of several modes.
 */
public final class FusePlugin implements CouplingPlugin {
  /** Plugin name, also recorded in the provenance of its couplings. */
  public static final String PLUGIN = "fuse";
  /** Mode 8: physics terms in the loss. */
  public static final String PHYSICS_LOSS = "fusion.physics-loss";
  /** Mode 9: energy-conserving output layer. */
  public static final String ENERGY_CONSERVING = "fusion.energy-conserving";

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(
        CouplingFactory.of(PhysicsInputCoupling.NAME, CouplingMode.INPUT_VARIABLE_CONSTRAINT,
            "network on forcing plus calibrated-physics outputs (PGNN hybrid-physics-data)",
            d -> new PhysicsInputCoupling(d, true)),
        CouplingFactory.of(PHYSICS_LOSS, CouplingMode.OBJECTIVE_FUNCTION_CONSTRAINT,
            physicsLossDescription(), d -> physicsLoss()),
        CouplingFactory.of(ENERGY_CONSERVING, CouplingMode.MODEL_STRUCTURE_CONSTRAINT,
            energyConservingDescription(), FusePlugin::energyConserving),
        CouplingFactory.of(PhysicsLayerCoupling.NAME, CouplingMode.MODEL_STRUCTURE_CONSTRAINT,
            "network -> bounded time-varying hbeta -> differentiable physics (adjoint-trained)",
            PhysicsLayerCoupling::new),
        CouplingFactory.of(PgdlHybrid.NAME, CouplingMode.HYBRID, "physics stage -> network with"
            + " physics inputs, pretrained on simulations, physics loss (Read 2019, Jia 2021)",
            PgdlHybrid::create),
        CouplingFactory.of(AssimilationHybrid.NAME, CouplingMode.HYBRID, "EnKF assimilation with"
            + " a physics-constrained model-error network", AssimilationHybrid::create));
  }

  /** The mode-8 coupling. */
  public static FusionNetCoupling physicsLoss() {
    return new FusionNetCoupling(PHYSICS_LOSS, CouplingMode.OBJECTIVE_FUNCTION_CONSTRAINT,
        physicsLossDescription(), FusionNetConfig.physicsLoss());
  }

  /**
   * The mode-9 energy-conserving network: the mode-7 network (forcing plus calibrated-physics
   * inputs) with the energy-conserving output layer instead of free outputs.
   */
  public static PhysicsInputCoupling energyConserving(CouplingDefaults d) {
    return new PhysicsInputCoupling(ENERGY_CONSERVING, CouplingMode.MODEL_STRUCTURE_CONSTRAINT,
        d, true, OutputLayer.ENERGY_CONSERVING);
  }

  private static String physicsLossDescription() {
    return "network with heat-equation, energy-balance and monotonicity terms in the loss";
  }

  private static String energyConservingDescription() {
    return "physics-input network whose output layer partitions the available energy Rn - G"
        + " into Qh and Qle (closure exact by construction)";
  }
}
