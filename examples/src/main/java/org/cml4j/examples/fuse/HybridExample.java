package org.cml4j.examples.fuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.fuse.hybrid.AssimilationHybrid;
import org.cml4j.fuse.hybrid.PgdlHybrid;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 10 example on the structural twin (3 days observed, 2 days test), every variant on the same
 * split: (a) the Read et al. (2019) / Jia et al. (2021) pipeline — calibrated physics, then a
 * network with physics inputs, pretrained on the simulations and fine-tuned with the physics loss
 * — against the physics alone and the same network with each element alone; (b) data
 * assimilation (EnKF) with a physics-constrained model-error network, against the physics alone,
 * the EnKF alone and the network-corrected model alone. Run:
 * {@code org.cml4j.examples.fuse.HybridExample}.
 */
@ExampleInfo(name = "hybrid", mode = 10,
    summary = "pretrain + physics inputs + physics loss, and EnKF with a constrained "
        + "model-error net")
public final class HybridExample {
  private HybridExample() {}

  /**
   * The outcome.
   *
   * @param pgdl physics only, network alone, + physics inputs, + pretraining, + physics loss,
   *     hybrid (all three)
   * @param assimilation physics only, EnKF alone, corrected model alone, hybrid
   */
  public record Result(List<Score> pgdl, List<Score> assimilation) {}

  /** The network settings shared by every PGDL variant (strong L2, as for mode 7). */
  static FusionNetConfig base() {
    FusionNetConfig c = FusionNetConfig.dataOnly();
    return new FusionNetConfig(c.layer(), c.physics(), c.physicsRows(), false, false, c.hidden(),
        c.learningRate(), 0.1);
  }

  /** Runs both comparisons on a task. */
  public static Result run(BenchTask task) {
    CouplingDefaults d = CouplingDefaults.standard();
    Score physics = ExampleSupport.run(new PhysicsOnlyBaseline(d.optimizer()), task);
    FusionNetConfig b = base();
    FusionNetConfig loss = b.withPhysics(PgdlHybrid.hybridConfig().physics());
    List<Score> pgdl = new ArrayList<>();
    pgdl.add(physics);
    pgdl.add(ExampleSupport.run(PgdlHybrid.create("network alone", d, b), task));
    pgdl.add(ExampleSupport.run(PgdlHybrid.create("+ physics inputs", d,
        b.withAuxiliaryInputs(true)), task));
    pgdl.add(ExampleSupport.run(PgdlHybrid.create("+ pretraining", d, b.withPretraining(true)),
        task));
    pgdl.add(ExampleSupport.run(PgdlHybrid.create("+ physics loss", d, loss), task));
    pgdl.add(ExampleSupport.run(PgdlHybrid.create(PgdlHybrid.NAME, d,
        PgdlHybrid.hybridConfig()), task));
    return new Result(pgdl, assimilation(task, physics));
  }

  /**
   * The DA hybrid against its parts: {@code physics} (the physics-only score), the EnKF alone,
   * the corrected model alone, the hybrid.
   */
  public static List<Score> assimilation(BenchTask task, Score physics) {
    CouplingDefaults d = CouplingDefaults.standard();
    List<Score> da = new ArrayList<>();
    da.add(physics);
    da.add(ExampleSupport.run(AssimilationHybrid.create("EnKF alone", d,
        AssimilationHybrid.Parts.ASSIMILATION_ONLY), task));
    da.add(ExampleSupport.run(AssimilationHybrid.create("corrected model alone", d,
        AssimilationHybrid.Parts.CORRECTION_ONLY), task));
    da.add(ExampleSupport.run(AssimilationHybrid.create(d), task));
    return da;
  }

  public static void main(String[] args) {
    Result r = run(InputConstraintExample.twin(42));
    System.out.println(ExampleSupport.table(r.pgdl()));
    System.out.println(ExampleSupport.table(r.assimilation()));
    Score h = r.pgdl().get(r.pgdl().size() - 1);
    for (Score s : r.pgdl().subList(0, r.pgdl().size() - 1)) {
      System.out.printf(Locale.ROOT, "PGDL hybrid / %s: mean RMSE ratio %.3f%n", s.approach(),
          ExampleSupport.meanRatio(h, s));
    }
    Score a = r.assimilation().get(r.assimilation().size() - 1);
    for (Score s : r.assimilation().subList(0, r.assimilation().size() - 1)) {
      System.out.printf(Locale.ROOT, "DA hybrid / %s: mean RMSE ratio %.3f%n", s.approach(),
          ExampleSupport.meanRatio(a, s));
    }
  }
}
