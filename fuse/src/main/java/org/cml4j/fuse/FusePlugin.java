package org.cml4j.fuse;

import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;
import org.cml4j.fuse.hybrid.AssimilationHybrid;
import org.cml4j.fuse.hybrid.PgdlHybrid;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.fuse.net.OutputLayer;
import org.cml4j.fuse.structure.PhysicsLayerCoupling;

/**
 * The fusion paradigm's couplings (modes 7–10 of Shen et al. 2023): mechanism knowledge inside
 * the learner as inputs, loss terms, architecture, and hybrids of several modes. Each factory is
 * built from its coupling's {@link org.cml4j.core.spi.CouplingInfo}; the couplings do not import
 * this class (their plugin name is {@link FuseCouplings#PLUGIN}).
 */
public final class FusePlugin implements CouplingPlugin {
  /** Plugin name, also recorded in the provenance of its couplings. */
  public static final String PLUGIN = FuseCouplings.PLUGIN;
  /** Mode 8: physics terms in the loss. */
  public static final String PHYSICS_LOSS = FusionNetCoupling.PHYSICS_LOSS.name();
  /** Mode 9: energy-conserving output layer. */
  public static final String ENERGY_CONSERVING = PhysicsInputCoupling.ENERGY_CONSERVING.name();

  @Override
  public String name() {
    return PLUGIN;
  }

  @Override
  public List<CouplingFactory> couplings() {
    return List.of(
        CouplingFactory.of(PhysicsInputCoupling.INFO, d -> new PhysicsInputCoupling(d, true)),
        CouplingFactory.of(FusionNetCoupling.PHYSICS_LOSS, FusionNetConfig.physicsLoss(),
            (d, s) -> new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS, s,
            PHYSICS_LOSS_QUICK_SHARE)),
        CouplingFactory.of(PhysicsInputCoupling.ENERGY_CONSERVING, FusePlugin::energyConserving),
        CouplingFactory.of(PhysicsLayerCoupling.INFO, PhysicsLayerCoupling.Settings.standard(),
            (d, s) -> new PhysicsLayerCoupling(d, s.boundsArrays())),
        CouplingFactory.of(PgdlHybrid.INFO, PgdlHybrid::create),
        CouplingFactory.of(AssimilationHybrid.INFO, AssimilationHybrid::create));
  }

  /** The mode-8 coupling. */
  public static FusionNetCoupling physicsLoss() {
    return new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS, FusionNetConfig.physicsLoss(),
        PHYSICS_LOSS_QUICK_SHARE);
  }

  /**
   * Share of the QUICK network counts the registered physics-loss network trains with (500
   * epochs, patience 150): normalised RMSE 0.394 -> 0.415 on the quick twin, 0.420 -> 0.417 on
   * twin-n3, both inside the replicate spread, at 0.3-0.8x the cost (issue 12,
   * docs/BENCHMARKS.md "Quick-suite cost"). TINY and FULL counts are unchanged.
   */
  public static final double PHYSICS_LOSS_QUICK_SHARE = 0.5;

  /**
   * The mode-9 energy-conserving network: the mode-7 network (forcing plus calibrated-physics
   * inputs) with the energy-conserving output layer instead of free outputs.
   */
  public static PhysicsInputCoupling energyConserving(CouplingDefaults d) {
    return new PhysicsInputCoupling(PhysicsInputCoupling.ENERGY_CONSERVING, d, true,
        OutputLayer.ENERGY_CONSERVING);
  }
}
