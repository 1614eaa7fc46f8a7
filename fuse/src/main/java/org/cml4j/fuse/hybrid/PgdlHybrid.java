package org.cml4j.fuse.hybrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.pipeline.CouplingStage;
import org.cml4j.core.pipeline.Pipeline;
import org.cml4j.core.pipeline.PipelineCoupling;
import org.cml4j.core.pipeline.stages.CalibratedPhysicsStage;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.FuseCouplings;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.fuse.loss.PhysicsWeights;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.fuse.physics.PhysicsSimulation;

/**
 * Mode 10, hybrid of several modes in one {@link Pipeline}, after Read et al. (2019, Water
 * Resour. Res. 55:9173, process-guided deep learning) and Jia et al. (2021, ACM/IMS Trans. Data
 * Sci. 2:20, physics-guided recurrent networks):
 * <ol>
 *   <li>stage {@code physics} (cascade, the ready-made {@link CalibratedPhysicsStage}): the
 *   calibrated mechanism simulates the targets, the surface temperature, the ground and turbulent
 *   fluxes over the whole axis, published as {@code <v>_physics};</li>
 *   <li>stage {@code network} (fusion): a {@link FusionNetCoupling} that reads those variables as
 *   inputs (mode 7), is pretrained on the simulations (Read et al.'s pretraining, a cascade
 *   initialisation) and fine-tuned on the observations with the physics loss terms (mode 8).</li>
 * </ol>
 * The pipeline checks the wiring (names and units) before anything runs. Each element can be
 * switched off through the network's {@link FusionNetConfig} to compare the hybrid with its parts.
 */
public final class PgdlHybrid {
  /** Registry name. */
  public static final String NAME = "fusion.hybrid-pgdl";
  /** Identity of the registered hybrid. */
  public static final CouplingInfo INFO = FuseCouplings.identity(NAME,
      CouplingMode.HYBRID, "calibrated physics -> network with physics inputs, pretrained on"
      + " simulations, fine-tuned with physics loss (Read et al. 2019, Jia et al. 2021)");

  /**
   * Share of the QUICK network counts the hybrid's network stage trains with (350 epochs, 140
   * pretraining epochs, patience 105): normalised RMSE 0.536 -> 0.573 on the quick twin and
   * 0.277 -> 0.281 on twin-n3 against half the counts, inside the replicate spread, at 0.3-0.7x
   * the CPU (issue 12, docs/BENCHMARKS.md "Quick-suite cost"). TINY and FULL counts are unchanged.
   */
  public static final double QUICK_SHARE = 0.35;

  private PgdlHybrid() {}

  /**
   * The full hybrid: physics inputs (with the pass-through skip connection and the strong L2 of
   * the mode-7 network), pretraining on the simulations and the standard physics loss.
   */
  public static FusionNetConfig hybridConfig() {
    return PhysicsInputCoupling.config().withPhysics(PhysicsWeights.standard())
        .withPretraining(true);
  }

  /** The registered coupling. */
  public static PipelineCoupling create(CouplingDefaults defaults) {
    return create(NAME, defaults, hybridConfig());
  }

  /** A pipeline coupling with another network configuration (to study the parts). */
  public static PipelineCoupling create(String name, CouplingDefaults defaults,
      FusionNetConfig network) {
    return new PipelineCoupling(INFO.variant(name, INFO.mode(), INFO.description()),
        new Capabilities(Set.of(Requirement
        .DIFFERENTIABLE_MECHANISM), true, true, 24), task -> pipeline(name, task, defaults,
        network));
  }

  /** The pipeline for a task. */
  public static Pipeline pipeline(String name, CouplingTask task, CouplingDefaults defaults,
      FusionNetConfig network) {
    List<String> sim = PhysicsSimulation.inputVariables(task);
    CalibratedPhysicsStage physics = CalibratedPhysicsStage.of(task.mechanism(), sim)
        .withSuffix(FusionNetConfig.SIMULATION_SUFFIX).withSettings(defaults.optimizer());
    FusionNetCoupling net = new FusionNetCoupling(INFO.variant(name + ".network",
        CouplingMode.HYBRID, "network stage of " + name), network, QUICK_SHARE);
    Set<String> aux = Set.copyOf(physics.outputs().stream().map(VariableSpec::name).toList());
    Map<String, VariableSpec> outputs = new LinkedHashMap<>();
    for (String t : net.outputs(task, aux)) {
      outputs.put(t, task.targetSpec(t));
    }
    List<VariableSpec> inputs = network.auxiliaryInputs() || network.pretrain()
        ? physics.outputs() : List.of();
    return Pipeline.builder(name).stage(physics)
        .stage(new CouplingStage("network", net, inputs, outputs)).build();
  }
}
