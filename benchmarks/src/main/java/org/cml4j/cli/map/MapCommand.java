package org.cml4j.cli.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cml4j.bench.ProgressListener;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.CommonOptions;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.cli.OutputFolder;
import org.cml4j.cli.estimate.Converters;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.regional.ExecutorColumnRunner;
import org.cml4j.lsm.regional.MapSettings;
import org.cml4j.lsm.regional.RegionalInput;
import org.cml4j.lsm.regional.RegionalMapping;
import org.cml4j.testbeds.region.SyntheticRegion;
import org.cml4j.lsm.solver.StepSolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code cml4j map}: regional parameter maps. Fits every column of a gridded netCDF-4 file or of a
 * directory of site CSVs with the per-column inversion of {@code estimate --site}, in parallel,
 * resumable chunk by chunk, and writes {@code map.csv} and {@code map.nc}.
 */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fits every column of a gridded netCDF-4 file (time x column, see "
        + "docs/REGIONAL_FORMAT.md) or a directory of site CSVs, and writes parameter maps with "
        + "standard errors and identifiability flags (map.csv, map.nc). Chunks are written as "
        + "they finish; --resume continues an interrupted run.", "",
        "Examples:",
        "  cml4j map region.nc --out out/map/region",
        "  cml4j map sites/ --albedo 0.2 --fit lambda,C,hbeta,Tb",
        "  cml4j map --synthetic 64              (synthetic region, compared with its truth)",
        "  cml4j map region.nc --out out/map/region --resume"})
public final class MapCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT",
      description = "Gridded netCDF-4 file, or directory of site CSV files (one per column).")
  Path input;

  @Option(names = "--synthetic", paramLabel = "N",
      description = "Generate a synthetic region of N columns into OUT/synthetic and map it.")
  Integer synthetic;

  @Option(names = "--synthetic-format", paramLabel = "nc|csv", defaultValue = "nc",
      description = "Format of the synthetic input: nc (one netCDF-4 file) or csv (one site CSV "
          + "per column). Default: ${DEFAULT-VALUE}.")
  String syntheticFormat;

  @Option(names = "--hours", paramLabel = "H", defaultValue = "101",
      description = "Synthetic: hourly levels. Default: ${DEFAULT-VALUE}.")
  int hours;

  @Option(names = "--depths", paramLabel = "D,E", split = ",", defaultValue = "0.05,0.15",
      description = "Synthetic: observed soil depths in m. Default: ${DEFAULT-VALUE}.")
  List<Double> depths;

  @Option(names = "--noise", paramLabel = "SD", defaultValue = "0.05",
      description = "Synthetic: observation noise SD in K. Default: ${DEFAULT-VALUE}.")
  double noise;

  @Option(names = "--write-input", paramLabel = "FILE",
      description = "Synthetic: write the generated input to FILE (netCDF-4, or a folder of site "
          + "CSVs with --synthetic-format csv) and stop without fitting; streamed, so e.g. "
          + "--synthetic 10000 --hours 8760 (3.5 GB) fits in a small heap.")
  Path writeInput;

  @Option(names = "--limit", paramLabel = "N",
      description = "Map only the first N columns of INPUT (the rest is never read).")
  Integer limit;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder. Default: out/map/<input name> or out/map/synthetic-<N>.")
  Path out;

  @Option(names = "--resume", description = "Skip the chunks an earlier run with the same input "
      + "and settings finished.")
  boolean resume;

  @Option(names = "--force", description = "Discard the chunks of an earlier run in OUT.")
  boolean force;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "256",
      description = "Columns per part file (the unit of --resume). Default: ${DEFAULT-VALUE}.")
  int chunk;

  @CommandLine.Mixin
  CommonOptions common = new CommonOptions();

  @Option(names = "--fit", paramLabel = "P,Q", split = ",", converter = Converters.Fit.class,
      description = "Parameters to fit. Default: alpha,lambda,C,hbeta,Tb (without alpha when "
          + "--albedo is given).")
  List<FitParam> fit = new ArrayList<>();

  @Option(names = "--observe", paramLabel = "A,B", split = ",", converter = Converters.Out.class,
      description = "Outputs to fit. Default: every SoilTemp_<depth> (and SurfTemp) of a column.")
  List<Output> observe = new ArrayList<>();

  @Option(names = "--albedo", paramLabel = "A", description = "Fixed albedo instead of fitting "
      + "alpha.")
  Double albedo;

  @Option(names = "--solver", paramLabel = "lm|adam", defaultValue = "lm",
      converter = Converters.Solver.class,
      description = "Optimiser. Default: ${DEFAULT-VALUE}.")
  String solver;

  @Option(names = "--step-solver", paramLabel = "exact|jacobi", defaultValue = "exact",
      description = "Implicit step solver. Default: ${DEFAULT-VALUE}.")
  StepSolver stepSolver;

  @Option(names = "--fitter", paramLabel = "batched|column", defaultValue = "batched",
      description = "batched: each chunk's columns and starts fitted in lockstep on the batched "
          + "kernel; column: one Commons Math LM per start and column. Default: ${DEFAULT-VALUE}.")
  String fitter;

  @Option(names = "--starts", paramLabel = "N", defaultValue = "2",
      description = "Random starts per column (best converged kept). Default: ${DEFAULT-VALUE}.")
  int starts;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the starts and of the synthetic region. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--obs-error", paramLabel = "SD",
      description = "Known observation error in K for the standard errors. Default: the "
          + "residual SD of each column (at least 0.1 K).")
  Double obsError;

  @Option(names = "--no-netcdf", description = "Write map.csv only.")
  boolean noNetcdf;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    int nThreads = validate(cl);
    if (writeInput != null) {
      return syntheticInput().writeOnly(cl.getOut(), writeInput);
    }
    MapSettings settings;
    RegionalMapping.Options options;
    Path dir = out != null ? out : Path.of("out", "map", synthetic != null
        ? "synthetic-" + synthetic : stripExtension(input.getFileName().toString()));
    try {
      settings = new MapSettings(fit, observe.stream().map(Output::name).toList(),
          albedo == null ? Double.NaN : albedo, solver, stepSolver, starts, seed,
          obsError == null ? Double.NaN : obsError, chunk, fitter);
      options = new RegionalMapping.Options(dir, resume, force, !noNetcdf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, e.getMessage());
    }
    OutputFolder.prepare(dir, "--out");
    ProgressListener progress = ConsoleProgress.stderr(common.quiet());
    SyntheticRegion region = null;
    Path in = input;
    long t0 = System.nanoTime();
    try {
      if (synthetic != null) {
        SyntheticInput generator = syntheticInput();
        region = generator.region();
        in = generator.generate(region, dir.resolve("synthetic"), resume, force, progress);
      }
      progress.message("reading " + in);
      RegionalInput ri = RegionalInput.open(in);
      if (limit != null) {
        ri = ri.limit(limit);
      }
      RegionalMapping.Summary s;
      try (ExecutorColumnRunner runner = new ExecutorColumnRunner(nThreads,
          settings.fitter().equals("batched"))) {
        s = RegionalMapping.run(ri, settings, runner, options, new MapProgress(progress,
            "map " + ri.columns().size() + " columns"));
      }
      MapSummary.print(cl.getOut(), s, (System.nanoTime() - t0) * 1e-9, region);
      return Cml4jCli.OK;
    } catch (SiteDataException | IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
  }

  private SyntheticInput syntheticInput() {
    return new SyntheticInput(synthetic, syntheticFormat, hours, depths, noise, seed);
  }

  /** Checks the options (in this order, so the first bad one is named) and returns --threads. */
  private int validate(CommandLine cl) {
    if ((input == null) == (synthetic == null)) {
      throw new ParameterException(cl, input == null ? "give INPUT (a netCDF file or a folder of "
          + "site CSVs) or --synthetic N" : "give either INPUT or --synthetic, not both");
    }
    int nThreads = common.threads(cl);
    if (chunk < 1) {
      throw new ParameterException(cl, "--chunk must be at least 1 column, got " + chunk);
    }
    if (starts < 1) {
      throw new ParameterException(cl, "--starts must be at least 1, got " + starts);
    }
    if (hours < 2) {
      throw new ParameterException(cl, "--hours must be at least 2, got " + hours);
    }
    if (!fitter.equals("batched") && !fitter.equals("column")) {
      throw new ParameterException(cl, "--fitter must be batched or column, got '" + fitter + "'");
    }
    if (limit != null && limit < 1) {
      throw new ParameterException(cl, "--limit must be at least 1 column, got " + limit);
    }
    if (writeInput != null && synthetic == null) {
      throw new ParameterException(cl, "--write-input needs --synthetic N");
    }
    if (synthetic != null && synthetic < 1) {
      throw new ParameterException(cl, "--synthetic must be at least 1 column, got " + synthetic);
    }
    if (!syntheticFormat.equals("nc") && !syntheticFormat.equals("csv")) {
      throw new ParameterException(cl, "--synthetic-format must be nc or csv, got '"
          + syntheticFormat + "'");
    }
    return nThreads;
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
