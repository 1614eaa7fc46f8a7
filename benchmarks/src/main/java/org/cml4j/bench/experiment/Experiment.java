package org.cml4j.bench.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark experiment (docs/EXPERIMENTS.md): what {@code ./cml4j run FILE} reads and what
 * {@code ./cml4j bench} builds from its flags; both run it through {@link ExperimentRunner}.
 * Couplings carry their typed settings (records of their factories' settings types).
 *
 * @param name experiment name (letters, digits, {@code . _ -}); names the run folder
 * @param suite budget level: tiny, quick or full
 * @param tasks built-in task ids of the suite, or null for all of them
 * @param sites own-site task entries
 * @param couplings registered couplings to run, in registry order, with their settings
 * @param baselines baselines to run, in the benchmark's order
 * @param replicates replicates (other weather, noise and initialisation seeds), [1, 100]
 * @param seed seed of every task and coupling
 * @param threads worker threads, [1, 256] (results do not depend on it)
 * @param plugins plugin folders or jars (absolute)
 * @param out output folder, or null for {@code runs/<name>-<timestamp>/}
 */
public record Experiment(String name, String suite, List<String> tasks, List<SiteSpec> sites,
    Map<String, Record> couplings, List<String> baselines, int replicates, long seed,
    int threads, List<Path> plugins, Path out) {
  /** Suites (budget levels). */
  public static final List<String> SUITES = List.of("tiny", "quick", "full");

  public Experiment {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new org.cml4j.cli.Cml4jCli.InputException("name must be 1 to 80 letters, digits, '.', '_' or"
          + " '-', got '" + name + "'");
    }
    if (!SUITES.contains(suite)) {
      throw new org.cml4j.cli.Cml4jCli.InputException("suite must be tiny, quick or full, got '" + suite
          + "'");
    }
    if (replicates < 1 || replicates > 100) {
      throw new org.cml4j.cli.Cml4jCli.InputException("replicates must be in [1, 100], got " + replicates);
    }
    if (threads < 1 || threads > 256) {
      throw new org.cml4j.cli.Cml4jCli.InputException("threads must be in [1, 256], got " + threads);
    }
    tasks = tasks == null ? null : List.copyOf(tasks);
    sites = sites == null ? List.of() : List.copyOf(sites);
    couplings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(couplings));
    baselines = List.copyOf(baselines);
    plugins = plugins == null ? List.of() : List.copyOf(plugins);
  }

  /** Default replicates of a suite: 1 for tiny, 3 for quick and full. */
  public static int defaultReplicates(String suite) {
    return "tiny".equals(suite) ? 1 : 3;
  }

  /** The same experiment with explicit task ids. */
  public Experiment withTasks(List<String> ids) {
    return new Experiment(name, suite, ids, sites, couplings, baselines, replicates, seed,
        threads, plugins, out);
  }
}
