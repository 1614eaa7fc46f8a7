package org.cml4j.bench.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.bench.BenchProvenance;
import org.cml4j.bench.BenchReport;
import org.cml4j.bench.BenchRunner;
import org.cml4j.bench.BenchSuites;
import org.cml4j.bench.CellResult;
import org.cml4j.bench.ProgressListener;
import org.cml4j.bench.ResultsCsv;
import org.cml4j.bench.RunManifest;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Approach;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.PublishedSpread;
import org.cml4j.testbeds.tasks.TaskCatalog;

/**
 * Runs an {@link Experiment}: the one engine behind {@code ./cml4j run FILE} and
 * {@code ./cml4j bench} (whose flags build an experiment). {@link #plan} builds the tasks of every
 * replicate and the approaches (baselines, then couplings created by the registry with their
 * settings); {@link #run} writes {@code experiment.yaml} (the effective experiment, every default
 * filled in), {@code run-manifest.json}, the cells, results.csv, the reports and provenance.json.
 */
public final class ExperimentRunner {
  private final CouplingRegistry registry;
  private final SiteTaskSource sites;

  /**
   * @param registry couplings (with the plugins the experiment names)
   * @param sites builder of site tasks ({@link SiteTaskSource#UNAVAILABLE} until wired)
   */
  public ExperimentRunner(CouplingRegistry registry, SiteTaskSource sites) {
    this.registry = registry;
    this.sites = sites;
  }

  /**
   * What a run computes: the effective experiment (explicit task ids), each replicate's tasks,
   * the published spreads of replicate 1 and the approaches.
   */
  public record Plan(Experiment experiment, List<BenchRunner.Replicate> replicates,
      Map<String, PublishedSpread> published, List<Approach> approaches) {
    /** Tasks of replicate 1. */
    public List<BenchTask> tasks() {
      return replicates.get(0).tasks();
    }

    /** Cells the run computes (tasks x approaches, summed over replicates). */
    public int cells() {
      return replicates.stream().mapToInt(r -> r.tasks().size()).sum() * approaches.size();
    }
  }

  /** Builds the tasks and approaches of {@code e} (no cell runs). */
  public Plan plan(Experiment e, Path dataDir) {
    List<BenchRunner.Replicate> runs = new ArrayList<>();
    TaskCatalog first = null;
    boolean withCatalog = e.tasks() == null || !e.tasks().isEmpty();
    for (int r = 1; r <= e.replicates(); r++) {
      long seed = r == 1 ? e.seed() : TaskCatalog.replicateSeed(e.seed(), r);
      // the built-in catalogue is built only when built-in tasks run (tasks: [] runs none)
      TaskCatalog c = withCatalog ? BenchSuites.catalog(e.suite(), dataDir, seed) : null;
      first = first == null ? c : first;
      List<BenchTask> tasks;
      try {
        tasks = new ArrayList<>(withCatalog ? BenchSuites.filterTasks(c.tasks(), e.tasks())
            : List.of());
      } catch (IllegalArgumentException ex) {
        throw new org.cml4j.cli.Cml4jCli.InputException("tasks: " + ex.getMessage());
      }
      for (SiteSpec s : e.sites()) {
        tasks.addAll(sites.tasks(s, e.suite(), seed, dataDir));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (BenchTask t : tasks) {
        if (!ids.add(t.id())) {
          throw new org.cml4j.cli.Cml4jCli.InputException("two tasks have the id " + t.id()
              + " (site entries with the same file name and window start); rename a file or"
              + " change a window");
        }
      }
      runs.add(new BenchRunner.Replicate(r, tasks));
    }
    Map<String, PublishedSpread> published = new LinkedHashMap<>();
    TaskCatalog cat = first;
    List<String> builtIn = runs.get(0).tasks().stream().map(BenchTask::id)
        .filter(id -> cat != null && cat.ids().contains(id)).toList(); // not the site tasks
    builtIn.forEach(id -> cat.published(id).ifPresent(p -> published.put(id, p)));
    List<Approach> approaches = new ArrayList<>();
    Map<String, Approach> baselines = new LinkedHashMap<>();
    BenchSuites.baselines(registry).forEach(a -> baselines.put(a.name(), a));
    e.baselines().forEach(b -> approaches.add(baselines.get(b)));
    e.couplings().forEach((name, s) -> approaches.add(registry.create(name, s)));
    return new Plan(e.withTasks(builtIn), runs, published, approaches);
  }

  /**
   * Runs the plan into {@code out} and prints a summary line.
   *
   * @param args the command's arguments, recorded in provenance.json
   * @return the cells
   */
  public List<CellResult> run(Plan plan, Path out, boolean resume, ProgressListener progress,
      PrintWriter o, List<String> args) throws IOException {
    long t0 = System.nanoTime();
    Experiment e = plan.experiment();
    Map<String, Record> settings = e.couplings();
    RunManifest manifest = RunManifest.of(e.suite(), e.seed(), plan.replicates(),
        plan.approaches(), settings);
    if (resume) {
      manifest.checkResume(out);
    }
    manifest.write(out);
    ExperimentWriter.write(out.resolve(ExperimentWriter.FILE), e);
    int reps = e.replicates();
    o.printf("cml4j %s: suite %s, %d tasks x %d couplings/baselines x %d replicate%s on %d"
        + " thread%s -> %s%n", e.name(), e.suite(), plan.tasks().size(),
        plan.approaches().size(), reps, reps == 1 ? "" : "s", e.threads(),
        e.threads() == 1 ? "" : "s", out.toAbsolutePath().normalize());
    o.flush();
    BenchRunner.Run run = new BenchRunner(out, resume, progress, e.threads())
        .runReplicates(plan.replicates(), plan.approaches());
    double wall = (System.nanoTime() - t0) * 1e-9;
    ResultsCsv.write(out.resolve("results.csv"), run.cells());
    ResultsCsv.writePit(out.resolve("pit.csv"), run.cells());
    BenchReport.write(out, plan.replicates(), run.cells(), plan.published(), e.suite(),
        e.seed(), wall);
    BenchProvenance.write(out.resolve("provenance.json"), args, e.suite(), e.seed(),
        plan.tasks(), plan.approaches().stream().map(Approach::name).toList(),
        run.taskSeconds(), wall, run.reused(), reps, e.threads(), run.cells(), settings);
    long ok = run.cells().stream().filter(c -> c.status().equals(CellResult.OK)).count();
    long failed = run.cells().stream().filter(c -> c.status().equals(CellResult.FAILED))
        .count();
    o.printf("%d cells ok, %d failed, %d not applicable%s; %.0f s. Report: %s%n", ok, failed,
        run.cells().size() - ok - failed, run.reused() > 0 ? " (" + run.reused() + " reused)"
            : "", wall, out.resolve("report.md"));
    o.flush();
    return run.cells();
  }
}
