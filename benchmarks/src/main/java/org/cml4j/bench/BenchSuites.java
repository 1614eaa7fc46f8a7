package org.cml4j.bench;

import org.cml4j.testbeds.tasks.BenchTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Approach;
import org.cml4j.testbeds.tasks.TaskCatalog;

/** The task lists of each suite and the approaches the benchmark runs. */
public final class BenchSuites {
  private BenchSuites() {}

  /** Cases of a suite (tiny, quick or full). */
  public static List<BenchTask> cases(String suite, Path dataDir, long seed) {
    return catalog(suite, dataDir, seed).tasks();
  }

  /** The suite's task catalog; tasks whose data are missing are reported on stderr. */
  public static TaskCatalog catalog(String suite, Path dataDir, long seed) {
    TaskCatalog c = TaskCatalog.of(TaskCatalog.Suite.valueOf(suite.toUpperCase(
        java.util.Locale.ROOT)), dataDir, seed);
    c.skipped().forEach((id, why) -> System.err.println("bench: skipping task " + id + ": "
        + why));
    return c;
  }

  /**
   * Every registered approach: the baselines (physics, learning, PLUMBER empirical, registered by
   * {@link org.cml4j.lsm.coupling.BaselinesPlugin}), then every registered coupling created with its effective
   * settings ({@link CouplingRegistry#settings(String)}).
   */
  public static List<Approach> approaches(CouplingRegistry reg) {
    return reg.approaches();
  }

  /** The registered baselines in the benchmark's order: physics, learning, PLUMBER empirical. */
  public static List<Approach> baselines(CouplingRegistry reg) {
    return reg.baselines().stream().map(b -> reg.approach(b.name())).toList();
  }

  /** Keeps the named tasks (all if null); unknown ids fail listing the known ones. */
  public static List<BenchTask> filterTasks(List<BenchTask> cases, List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      return cases;
    }
    List<String> known = cases.stream().map(BenchTask::id).toList();
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("unknown task '" + id + "'; tasks of this suite: "
            + String.join(", ", known));
      }
    }
    return cases.stream().filter(c -> ids.contains(c.id())).toList();
  }

  /** Keeps approaches matching the patterns (name, or prefix with a trailing *). */
  public static List<Approach> filterApproaches(List<Approach> all, List<String> patterns) {
    if (patterns == null || patterns.isEmpty()) {
      return all;
    }
    List<String> known = all.stream().map(Approach::name).toList();
    List<Approach> out = new ArrayList<>();
    for (String p : patterns) {
      List<Approach> m = all.stream().filter(a -> p.endsWith("*")
          ? a.name().startsWith(p.substring(0, p.length() - 1)) : a.name().equals(p)).toList();
      if (m.isEmpty()) {
        throw new IllegalArgumentException("no coupling matches '" + p + "'; registered: "
            + String.join(", ", known));
      }
      m.stream().filter(a -> !out.contains(a)).forEach(out::add);
    }
    return all.stream().filter(out::contains).toList();
  }
}
