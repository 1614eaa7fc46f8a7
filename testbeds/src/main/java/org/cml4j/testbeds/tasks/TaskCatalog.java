package org.cml4j.testbeds.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cml4j.core.spi.Budget;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.testbeds.twin.StructuralTwin;

/**
 * The seeded, versioned benchmark tasks of {@code ./cml4j bench} (issue 6), documented in
 * {@code docs/BENCHMARKS.md}. Three suites:
 * <ul>
 *   <li>{@link #tiny}: CI-sized (3 d observed, 2 d test; twin, twin-extrap, twin-n1, twin-n3 and
 *   huang2025-2depth), {@link Budget#tiny()};</li>
 *   <li>{@link #quick}: the default (14 d observed, 5 d test; twin, twin-extrap, twin-n1/3/7/14,
 *   huang2025-2depth/1depth, bondville-1998, phoenix-2012), {@link Budget#quick()};</li>
 *   <li>{@link #full}: as quick with a 10 d test, a FULL budget of 600 s.</li>
 * </ul>
 * Replicates ({@link #of(Suite, Path, long, int)}): replicate r (1-based) is the same catalog
 * built with {@link #replicateSeed}{@code (seed, r)}; replicate 1 uses {@code seed} itself. The
 * synthetic tasks (structural twin and its variants) regenerate their weather and sensor noise
 * from that seed; the real-site and parameter-recovery tasks keep their data and only hand the
 * couplings a different seed (initialisation, sampling). The sample-efficiency family
 * {@code twin-n<d>} takes the last d days of observations before one test period; every replicate
 * is a new draw of weather and noise for all sizes, so the sizes of one replicate share their test
 * period and training regime, and replicates separate noise from systematic trends.
 * Tasks whose data files are absent are skipped with a reason ({@link #skipped()}), never
 * silently; a present but invalid file is an error naming the file.
 */
public final class TaskCatalog {
  /** Version of the catalog as a whole (suite composition). */
  public static final String VERSION = "1";
  public static final String FAMILY_TWIN = "structural-twin";
  public static final String FAMILY_EXTRAPOLATION = "extrapolation";
  public static final String FAMILY_SAMPLE_EFFICIENCY = "sample-efficiency";
  public static final String FAMILY_PARAMETER_RECOVERY = "parameter-recovery";
  public static final String FAMILY_REAL_SITE = "real-site";

  /** Suite sizes. */
  public enum Suite { TINY, QUICK, FULL }

  private final Suite suite;
  private final long seed;
  private final Map<String, BenchTask> tasks;
  private final Map<String, PublishedSpread> published;
  private final Map<String, String> skipped;

  private TaskCatalog(Suite suite, long seed, Map<String, BenchTask> tasks,
      Map<String, PublishedSpread> published, Map<String, String> skipped) {
    this.suite = suite;
    this.seed = seed;
    this.tasks = tasks;
    this.published = published;
    this.skipped = skipped;
  }

  /** CI suite. */
  public static TaskCatalog tiny(Path dataDir, long seed) {
    return of(Suite.TINY, dataDir, seed);
  }

  /** Default suite. */
  public static TaskCatalog quick(Path dataDir, long seed) {
    return of(Suite.QUICK, dataDir, seed);
  }

  /** Full suite. */
  public static TaskCatalog full(Path dataDir, long seed) {
    return of(Suite.FULL, dataDir, seed);
  }

  /**
   * Seed of replicate {@code replicate} (1-based) of a run with seed {@code seed}: the seed itself
   * for replicate 1, a SplitMix-derived seed otherwise (deterministic, independent of the order in
   * which replicates are built).
   */
  public static long replicateSeed(long seed, int replicate) {
    if (replicate < 1) {
      throw new IllegalArgumentException("replicates are numbered from 1, got " + replicate);
    }
    return replicate == 1 ? seed : StructuralTwin.derive(seed, "replicate", replicate);
  }

  /** Replicate {@code replicate} (1-based) of the suite: {@link #of} with its derived seed. */
  public static TaskCatalog of(Suite suite, Path dataDir, long seed, int replicate) {
    return of(suite, dataDir, replicateSeed(seed, replicate));
  }

  /** The budget every task of a suite gets (also the own-site tasks of {@code bench --site}). */
  public static Budget budget(Suite suite) {
    return switch (suite) {
      case TINY -> Budget.tiny();
      case QUICK -> Budget.quick();
      case FULL -> new Budget(Budget.Effort.FULL, 600);
    };
  }

  /**
   * The suite's tasks.
   *
   * @param dataDir the {@code shared/data} folder, or null (real-data tasks are then skipped)
   */
  public static TaskCatalog of(Suite suite, Path dataDir, long seed) {
    Budget budget = budget(suite);
    StructuralTwin.Settings twin = switch (suite) {
      case TINY -> new StructuralTwin.Settings(3, 2, 10, List.of(1, 3), 1, budget);
      case QUICK -> new StructuralTwin.Settings(14, 5, 10, List.of(1, 3, 7, 14), 1, budget);
      case FULL -> new StructuralTwin.Settings(14, 10, 10, List.of(1, 3, 7, 14), 1, budget);
    };
    Map<String, BenchTask> tasks = new LinkedHashMap<>();
    Map<String, PublishedSpread> published = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (BenchTask t : StructuralTwin.tasks(twin, seed)) {
      tasks.put(t.id(), t);
    }
    List<Integer> depths = suite == Suite.TINY ? List.of(2) : List.of(2, 1);
    for (int d : depths) {
      addIfPresent(ParameterRecoveryTasks.id(d), dataDir, List.of(HUANG_DIR + "/trials.csv",
          HUANG_DIR + "/target_T_surface.txt", HUANG_DIR + "/target_T_5cm.txt"),
          () -> ParameterRecoveryTasks.task(dataDir.resolve(HUANG_DIR), d, seed, budget), tasks,
          published, skipped);
    }
    if (suite != Suite.TINY) {
      addIfPresent("bondville-1998", dataDir, List.of(RealSiteTasks.BONDVILLE_FILE),
          () -> Map.entry(RealSiteTasks.bondville(dataDir, seed, budget), NONE), tasks, published,
          skipped);
      addIfPresent("phoenix-2012", dataDir, List.of(RealSiteTasks.PHOENIX_FILE),
          () -> RealSiteTasks.phoenix(dataDir, seed, budget), tasks, published, skipped);
    }
    return new TaskCatalog(suite, seed, tasks, published, skipped);
  }

  private static final String HUANG_DIR = "huang2025-synthetic";
  private static final PublishedSpread NONE = new PublishedSpread("none", Map.of());

  private static void addIfPresent(String id, Path dataDir, List<String> files,
      Supplier<Map.Entry<BenchTask, PublishedSpread>> make, Map<String, BenchTask> tasks,
      Map<String, PublishedSpread> published, Map<String, String> skipped) {
    if (dataDir == null) {
      skipped.put(id, "no data folder given (shared/data not found)");
      return;
    }
    for (String f : files) {
      Path p = dataDir.resolve(f);
      if (!Files.isRegularFile(p)) {
        skipped.put(id, p + " not found");
        return;
      }
    }
    Map.Entry<BenchTask, PublishedSpread> e = make.get();
    tasks.put(id, e.getKey());
    if (!e.getValue().finals().isEmpty()) {
      published.put(id, e.getValue());
    }
  }

  public Suite suite() {
    return suite;
  }

  public long seed() {
    return seed;
  }

  /** All available tasks in catalog order. */
  public List<BenchTask> tasks() {
    return List.copyOf(tasks.values());
  }

  /** Ids of the available tasks. */
  public List<String> ids() {
    return List.copyOf(tasks.keySet());
  }

  /** Tasks of one family. */
  public List<BenchTask> family(String family) {
    return tasks.values().stream().filter(t -> t.family().equals(family)).toList();
  }

  /** The task with this id; throws listing the known ids (and why a skipped one is missing). */
  public BenchTask task(String id) {
    BenchTask t = tasks.get(id);
    if (t != null) {
      return t;
    }
    String why = skipped.containsKey(id) ? "task " + id + " was skipped: " + skipped.get(id)
        : "unknown task '" + id + "'";
    throw new IllegalArgumentException(why + "; known tasks in the " + suite.name()
        .toLowerCase(java.util.Locale.ROOT) + " suite: " + String.join(", ", tasks.keySet())
        + (skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped.keySet())));
  }

  /** A catalog with only the given ids, in the given order (e.g. a {@code --tasks} filter). */
  public TaskCatalog select(Collection<String> ids) {
    Map<String, BenchTask> m = new LinkedHashMap<>();
    Map<String, PublishedSpread> p = new LinkedHashMap<>();
    for (String id : ids) {
      m.put(id, task(id));
      if (published.containsKey(id)) {
        p.put(id, published.get(id));
      }
    }
    return new TaskCatalog(suite, seed, m, p, new LinkedHashMap<>());
  }

  /** The literature spread of fitted parameters for a task, if published. */
  public Optional<PublishedSpread> published(String id) {
    task(id);
    return Optional.ofNullable(published.get(id));
  }

  /** Tasks skipped because their data are absent: id to reason. */
  public Map<String, String> skipped() {
    return java.util.Collections.unmodifiableMap(skipped);
  }

  /** Ids with versions, e.g. {@code twin@twin-1}, for provenance. */
  public List<String> versionedIds() {
    List<String> out = new ArrayList<>();
    tasks.values().forEach(t -> out.add(t.id() + "@" + t.version()));
    return out;
  }
}
