package org.cml4j.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cml4j.bench.BenchSuites;
import org.cml4j.bench.experiment.Experiment;
import org.cml4j.bench.experiment.ExperimentFile;
import org.cml4j.bench.experiment.ExperimentRunner;
import org.cml4j.bench.experiment.ExperimentWriter;
import org.cml4j.bench.experiment.SiteTaskSource;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.cli.DataOption;
import org.cml4j.cli.QuietOption;
import org.cml4j.cli.Plugins;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Approach;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j run FILE}: runs an experiment file (YAML, or JSON; docs/EXPERIMENTS.md) into its
 * own folder ({@code runs/<name>-<UTC timestamp>/} unless the file or {@code --out} names one),
 * which holds the effective {@code experiment.yaml} and the usual bench outputs.
 * {@code --dry-run} prints the effective experiment and its size and runs nothing.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run an experiment file (YAML or JSON, docs/EXPERIMENTS.md): tasks, couplings"
        + " with their settings, baselines, replicates, seed; writes runs/<name>-<time>/.")
public final class RunCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(
      "yyyyMMdd-HHmmss");

  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Experiment file (.yaml, .yml or"
      + " .json).")
  Path file;

  @Option(names = "--dry-run", description = "Print the effective experiment (every default"
      + " filled in) and tasks x couplings x replicates; run nothing.")
  boolean dryRun;

  @Option(names = "--tasks", paramLabel = "ID,..", split = ",", description = "Only these of"
      + " the file's built-in tasks (a quick check of a file; the effective experiment names"
      + " them).")
  List<String> tasks;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the"
      + " file's out, else runs/<name>-<UTC time>).")
  Path out;

  @CommandLine.Mixin
  DataOption data = new DataOption();

  @CommandLine.Mixin
  QuietOption quiet = new QuietOption();

  @Override
  public Integer call() throws IOException {
    ExperimentFile f = ExperimentFile.read(file);
    Cml4j cml = f.plugins().isEmpty() ? Plugins.get() : Plugins.withFolders(f.plugins());
    CouplingRegistry reg = cml.registry();
    Experiment e = f.resolve(reg, BenchSuites.baselines(reg).stream().map(Approach::name)
        .toList());
    if (tasks != null && !tasks.isEmpty()) {
      if (e.tasks() != null && !e.tasks().containsAll(tasks)) {
        throw new Cml4jCli.InputException("--tasks: the file " + file + " names only the tasks "
            + String.join(", ", e.tasks()) + "; got " + String.join(", ", tasks));
      }
      e = e.withTasks(tasks);
    }
    ExperimentRunner runner = new ExperimentRunner(reg, SiteTaskSource.builtIn());
    ExperimentRunner.Plan plan = runner.plan(e, data.folder());
    PrintWriter o = spec.commandLine().getOut();
    if (dryRun) {
      o.print(ExperimentWriter.yaml(plan.experiment()));
      o.printf("# %d tasks x %d couplings/baselines x %d replicate%s = %d cells (dry run:"
          + " nothing computed)%n", plan.tasks().size(), plan.approaches().size(),
          e.replicates(), e.replicates() == 1 ? "" : "s", plan.cells());
      o.flush();
      return Cml4jCli.OK;
    }
    Path dir = out != null ? out : e.out() != null ? e.out() : newRunFolder(e.name());
    runner.run(plan, dir, false, ConsoleProgress.stderr(quiet.quiet()), o,
        new ArrayList<>(spec.commandLine().getParseResult().originalArgs()));
    return Cml4jCli.OK;
  }

  /** {@code runs/<name>-<UTC yyyyMMdd-HHmmss>}, with a suffix if that folder exists. */
  static Path newRunFolder(String name) {
    String stem = name + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    Path p = Path.of("runs", stem);
    for (int i = 2; Files.exists(p); i++) {
      p = Path.of("runs", stem + "-" + i);
    }
    return p;
  }
}
