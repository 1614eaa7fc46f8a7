package org.cml4j.examples.fuse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.fuse.input.PhysicsInputCoupling;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 7 example: the calibrated physics alone, a network on the forcing alone, and the same
 * network with the physics outputs as extra inputs, on the structural twin (3 days observed, 2 days
 * test) and on Bondville (7 days observed, 7 days test) when {@code ../shared/data} is present.
 * Prints the test RMSE per target. Run: {@code org.cml4j.examples.fuse.InputConstraintExample}.
 */
@ExampleInfo(name = "input-constraint", mode = 7,
    summary = "network with vs without the physics outputs as inputs: twin and Bondville")
public final class InputConstraintExample {
  private InputConstraintExample() {}

  /**
   * Scores per task, each list in the order physics only, network without, network with physics
   * inputs.
   *
   * @param twin on the structural twin
   * @param bondville on Bondville (empty if the data are absent)
   */
  public record Result(List<Score> twin, List<Score> bondville) {}

  /** The tiny-suite twin at the tiny budget. */
  public static BenchTask twin(long seed) {
    return ExampleSupport.withBudget(TaskCatalog.tiny(null, seed).task("twin"),
        ExampleSupport.BUDGET);
  }

  /** Runs on the twin and, if {@code dataDir} is not null, on Bondville. */
  public static Result run(long seed, Path dataDir) {
    List<Score> tw = compare(twin(seed));
    List<Score> bo = dataDir == null ? List.of()
        : compare(RealSiteTasks.bondville(dataDir, seed, ExampleSupport.BUDGET));
    return new Result(tw, bo);
  }

  /** Physics only, network without, network with physics inputs on one task. */
  public static List<Score> compare(BenchTask task) {
    CouplingDefaults d = CouplingDefaults.standard();
    List<Score> s = new ArrayList<>();
    s.add(ExampleSupport.run(new PhysicsOnlyBaseline(d.optimizer()), task));
    s.add(ExampleSupport.run(new PhysicsInputCoupling(d, false), task));
    s.add(ExampleSupport.run(new PhysicsInputCoupling(d, true), task));
    return s;
  }

  public static void main(String[] args) {
    Result r = run(42, ExampleSupport.dataDir());
    List<Score> all = new ArrayList<>(r.twin());
    all.addAll(r.bondville());
    System.out.println(ExampleSupport.table(all));
    System.out.printf(Locale.ROOT, "twin: mean RMSE ratio with/without physics inputs %.3f,"
        + " with inputs / physics only %.3f%n", ExampleSupport.meanRatio(r.twin().get(2),
        r.twin().get(1)), ExampleSupport.meanRatio(r.twin().get(2), r.twin().get(0)));
    if (!r.bondville().isEmpty()) {
      System.out.printf(Locale.ROOT, "bondville: mean RMSE ratio with/without physics inputs"
          + " %.3f, with inputs / physics only %.3f%n", ExampleSupport.meanRatio(
          r.bondville().get(2), r.bondville().get(1)), ExampleSupport.meanRatio(
          r.bondville().get(2), r.bondville().get(0)));
    }
  }
}
