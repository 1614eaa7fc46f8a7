package org.cml4j.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.regional.MapSettings;
import org.cml4j.lsm.regional.RegionalInput;
import org.cml4j.lsm.regional.RegionalMapping;
import org.cml4j.lsm.solver.StepSolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Regional parameter maps on Spark: the {@code ./cml4j map} run with a {@link SparkColumnRunner}.
 * Usable with {@code spark-submit --class org.cml4j.spark.SparkMapMain cml4j-spark.jar INPUT ...}
 * (the master comes from spark-submit) or directly with {@code --master local[*]} for development;
 * see {@code docs/SPARK.md}. The driver reads the input, writes the part files, the merged
 * {@code map.csv} and {@code map.nc}; executors only fit. Exit codes as the CLI: 0 ok, 2 bad input,
 * 1 failure.
 */
@Command(name = "cml4j-spark-map", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Fits every column of a gridded netCDF-4 file or a directory of site CSVs on "
        + "Spark executors and writes map.csv and map.nc (same results as ./cml4j map).")
public final class SparkMapMain implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "Gridded netCDF-4 file (read on the driver), or a directory of site CSVs "
          + "(read on the executors: must be on a shared file system).")
  Path input;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output folder on the driver.")
  Path out;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[*] or spark://host:7077. Default: the one "
          + "spark-submit set, else local[*].")
  String master;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions per chunk. Default: the context's default parallelism.")
  int partitions;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
      description = "Chunk jobs in flight at once. Default: ${DEFAULT-VALUE}.")
  int jobs;

  @Option(names = "--resume", description = "Skip chunks an earlier run finished.")
  boolean resume;

  @Option(names = "--force", description = "Discard the chunks of an earlier run.")
  boolean force;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "256",
      description = "Columns per part file. Default: ${DEFAULT-VALUE}.")
  int chunk;

  @Option(names = "--fit", paramLabel = "P,Q", split = ",",
      description = "Parameters to fit. Default: alpha,lambda,C,hbeta,Tb.")
  List<String> fit = new ArrayList<>();

  @Option(names = "--observe", paramLabel = "A,B", split = ",",
      description = "Outputs to fit. Default: every SoilTemp_<depth> (and SurfTemp).")
  List<String> observe = new ArrayList<>();

  @Option(names = "--albedo", paramLabel = "A", description = "Fixed albedo.")
  Double albedo;

  @Option(names = "--solver", paramLabel = "lm|adam", defaultValue = "lm")
  String solver;

  @Option(names = "--step-solver", paramLabel = "exact|jacobi", defaultValue = "exact")
  StepSolver stepSolver;

  @Option(names = "--starts", paramLabel = "N", defaultValue = "2")
  int starts;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42")
  long seed;

  @Option(names = "--obs-error", paramLabel = "SD")
  Double obsError;

  @Option(names = "--no-netcdf", description = "Write map.csv only.")
  boolean noNetcdf;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (used by {@link #main} and tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SparkMapMain());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      boolean input = ex instanceof IllegalArgumentException || ex instanceof SiteDataException;
      c.getErr().println("cml4j-spark-map: " + (input ? "" : "error: ") + ex.getMessage());
      if (!input) {
        ex.printStackTrace(c.getErr());
      }
      return input ? 2 : 1;
    });
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    List<FitParam> fitParams = new ArrayList<>();
    for (String f : fit) {
      fitParams.add(FitParam.fromSymbol(f));
    }
    List<String> outs = new ArrayList<>();
    for (String o : observe) {
      outs.add(Output.parse(o).name());
    }
    MapSettings settings = new MapSettings(fitParams, outs, albedo == null ? Double.NaN : albedo,
        solver.toLowerCase(Locale.ROOT), stepSolver, starts, seed,
        obsError == null ? Double.NaN : obsError, chunk);
    RegionalMapping.Options options = new RegionalMapping.Options(out, resume, force, !noNetcdf);
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    RegionalInput in = RegionalInput.open(input);
    String m = master != null ? master : new SparkConf().get("spark.master", "local[*]");
    RegionalMapping.Summary s;
    try (SparkColumnRunner runner = SparkColumnRunner.create(m, partitions, jobs)) {
      s = RegionalMapping.run(in, settings, runner, options, new RegionalMapping.Listener() {
        private int done;
        private int total;

        @Override
        public void begin(int total, int alreadyDone) {
          this.total = total;
          this.done = alreadyDone;
        }

        @Override
        public void columnsDone(int n) {
          done += n;
          if (!quiet) {
            err.printf(Locale.ROOT, "%d / %d columns%n", done, total);
            err.flush();
          }
        }

        @Override
        public void message(String text) {
          if (!quiet) {
            err.println(text);
            err.flush();
          }
        }
      });
    }
    double total = (System.nanoTime() - t0) * 1e-9;
    w.printf(Locale.ROOT, "map: %d columns, %d fitted, %d failed; %d of %d chunks resumed%n",
        s.columns(), s.ok(), s.failed(), s.chunksSkipped(), s.chunks());
    w.printf(Locale.ROOT, "fitting: %d columns in %.1f s on %s = %.1f columns/s; whole run "
        + "%.1f s incl. Spark start-up = %.1f columns/s end to end%n", s.columnsFitted(),
        s.fitSeconds(), s.runner(), s.columnsPerSecond(), total, s.columnsFitted() / total);
    w.printf("wrote %s%s%n", s.mapCsv(), s.mapNc() == null ? "" : " and " + s.mapNc());
    w.flush();
    return 0;
  }
}
