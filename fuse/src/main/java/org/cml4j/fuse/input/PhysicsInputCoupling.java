package org.cml4j.fuse.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.uncertainty.LaplacePredictive;
import org.cml4j.core.uncertainty.Predictives;
import org.cml4j.core.vars.Frame;
import org.cml4j.fuse.FuseCouplings;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.fuse.net.OutputLayer;
import org.cml4j.fuse.physics.PhysicsSimulation;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;

/**
 * Mode 7, input-variable constraint: the calibrated mechanism's simulated outputs (soil temperature
 * at the target depths, surface temperature, ground heat flux, turbulent flux and any other
 * simulable target) are fed to the network as extra inputs beside the raw forcing — the
 * "hybrid-physics-data" design of Karpatne et al. (2017, arXiv:1710.11431). The network (a
 * {@link FusionNetCoupling} with a data-only loss) learns the targets from forcing and physics;
 * a trainable linear skip connection starts by passing each {@code <target>_physics} input
 * through to its target, and the L2 penalty pulls it back there, so with few data the network
 * stays near the physics and learns a regularised correction. Targets without training
 * observations are passed through from the simulation. With
 * {@code physicsInputs = false} the same network runs without the physics columns (and without
 * the calibration): the comparison the mode is judged by. Predictive distribution (the mode-7
 * coupling {@value #NAME} only, to bound the benchmark's cost): a deep ensemble of {@link
 * Predictives#ensembleSize} networks differing in their seeds (the first is the point prediction,
 * unchanged), plus a noise scale fitted on the validation residuals; targets passed through from
 * the simulation get its {@link LaplacePredictive} (parameter spread plus transferred structural
 * error).
 */
public final class PhysicsInputCoupling extends AbstractCoupling {
  /** Registry name. */
  public static final String NAME = "fusion.physics-inputs";
  /** Identity of the mode-7 coupling. */
  public static final CouplingInfo INFO = FuseCouplings.identity(NAME,
      CouplingMode.INPUT_VARIABLE_CONSTRAINT,
      "network on forcing plus calibrated-physics outputs (PGNN hybrid-physics-data)");
  /** Mode 9: the same network with the energy-conserving output layer. */
  public static final CouplingInfo ENERGY_CONSERVING = INFO.variant("fusion.energy-conserving",
      CouplingMode.MODEL_STRUCTURE_CONSTRAINT, "physics-input network whose output layer"
      + " partitions the available energy Rn - G into Qh and Qle (closure exact by construction)");
  private final CouplingDefaults defaults;
  private final boolean physicsInputs;
  /**
   * Share of the QUICK network counts (500 epochs, patience 150) of the mode-7 network and its
   * energy-conserving variant: on the quick twin, twin-n3 and Bondville the error was the same to
   * 4 digits at full and half counts at 0.3-0.8x the CPU (issue 12, docs/BENCHMARKS.md
   * "Quick-suite cost"). TINY and FULL counts are unchanged.
   */
  public static final double QUICK_SHARE = 0.5;
  private final OutputLayer layer;

  /** The mode-7 coupling ({@code physicsInputs = true}) or the same network without them. */
  public PhysicsInputCoupling(CouplingDefaults defaults, boolean physicsInputs) {
    this(physicsInputs ? INFO : INFO.variant("network on forcing only", INFO.mode(),
        INFO.description()), defaults, physicsInputs, OutputLayer.FREE);
  }

  /**
   * The same network with another output layer, e.g. the energy-conserving layer (registered as
   * mode 9, {@code fusion.energy-conserving}).
   */
  public PhysicsInputCoupling(CouplingInfo info, CouplingDefaults defaults,
      boolean physicsInputs, OutputLayer layer) {
    super(info, capabilitiesFor(physicsInputs, info.name().equals(NAME)));
    this.defaults = defaults;
    this.physicsInputs = physicsInputs;
    this.layer = layer;
  }

  private static Capabilities capabilitiesFor(boolean physicsInputs, boolean ensemble) {
    return physicsInputs ? new Capabilities(Set.of(Requirement.DIFFERENTIABLE_MECHANISM), true,
        true, FusionNetCoupling.MIN_TRAINING, ensemble) : new Capabilities(Set.of(), false, false,
        FusionNetCoupling.MIN_TRAINING, ensemble);
  }

  /** The network's applicability, then (with physics inputs) the calibration's. */
  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = network().applicability(task);
    if (!a.applicable() || !physicsInputs) {
      return a;
    }
    return new PhysicsOnlyBaseline(defaults.optimizer()).applicability(task);
  }

  private FusionNetCoupling network() {
    return new FusionNetCoupling(info(), config().withLayer(layer), QUICK_SHARE);
  }

  /**
   * The network's configuration, with and without physics inputs: data-only loss and a strong L2
   * penalty (0.1). With physics inputs, the penalty pulls the skip connection towards passing the
   * simulation through and the MLP's weights towards zero, i.e. towards the physics; on the twin
   * with 62 training hours 1e-4 let the correction overfit (test RMSE above the physics), 1e-2
   * was in between.
   */
  public static FusionNetConfig config() {
    FusionNetConfig c = FusionNetConfig.dataOnly();
    return new FusionNetConfig(c.layer(), c.physics(), c.physicsRows(), true, false, c.hidden(),
        c.learningRate(), 0.1);
  }

  @Override
  protected Result run(CouplingTask task) {
    CouplingTask sub = task;
    PhysicsSimulation.Result sim = null;
    if (physicsInputs) {
      sim = PhysicsSimulation.calibrated(task, PhysicsSimulation.inputVariables(task),
          defaults.optimizer());
      sub = task.toBuilder().auxiliary(task.auxiliary().merge(sim.suffixed())).build();
    }
    CouplingSolution net = network().solve(sub);
    Frame pred = net.predictions();
    int k0 = capabilities().predictsDistribution() ? Predictives.ensembleSize(task.budget()) : 1;
    List<Frame> members = new ArrayList<>(List.of(pred));
    for (int m = 1; m < k0; m++) {
      members.add(network().solve(sub.toBuilder().seed(Predictives.memberSeed(task.seed(), m))
          .build()).predictions());
    }
    Map<String, PredictiveDistribution> dist = new LinkedHashMap<>();
    for (String t : task.targets()) {
      if (pred.has(t) && k0 > 1) {
        List<double[]> centres = members.stream().map(f -> f.values(t)).toList();
        PredictiveDistribution pd = Predictives.calibrated("deep-ensemble(" + k0 + ")", task, t,
            pred.values(t), centres, null);
        if (pd != null) {
          dist.put(t, pd);
        }
      }
    }
    Diagnostics.Builder d = Diagnostics.builder().addAll(net.diagnostics(), "");
    if (k0 > 1) {
      d.note("predictive: deep ensemble of " + k0 + " networks (seeds; member 1 is the point"
          + " prediction) plus a noise scale from validation residuals");
    }
    if (sim != null) {
      Frame physics = sim.outputs();
      List<String> passed = task.targets().stream()
          .filter(t -> !net.predictions().has(t) && physics.has(t)).toList();
      for (String t : passed) {
        pred = pred.with(physics.spec(t), physics.values(t));
        d.note("target " + t + " has no training observations: passed through from physics");
      }
      if (k0 > 1 && !passed.isEmpty()) {
        dist.putAll(LaplacePredictive.of(sim.calibration(), task,
            task.targets().stream().filter(physics::has).toList(), physics, passed));
      }
      d.scalar("physicsEvaluations", sim.evaluations()).scalar("physicsSeconds", sim.seconds())
          .note("physics inputs " + sim.outputs().names() + ", calibrated "
              + PhysicsSimulation.rounded(sim.fitted()));
    }
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("physicsInputs", Boolean.toString(physicsInputs));
    cfg.put("network", config().withLayer(layer).toString());
    if (k0 > 1) {
      cfg.put("ensembleMembers", Integer.toString(k0));
    }
    return new Result(pred, sim == null ? Map.of() : sim.fitted(), d.build(), cfg,
        net.predictSeconds()).withCalibration(sim == null ? null : sim.calibration().id())
        .withPredictive(dist);
  }
}
