package org.cml4j.bench.experiment;

import java.nio.file.Path;
import java.util.List;
import org.cml4j.testbeds.tasks.BenchTask;

/**
 * Builds the benchmark tasks of a {@code sites:} entry (family {@code site}). The experiment
 * runner takes one: {@link #builtIn()} is the builder of {@code bench --site}
 * ({@link org.cml4j.bench.site.SiteBench}); {@link #UNAVAILABLE} refuses site entries.
 */
@FunctionalInterface
public interface SiteTaskSource {
  /** No site tasks in this build: every site entry is an input error naming its file. */
  SiteTaskSource UNAVAILABLE = (site, suite, seed, data) -> {
    throw new org.cml4j.cli.Cml4jCli.InputException("site " + site.file() + ": site tasks are not available"
        + " in this build (sites entries need the site task builder of bench --site); remove"
        + " the sites entry");
  };

  /**
   * The site task builder of this build, used by {@code run} and {@code bench}: the one of
   * {@code bench --site}.
   */
  static SiteTaskSource builtIn() {
    return (site, suite, seed, data) -> org.cml4j.bench.site.SiteBench.tasks(site, suite, seed);
  }

  /**
   * The tasks of one site entry.
   *
   * @param site the entry
   * @param suite budget level (tiny, quick or full)
   * @param seed the replicate's seed
   * @param data the shared data folder
   */
  List<BenchTask> tasks(SiteSpec site, String suite, long seed, Path data);
}
