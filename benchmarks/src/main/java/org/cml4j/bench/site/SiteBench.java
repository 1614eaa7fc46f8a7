package org.cml4j.bench.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.bench.experiment.SiteSpec;
import org.cml4j.core.spi.Budget;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.sites.SiteTaskSpec;
import org.cml4j.testbeds.sites.SiteTaskBuilder;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * The own-site tasks of {@code ./cml4j bench --site FILE}: turns the command-line flags into
 * experiment {@link SiteSpec} entries (one per {@code --site}) and builds their tasks with the
 * suite's budget ({@link TaskCatalog#budget}). {@code --window} and {@code --split} are given once (they apply
 * to every site) or once per {@code --site} (paired in order); {@code --observe},
 * {@code --predict} and {@code --fix} apply to every site. Replicate r builds the same tasks with
 * the seed {@link TaskCatalog#replicateSeed}{@code (seed, r)} (the data stay, the couplings'
 * initialisation and sampling change), as for the built-in real sites.
 */
public final class SiteBench {
  private SiteBench() {}

  /**
   * The experiment site entries of the flags; empty when no {@code --site} is given (then every
   * other site flag must be absent too). Each is checked by {@link SiteTaskSpec#parse}.
   *
   * @throws IllegalArgumentException naming the flag and the file for a bad value
   */
  public static List<SiteSpec> sites(List<Path> files, List<String> windows,
      List<String> splits, List<String> observe, List<String> predict, List<String> fix) {
    List<Path> f = files == null ? List.of() : files;
    if (f.isEmpty()) {
      for (var e : Map.of("--window", nn(windows), "--split", nn(splits), "--observe",
          nn(observe), "--predict", nn(predict), "--fix", nn(fix)).entrySet()) {
        if (!e.getValue().isEmpty()) {
          throw new IllegalArgumentException(e.getKey() + " needs --site FILE (it describes an"
              + " own-site task)");
        }
      }
      return List.of();
    }
    if (nn(windows).isEmpty()) {
      throw new IllegalArgumentException("--site needs --window START/END, e.g."
          + " --window 1998-10-01/1998-10-15");
    }
    if (nn(observe).isEmpty()) {
      throw new IllegalArgumentException("--site needs --observe VAR,.. (e.g. --observe"
          + " SoilTemp_0.04,SoilTemp_0.08)");
    }
    Map<String, String> fixed = SiteTaskSpec.fixPairs(fix);
    List<SiteSpec> out = new ArrayList<>();
    for (int i = 0; i < f.size(); i++) {
      String window = pick(windows, i, f.size(), "--window");
      String split = pick(splits, i, f.size(), "--split");
      // parsed from the flags' text for their messages (e.g. a --fix value that is no number)
      SiteTaskSpec spec = SiteTaskSpec.parse(f.get(i).toString(), window, split, observe,
          predict, fixed);
      out.add(new SiteSpec(f.get(i), window, split, observe, predict, spec.fix()));
    }
    return out;
  }

  /**
   * The task of one experiment {@code sites:} entry (the bench flags are shorthand for it) with
   * the suite's budget and the replicate's seed.
   */
  public static List<BenchTask> tasks(SiteSpec site, String suite, long seed) {
    Budget b = TaskCatalog.budget(TaskCatalog.Suite.valueOf(suite.toUpperCase(Locale.ROOT)));
    return List.of(SiteTaskBuilder.build(site.parsed(), seed, b));
  }

  /**
   * The value of a per-site flag for site {@code i}: null if absent, the one value if given once,
   * else the i-th (the flag must then be given once per site).
   */
  private static String pick(List<String> values, int i, int sites, String flag) {
    List<String> v = nn(values);
    if (v.isEmpty()) {
      return null;
    }
    if (v.size() == 1) {
      return v.get(0);
    }
    if (v.size() != sites) {
      throw new IllegalArgumentException(flag + " is given " + v.size() + " times for " + sites
          + " --site files: give it once (for every site) or once per --site");
    }
    return v.get(i);
  }

  private static List<String> nn(List<String> l) {
    return l == null ? List.of() : l;
  }
}
