package org.cml4j.cli.map;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.CommonOptions;
import org.cml4j.cli.ConsoleProgress;
import org.cml4j.bench.ProgressListener;
import org.cml4j.cli.estimate.Converters;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.regional.ExecutorColumnRunner;
import org.cml4j.lsm.regional.MapSettings;
import org.cml4j.lsm.regional.MapTable;
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
    if (writeInput != null) {
      return writeSynthetic(cl.getOut());
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
    org.cml4j.cli.OutputFolder.prepare(dir, "--out");
    ProgressListener progress = ConsoleProgress.stderr(common.quiet());
    SyntheticRegion region = null;
    Path in = input;
    long t0 = System.nanoTime();
    try {
      if (synthetic != null) {
        region = new SyntheticRegion(synthetic, hours, depths.stream().mapToDouble(
            Double::doubleValue).toArray(), noise, seed);
        in = generate(region, dir.resolve("synthetic"), progress);
      }
      progress.message("reading " + in);
      RegionalInput ri = RegionalInput.open(in);
      if (limit != null) {
        ri = ri.limit(limit);
      }
      RegionalMapping.Summary s;
      try (ExecutorColumnRunner runner = new ExecutorColumnRunner(nThreads,
          settings.fitter().equals("batched"))) {
        s = RegionalMapping.run(ri, settings, runner, options, new Listener(progress,
            "map " + ri.columns().size() + " columns"));
      }
      report(cl.getOut(), s, (System.nanoTime() - t0) * 1e-9, region);
      return Cml4jCli.OK;
    } catch (SiteDataException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
  }

  /** {@code --synthetic N --write-input FILE}: generates the input only. */
  private int writeSynthetic(PrintWriter w) throws IOException {
    long t0 = System.nanoTime();
    try {
      SyntheticRegion region = new SyntheticRegion(synthetic, hours, depths.stream()
          .mapToDouble(Double::doubleValue).toArray(), noise, seed);
      if (syntheticFormat.equals("nc")) {
        region.writeNetcdf(writeInput);
      } else {
        region.writeCsvDirectory(writeInput);
      }
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
    w.printf(Locale.ROOT, "wrote %s: %d columns x %d hourly records%s in %.1f s%n", writeInput,
        synthetic, hours, Files.isRegularFile(writeInput) ? String.format(Locale.ROOT,
            " (%.1f MB)", Files.size(writeInput) / 1048576.0) : "",
        (System.nanoTime() - t0) * 1e-9);
    w.println(PeakMemory.describe());
    w.flush();
    return Cml4jCli.OK;
  }

  /** File in OUT/synthetic recording how the synthetic input there was generated. */
  static final String SYNTHETIC_PROPERTIES = "synthetic.properties";

  private Path generate(SyntheticRegion region, Path dir, ProgressListener progress)
      throws IOException {
    Path target = syntheticFormat.equals("nc") ? dir.resolve("region.nc") : dir.resolve("sites");
    Path truth = dir.resolve("truth.csv");
    Path propsFile = dir.resolve(SYNTHETIC_PROPERTIES);
    java.util.Properties want = new java.util.Properties();
    want.setProperty("columns", Integer.toString(region.columns()));
    want.setProperty("hours", Integer.toString(region.hours()));
    want.setProperty("depths", depths.toString());
    want.setProperty("noise", Double.toString(region.noiseSd()));
    want.setProperty("seed", Long.toString(seed));
    want.setProperty("format", syntheticFormat);
    want.setProperty("cml4j.version", org.cml4j.core.provenance.Provenance.cml4jVersion());
    boolean earlier = Files.exists(target) || Files.exists(truth);
    if (earlier && !force) {
      if (!resume) {
        throw new Cml4jCli.InputException(dir + " holds the synthetic input of an earlier run: "
            + "resume it (--resume) or discard it (--force)");
      }
      if (!Files.isRegularFile(propsFile)) {
        throw new Cml4jCli.InputException("cannot resume " + dir + ": it has no "
            + SYNTHETIC_PROPERTIES + ", so its synthetic input cannot be checked against this "
            + "run's; discard it (--force)");
      }
      java.util.Properties had = new java.util.Properties();
      try (java.io.Reader r = Files.newBufferedReader(propsFile)) {
        had.load(r);
      }
      List<String> diff = new ArrayList<>();
      for (String k : want.stringPropertyNames().stream().sorted().toList()) {
        if (!want.getProperty(k).equals(had.getProperty(k))) {
          diff.add(k + " " + had.getProperty(k) + " (earlier) vs " + want.getProperty(k)
              + " (this run)");
        }
      }
      if (!diff.isEmpty()) {
        throw new Cml4jCli.InputException("cannot resume " + dir + ": its synthetic input was "
            + "generated with other settings: " + String.join(", ", diff) + "; use the earlier "
            + "settings, another --out, or --force to discard it");
      }
      if (Files.exists(target) && Files.isRegularFile(truth)) {
        progress.message("resume: reusing the synthetic input " + target);
        return target;
      }
    }
    progress.message(String.format(Locale.ROOT, "generating a synthetic region of %d columns "
        + "(%d h, depths %s m, noise %.3g K) into %s", region.columns(), region.hours(),
        depths, region.noiseSd(), target));
    if (syntheticFormat.equals("nc")) {
      region.writeNetcdf(target);
    } else {
      region.writeCsvDirectory(target);
    }
    region.writeTruth(truth);
    java.io.StringWriter w = new java.io.StringWriter();
    want.store(w, "cml4j map --synthetic: how this input was generated (checked by --resume)");
    org.cml4j.lsm.regional.AtomicWrite.writeString(propsFile, w.toString());
    return target;
  }

  private static void report(PrintWriter w, RegionalMapping.Summary s, double total,
      SyntheticRegion region) throws IOException {
    w.printf(Locale.ROOT, "map: %d columns, %d fitted, %d failed; %d of %d chunks resumed%n",
        s.columns(), s.ok(), s.failed(), s.chunksSkipped(), s.chunks());
    if (s.columnsFitted() == 0) {
      w.printf(Locale.ROOT, "fitting: no column left to fit (every chunk resumed); whole command "
          + "%.1f s%n", total);
    } else {
      w.printf(Locale.ROOT, "fitting: %d columns in %.1f s on %s = %.1f columns/s; whole "
          + "command %.1f s = %.1f columns/s end to end%n", s.columnsFitted(), s.fitSeconds(),
          s.runner(), s.columnsPerSecond(), total, s.columnsFitted() / total);
    }
    if (region != null) {
      List<ColumnFit> fits = MapTable.read(s.mapCsv());
      for (SyntheticRegion.Recovery r : region.recovery(fits)) {
        w.printf(Locale.ROOT, "  %-6s error vs truth: median %s, max %s; identifiable in %d of %d"
            + "%n", r.name(), err(r.medianError(), r.relative()), err(r.maxError(), r.relative()),
            r.identifiable(), r.fitted());
      }
    }
    double cpu = PeakMemory.cpuSeconds();
    w.printf(Locale.ROOT, "CPU time (all threads, whole command): %.1f s = %.2f ms per column%n",
        cpu, 1e3 * cpu / Math.max(1, s.columnsFitted()));
    w.println(PeakMemory.describe());
    w.printf("wrote %s%s%n", s.mapCsv(), s.mapNc() == null ? "" : " and " + s.mapNc());
    w.flush();
  }

  private static String err(double e, boolean relative) {
    return relative ? String.format(Locale.ROOT, "%.2f %%", 100 * e)
        : String.format(Locale.ROOT, "%.3f K", e);
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** Turns mapping progress into the console progress bar. */
  private static final class Listener implements RegionalMapping.Listener {
    private final ProgressListener progress;
    private final String task;
    private int done;

    Listener(ProgressListener progress, String task) {
      this.progress = progress;
      this.task = task;
    }

    @Override
    public void begin(int total, int alreadyDone) {
      done = alreadyDone;
      progress.begin(task, total, " columns");
      progress.done(done);
    }

    @Override
    public void columnsDone(int n) {
      done += n;
      progress.done(done);
    }

    @Override
    public void message(String text) {
      progress.message(text);
    }

    @Override
    public void end() {
      progress.end();
    }
  }
}
