package org.cml4j.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cml4j.bench.BenchSuites;
import org.cml4j.bench.experiment.Experiment;
import org.cml4j.bench.experiment.ExperimentRunner;
import org.cml4j.bench.experiment.Selection;
import org.cml4j.bench.experiment.SiteSpec;
import org.cml4j.bench.experiment.SiteTaskSource;
import org.cml4j.bench.site.SiteBench;
import org.cml4j.testbeds.sites.SiteTaskSpec;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.cli.DataOption;
import org.cml4j.cli.QuietOption;
import org.cml4j.cli.Plugins;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Approach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j bench}: the paradigm benchmark. Runs every registered coupling (and both
 * baselines) on every task it can address and writes results.csv, report.md, report.html, plots
 * and provenance.json. The flags are shorthand for an experiment file (docs/EXPERIMENTS.md):
 * they build the same {@link Experiment} that {@code ./cml4j run FILE} reads and run it through
 * the same {@link ExperimentRunner}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the paradigm benchmark suite and write results.csv, report.md/html, plots"
        + " and provenance.json.")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--suite", paramLabel = "tiny|quick|full", defaultValue = "quick",
      description = "Suite size: tiny (CI), quick (default; with its 3 replicates about 8 min on"
          + " 2 idle cores), full.")
  String suite;

  @Option(names = "--tasks", paramLabel = "ID,..", split = ",",
      description = "Only these task ids (see docs/BENCHMARKS.md).")
  List<String> tasks;

  @Option(names = "--couplings", paramLabel = "NAME,..", split = ",",
      description = "Only these couplings/baselines; a trailing * matches a prefix"
          + " (e.g. cascade.*,baseline.*).")
  List<String> couplings;

  @Option(names = "--resume", description = "Reuse finished cells of an interrupted run in"
      + " the output folder instead of recomputing them.")
  boolean resume;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of every task and coupling (default ${DEFAULT-VALUE}); replicate r"
          + " uses a seed derived from it.")
  long seed;

  @Option(names = "--replicates", paramLabel = "R",
      description = "Replicates with other weather, noise and initialisation seeds (default: 1"
          + " for tiny, 3 for quick and full).")
  Integer replicates;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads running cells (default: available processors); results do"
          + " not depend on it.")
  Integer threads;

  @Option(names = "--site", paramLabel = "FILE", description = "Benchmark an own site file"
      + " (site CSV, ALMA netCDF, Noah text; repeatable): runs its task (family site) instead of"
      + " the built-in ones, which run only if --tasks names them.")
  List<Path> sites;

  @Option(names = "--window", paramLabel = "START/END", description = "Window of --site (END"
      + " exclusive; ISO times, offset allowed); once, or once per --site.")
  List<String> windows;

  @Option(names = "--split", paramLabel = "a,b|d1,d2", description = "Train and validation"
      + " fractions of the window (the test is the rest), or two times ending them (default "
      + SiteTaskSpec.DEFAULT_SPLIT + "); once, or once per --site.")
  List<String> splits;

  @Option(names = "--observe", paramLabel = "VAR,..", split = ",", description = "Variables of"
      + " --site the couplings see over train and validation (scored on the test).")
  List<String> observe;

  @Option(names = "--predict", paramLabel = "VAR,..", split = ",", description = "Variables of"
      + " --site never shown, only scored on the test period.")
  List<String> predict;

  @Option(names = "--fix", paramLabel = "NAME=VALUE", description = "A known mechanism"
      + " parameter of --site (not fitted; within its bounds); repeatable.")
  List<String> fix;

  @CommandLine.Mixin
  DataOption data = new DataOption();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @CommandLine.Mixin
  QuietOption quiet = new QuietOption();

  @Override
  public Integer call() throws IOException {
    if (!List.of("tiny", "quick", "full").contains(suite)) {
      throw new Cml4jCli.InputException("--suite must be tiny, quick or full, got '" + suite
          + "'");
    }
    int reps = replicates != null ? replicates : Experiment.defaultReplicates(suite);
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (reps < 1 || reps > 100) {
      throw new Cml4jCli.InputException("--replicates must be in [1, 100], got " + reps);
    }
    if (nThreads < 1 || nThreads > 256) {
      throw new Cml4jCli.InputException("--threads must be in [1, 256], got " + nThreads);
    }
    // the flags are shorthand for an experiment (docs/EXPERIMENTS.md), run by the same runner
    CouplingRegistry reg = Plugins.get().registry();
    List<String> allBaselines = BenchSuites.baselines(reg).stream().map(Approach::name)
        .toList();
    List<String> basePatterns = null;
    List<String> couplingPatterns = null;
    if (couplings != null && !couplings.isEmpty()) {
      List<String> known = new ArrayList<>(allBaselines);
      known.addAll(reg.names());
      basePatterns = new ArrayList<>();
      couplingPatterns = new ArrayList<>();
      for (String p : couplings) {
        boolean b = allBaselines.stream().anyMatch(n -> Selection.matches(p, n));
        boolean c = reg.names().stream().anyMatch(n -> Selection.matches(p, n));
        if (!b && !c) {
          throw new Cml4jCli.InputException("no coupling matches '" + p + "'; registered: "
              + String.join(", ", known));
        }
        (b ? basePatterns : couplingPatterns).add(p);
        if (b && c) {
          couplingPatterns.add(p);
        }
      }
    }
    List<SiteSpec> own = sites(); // with --site, built-in tasks run only if --tasks names them
    Experiment e = new Experiment("bench", suite, tasks == null && !own.isEmpty() ? List.of()
        : tasks, own,
        Selection.couplings(reg, couplingPatterns, Map.of(), "--couplings"),
        basePatterns == null ? allBaselines : Selection.baselines(basePatterns, allBaselines,
            "--couplings"), reps, seed, nThreads, Plugins.jars(), out);
    ExperimentRunner runner = new ExperimentRunner(reg, SiteTaskSource.builtIn());
    ExperimentRunner.Plan plan;
    try {
      plan = runner.plan(e, data.folder());
    } catch (Cml4jCli.InputException ex) {
      throw new Cml4jCli.InputException(ex.getMessage().replaceFirst("^tasks: ", ""));
    }
    runner.run(plan, out, resume, ConsoleProgress.stderr(quiet.quiet()),
        spec.commandLine().getOut(),
        new ArrayList<>(spec.commandLine().getParseResult().originalArgs()));
    return Cml4jCli.OK;
  }

  /** Site entries from the site flags ({@link SiteBench#sites}); none without {@code --site}. */
  private List<SiteSpec> sites() {
    return SiteBench.sites(sites, windows, splits, observe, predict, fix);
  }
}
