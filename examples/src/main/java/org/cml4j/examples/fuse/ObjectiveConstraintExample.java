package org.cml4j.examples.fuse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.fuse.FusePlugin;
import org.cml4j.examples.fuse.ExampleSupport.Score;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.objective.FusionNetCoupling;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 8 example: with scarce training data (the structural twin seen for 3 days: 62 h train,
 * 10 h validation, then 5 days of test), the same network is trained with a data-only loss and
 * with the physics terms (heat-equation residual on the predicted profile, surface energy-balance
 * closure, monotonic response to sunshine) acting on every hour including the unlabelled test
 * period. Prints the test RMSE per target, the fraction of energy-inconsistent test hours and each
 * physics term over the epochs. Run: {@code java -cp fuse/target/classes:... 
 * org.cml4j.examples.fuse.ObjectiveConstraintExample} (or the test ObjectiveConstraintExampleTest).
 */
@ExampleInfo(name = "objective-constraint", mode = 8, arguments = "[seed]",
    summary = "physics loss terms with scarce training data; term values over epochs")
public final class ObjectiveConstraintExample {
  private ObjectiveConstraintExample() {}

  /**
   * The outcome.
   *
   * @param dataOnly the network with a data-only loss
   * @param physicsLoss the same network with the physics terms
   * @param physicsOnly the calibrated mechanism alone
   */
  public record Result(Score dataOnly, Score physicsLoss, Score physicsOnly) {
    /** Per-epoch value of every physics term of the physics-loss run. */
    public Map<String, double[]> termCurves() {
      Map<String, double[]> m = new java.util.LinkedHashMap<>();
      physicsLoss.solution().diagnostics().curves().forEach((k, v) -> {
        if (k.startsWith("term.")) {
          m.put(k.substring(5), v);
        }
      });
      return m;
    }
  }

  /** The twin observed for 3 days (quick catalog, {@code twin-n3}) at the tiny budget. */
  public static BenchTask scarceTwin(long seed) {
    return ExampleSupport.withBudget(TaskCatalog.quick(null, seed).task("twin-n3"),
        ExampleSupport.BUDGET);
  }

  /** Runs the comparison on a task. */
  public static Result run(BenchTask task) {
    FusionNetCoupling data = new FusionNetCoupling(FusionNetCoupling.PHYSICS_LOSS.variant(
        "network (data only)", CouplingMode.OBJECTIVE_FUNCTION_CONSTRAINT, "data-only loss"),
        FusionNetConfig.dataOnly());
    Score d = ExampleSupport.run(data, task);
    Score p = ExampleSupport.run(FusePlugin.physicsLoss(), task);
    Score ph = ExampleSupport.run(new PhysicsOnlyBaseline(OptimizerSettings.standard()), task);
    return new Result(d, p, ph);
  }

  public static void main(String[] args) {
    Result r = run(scarceTwin(args.length > 0 ? Long.parseLong(args[0]) : 42));
    System.out.println(ExampleSupport.table(List.of(r.physicsOnly(), r.dataOnly(),
        r.physicsLoss())));
    System.out.printf(Locale.ROOT, "mean RMSE ratio physics-loss / data-only: %.3f%n",
        ExampleSupport.meanRatio(r.physicsLoss(), r.dataOnly()));
    r.termCurves().forEach((k, v) -> System.out.printf(Locale.ROOT,
        "term %-16s epoch 1: %.4g, epoch %d: %.4g%n", k, v[0], v.length, v[v.length - 1]));
    r.physicsLoss().solution().diagnostics().scalars().forEach((k, v) -> {
      if (k.contains("kappa") || k.contains("alpha")) {
        System.out.printf(Locale.ROOT, "%s = %.4g%n", k, v);
      }
    });
  }
}
