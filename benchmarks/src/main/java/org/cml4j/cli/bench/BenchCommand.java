package org.cml4j.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cml4j.lsm.tasks.BenchTask;
import org.cml4j.lsm.tasks.PublishedSpread;
import org.cml4j.lsm.tasks.TaskCatalog;
import org.cml4j.bench.BenchProvenance;
import org.cml4j.bench.BenchReport;
import org.cml4j.bench.BenchRunner;
import org.cml4j.bench.BenchSuites;
import org.cml4j.bench.CellResult;
import org.cml4j.bench.ResultsCsv;
import org.cml4j.bench.RunManifest;
import org.cml4j.bench.site.SiteBench;
import org.cml4j.lsm.tasks.SiteTaskSpec;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.cli.DataLocator;
import org.cml4j.cli.Plugins;
import org.cml4j.core.spi.Approach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j bench}: the paradigm benchmark. Runs every registered coupling (and both
 * baselines) on every task it can address and writes results.csv, report.md, report.html, plots
 * and provenance.json.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the paradigm benchmark suite and write results.csv, report.md/html, plots"
        + " and provenance.json.")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--suite", paramLabel = "tiny|quick|full", defaultValue = "quick",
      description = "Suite size: tiny (CI, ~1 min), quick (default, < 10 min on 2 cores), full.")
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

  @Option(names = "--data", paramLabel = "DIR",
      description = "Shared data folder (default: ../shared/data or $CML4J_DATA).")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/bench",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (!List.of("tiny", "quick", "full").contains(suite)) {
      throw new Cml4jCli.InputException("--suite must be tiny, quick or full, got '" + suite
          + "'");
    }
    int reps = replicates != null ? replicates : suite.equals("tiny") ? 1 : 3;
    int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (reps < 1 || reps > 100) {
      throw new Cml4jCli.InputException("--replicates must be in [1, 100], got " + reps);
    }
    if (nThreads < 1 || nThreads > 256) {
      throw new Cml4jCli.InputException("--threads must be in [1, 256], got " + nThreads);
    }
    PrintWriter o = spec.commandLine().getOut();
    long t0 = System.nanoTime();
    Path dataDir = DataLocator.find(data);
    List<SiteTaskSpec> own = SiteBench.specs(sites, windows, splits, observe, predict, fix);
    boolean builtIn = own.isEmpty() || tasks != null;
    TaskCatalog catalog = builtIn ? BenchSuites.catalog(suite, dataDir, seed) : null;
    List<BenchTask> cases = new ArrayList<>(builtIn ? BenchSuites.filterTasks(catalog.tasks(),
        tasks) : List.of());
    cases.addAll(SiteBench.tasks(own, suite, seed));
    List<BenchRunner.Replicate> runs = new ArrayList<>(List.of(new BenchRunner.Replicate(1,
        cases)));
    for (int r = 2; r <= reps; r++) {
      long rs = TaskCatalog.replicateSeed(seed, r);
      List<BenchTask> rc = new ArrayList<>(builtIn ? BenchSuites.filterTasks(
          BenchSuites.catalog(suite, dataDir, rs).tasks(), tasks) : List.of());
      rc.addAll(SiteBench.tasks(own, suite, rs));
      runs.add(new BenchRunner.Replicate(r, rc));
    }
    Map<String, PublishedSpread> published = new java.util.LinkedHashMap<>();
    if (catalog != null) {
      cases.stream().filter(c -> catalog.ids().contains(c.id())).forEach(c -> catalog
          .published(c.id()).ifPresent(p -> published.put(c.id(), p)));
    }
    List<Approach> approaches = BenchSuites.filterApproaches(
        BenchSuites.approaches(Plugins.get().registry()), couplings);
    RunManifest manifest = RunManifest.of(suite, seed, runs, approaches);
    if (resume) {
      manifest.checkResume(out);
    }
    manifest.write(out);
    o.printf("cml4j bench: suite %s, %d tasks x %d couplings/baselines x %d replicate%s on %d"
        + " thread%s -> %s%n", suite, cases.size(), approaches.size(), reps, reps == 1 ? "" : "s",
        nThreads, nThreads == 1 ? "" : "s", out.toAbsolutePath().normalize());
    o.flush();
    BenchRunner.Run run = new BenchRunner(out, resume, ConsoleProgress.stderr(quiet), nThreads)
        .runReplicates(runs, approaches);
    double wall = (System.nanoTime() - t0) * 1e-9;
    ResultsCsv.write(out.resolve("results.csv"), run.cells());
    BenchReport.write(out, runs, run.cells(), published, suite, seed, wall);
    List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    BenchProvenance.write(out.resolve("provenance.json"), args, suite, seed, cases,
        approaches.stream().map(Approach::name).toList(), run.taskSeconds(), wall, run.reused(),
        reps, nThreads, run.cells());
    long ok = run.cells().stream().filter(c -> c.status().equals(CellResult.OK)).count();
    long failed = run.cells().stream().filter(c -> c.status().equals(CellResult.FAILED)).count();
    o.printf("%d cells ok, %d failed, %d not applicable%s; %.0f s. Report: %s%n", ok, failed,
        run.cells().size() - ok - failed, run.reused() > 0 ? " (" + run.reused() + " reused)"
            : "", wall, out.resolve("report.md"));
    o.flush();
    return Cml4jCli.OK;
  }
}
