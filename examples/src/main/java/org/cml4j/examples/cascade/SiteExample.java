package org.cml4j.examples.cascade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.intermediate.ConstantFractionSplit;
import org.cml4j.testbeds.sites.SiteTasks;
import org.cml4j.core.baseline.LearningOnlyBaseline;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.examples.ExampleInfo;

/**
 * The cascade couplings on the real sites: the catalog's {@code bondville-1998} (7 d observed,
 * 7 d test) and {@code phoenix-2012} (150 h observed, the paper's 50 h as test), and 28-day
 * windows of both ({@link SiteTasks}: 14 d train, 4 d validation, 10 d test); every applicable
 * cascade coupling, both baselines and the constant-evaporative-fraction split, scored on each
 * test period. Run: {@code ... org.cml4j.examples.cascade.SiteExample shared/data [names...]}.
 */
@ExampleInfo(name = "cascade-sites", mode = 3, arguments = ExampleInfo.DATA + " [couplings]",
    summary = "the cascade couplings on Bondville 1998 and Phoenix 2012")
public final class SiteExample {
  private SiteExample() {}

  /** The four site tasks (budget for the couplings). */
  public static List<BenchTask> tasks(Path dataDir, Budget budget) {
    return List.of(RealSiteTasks.bondville(dataDir, 1998, budget),
        RealSiteTasks.phoenix(dataDir, 2012, budget).getKey(),
        SiteTasks.bondville1998(dataDir, budget), SiteTasks.phoenix2012(dataDir, budget));
  }

  /** Scores the named couplings (all cascade couplings if empty) and the baselines on a task. */
  public static Comparison evaluate(BenchTask b, List<String> couplings) {
    CouplingRegistry reg = Cml4j.discover().registry();
    CouplingDefaults d = reg.defaults();
    Map<String, Frame> p = new LinkedHashMap<>();
    var task = b.task();
    Comparison.solve(p, task, new PhysicsOnlyBaseline(d.optimizer()),
        LearningOnlyBaseline.standard());
    if (task.observed().contains(Variables.QH) && task.observed().contains(Variables.QLE)) {
      p.put("physics + constant EF", ConstantFractionSplit.predict(task, d.optimizer()));
    }
    List<String> names = couplings.isEmpty() ? reg.names().stream()
        .filter(n -> n.startsWith("cascade.")).toList() : couplings;
    for (String n : names) {
      Coupling c = reg.create(n);
      if (c.applicability(task).applicable()) {
        p.put(n, c.solve(task).predictions());
      }
    }
    var s = task.split();
    return Comparison.score("test-period RMSE, " + b.id() + " (" + b.description() + ")",
        b.truth(), s.validationEnd(), s.size(), p);
  }

  public static void main(String[] args) {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    List<String> names = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      names.add(args[i]);
    }
    for (BenchTask b : tasks(data, Budget.quick())) {
      System.out.println(evaluate(b, names).table());
    }
  }
}
