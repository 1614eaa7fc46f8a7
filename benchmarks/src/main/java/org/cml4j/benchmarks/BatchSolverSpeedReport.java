package org.cml4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.cml4j.cli.DataLocator;
import org.cml4j.cli.estimate.Huang2025Runner;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchGradient;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.Checkpointing;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.estimation.AdamConfig;
import org.cml4j.lsm.estimation.AdamOptimizer;
import org.cml4j.lsm.estimation.BatchObjective;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * Batched vs per-column forward + gradient for the configurations the batched kernel gained in
 * issue 17: a time-dependent hbeta(t) (EXACT solver, implicit adjoint, gradient for every level's
 * hbeta), and the authors' point-Jacobi solver with the unrolled adjoint, with constant parameters
 * and with hbeta(t), and with the implicit adjoint. Workload: the columns of
 * {@link BatchThroughputReport#columns} (own lambda and hbeta; hbeta(t) = hbeta (1 + 0.3 sin(2 pi
 * k / 24))), the paper's 100 hourly steps, outputs Ts and
 * T(5 cm), one thread on both sides. Each configuration runs both sides alternately, a fixed number
 * of times after a fixed warm-up, in one process, and reports the medians of wall and thread CPU
 * time per run and their ratio, plus the largest relative gradient difference between the sides.
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.cml4j.benchmarks.BatchSolverSpeedReport
 * [columns] [repeats] [warm-up runs]} (defaults 64, 7 and 3; the scalar Jacobi path needs some
 * 2000 gradient evaluations to reach its final speed, so give 40 warm-up runs at 64 columns).
 * With {@code adam [starts] [repeats] [threads]} (defaults 10, 3, 2) it times instead what
 * {@code estimate} runs in the authors' configuration
 * (huang2025-2depth, Adam, JACOBI steps, UNROLLED gradient, the first published starts; needs
 * {@code shared/data}): one start per thread ({@link MultiStart}, what
 * {@link EstimationRuns#fitAll} does for this configuration) against all starts in lockstep on the
 * batched kernel ({@link AdamOptimizer#fitAll}), alternately after one warm-up of each, medians of
 * wall and process CPU time, and the largest relative difference of the fitted values (iterations
 * must be equal).
 */
public final class BatchSolverSpeedReport {
  private static final List<Output> OUT = BatchThroughputBenchmark.OUT;
  private static final int WARMUP = 3;

  private BatchSolverSpeedReport() {}

  /** One configuration: step solver, gradient mode, whether hbeta is time-dependent. */
  record Config(String name, StepSolver solver, GradientMode mode, boolean series) {}

  static final List<Config> CONFIGS = List.of(
      new Config("EXACT, hbeta(t), implicit adjoint", StepSolver.EXACT, GradientMode.IMPLICIT,
          true),
      new Config("JACOBI, constant, unrolled adjoint", StepSolver.JACOBI, GradientMode.UNROLLED,
          false),
      new Config("JACOBI, hbeta(t), unrolled adjoint", StepSolver.JACOBI, GradientMode.UNROLLED,
          true),
      new Config("JACOBI, constant, implicit adjoint", StepSolver.JACOBI, GradientMode.IMPLICIT,
          false));

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("adam")) {
      adam(args.length > 1 ? Integer.parseInt(args[1]) : 10,
          args.length > 2 ? Integer.parseInt(args[2]) : 3,
          args.length > 3 ? Integer.parseInt(args[3]) : 2);
      return;
    }
    int columns = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : WARMUP;
    System.out.println("| configuration | columns | scalar ms (wall / CPU) | batched ms (wall / CPU)"
        + " | speed-up (wall / CPU) | max rel. gradient difference |");
    System.out.println("|---|---|---|---|---|---|");
    for (Config cf : CONFIGS) {
      row(cf, columns, repeats, warmup);
    }
  }

  /** The benchmark columns, with hbeta(t) when {@code series}. */
  static ColumnBatch columns(int n, boolean series) {
    ColumnBatch b = BatchThroughputReport.columns(n);
    if (!series) {
      return b;
    }
    List<ColumnParameters> ps = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      ColumnParameters p = b.parameters(c);
      double[] hb = new double[b.levels()];
      for (int k = 0; k < hb.length; k++) {
        hb[k] = p.constant(Param.HBETA) * (1 + 0.3 * Math.sin(2 * Math.PI * k / 24.0));
      }
      ps.add(p.withSeries(Param.HBETA, hb));
    }
    return ColumnBatch.of(ps, List.of(b.forcing(0)), List.of(b.initial(0)));
  }

  private static void row(Config cf, int columns, int repeats, int warmup) {
    ColumnBatch b = columns(columns, cf.series());
    double[][] seed = new double[b.levels()][OUT.size()];
    for (double[] r : seed) {
      Arrays.fill(r, 1e-3);
    }
    SoilColumnModel scalar = SoilColumnModel.huang2025(cf.solver());
    List<ColumnParameters> ps = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      ps.add(b.parameters(c));
    }
    try (BatchRunner one = new BatchRunner(1, BatchRunner.DEFAULT_CHUNK)) {
      BatchColumnModel batched = new BatchColumnModel(scalar, one);
      Supplier<double[][]> scalarRun = () -> scalarGradients(scalar, ps, b, seed, cf);
      Supplier<double[][]> batchRun = () -> batchedGradients(batched, b, seed, cf);
      double diff = difference(cf.series(), scalarRun.get(), batchRun.get());
      for (int i = 0; i < warmup; i++) {
        scalarRun.get();
        batchRun.get();
      }
      double[][] ts = new double[2][repeats];
      double[][] tb = new double[2][repeats];
      for (int i = 0; i < repeats; i++) {
        time(scalarRun, ts, i);
        time(batchRun, tb, i);
      }
      double sw = EstimationRuns.median(ts[0]);
      double sc = EstimationRuns.median(ts[1]);
      double bw = EstimationRuns.median(tb[0]);
      double bc = EstimationRuns.median(tb[1]);
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f / %.1f | %.1f / %.1f | %.1fx / %.1fx |"
          + " %.1e |%n", cf.name(), columns, sw, sc, bw, bc, sw / bw, sc / bc, diff);
    }
  }

  /**
   * The scalar side: forward + hbeta gradient of each column with {@code SoilColumnModel} and
   * {@code Adjoint}, one series per column (also timed by {@link BatchSolverBenchmark}).
   */
  static double[][] scalarGradients(SoilColumnModel scalar, List<ColumnParameters> ps,
      ColumnBatch b, double[][] seed, Config cf) {
    double[][] g = new double[ps.size()][];
    for (int c = 0; c < g.length; c++) {
      g[c] = Adjoint.vjp(scalar.simulate(ps.get(c), b.forcing(c), b.initial(c)), OUT, seed,
          cf.mode()).series(Param.HBETA);
    }
    return g;
  }

  /**
   * The batched side: the same gradients from one {@link BatchColumnModel} run, per level for
   * hbeta(t), the total otherwise (also timed by {@link BatchSolverBenchmark}).
   */
  static double[][] batchedGradients(BatchColumnModel batched, ColumnBatch b, double[][] seed,
      Config cf) {
    BatchGradient g = batched.gradient(b, OUT, BatchLoss.vjp(seed), Checkpointing.storeAll(),
        cf.mode());
    double[][] out = new double[b.columns()][];
    for (int c = 0; c < out.length; c++) {
      out[c] = cf.series() ? g.series(Param.HBETA, c) : new double[] {g.gradient(Param.HBETA, c)};
    }
    return out;
  }

  /** Lockstep vs one-start-per-thread Adam in the authors' configuration (class Javadoc). */
  private static void adam(int starts, int repeats, int threads) {
    Huang2025Experiment e = Huang2025Experiment.load(
        Huang2025Runner.folder(DataLocator.find(null)), 2);
    List<FitParam> fit = Huang2025Runner.PAPER;
    Objective o = e.paperObjective(fit);
    List<double[]> s = e.starts(fit).subList(0, starts);
    AdamOptimizer adam = new AdamOptimizer(AdamConfig.huang2025(o.space()));
    Supplier<List<FitResult>> lockstep = () -> {
      try (BatchRunner runner = new BatchRunner(threads, BatchRunner.DEFAULT_CHUNK)) {
        return adam.fitAll(new BatchObjective(o, runner), s, d -> { });
      }
    };
    Supplier<List<FitResult>> perStart = () -> MultiStart.run(s, (i, x) -> adam.fit(o, x),
        threads, d -> { });
    List<FitResult> a = perStart.get();
    List<FitResult> b = lockstep.get();
    double diff = 0;
    for (int i = 0; i < starts; i++) {
      if (a.get(i).iterations() != b.get(i).iterations()) {
        throw new IllegalStateException("start " + i + ": " + a.get(i).iterations() + " vs "
            + b.get(i).iterations() + " Adam iterations");
      }
      for (int j = 0; j < fit.size(); j++) {
        double ref = a.get(i).fitted()[j];
        diff = Math.max(diff, Math.abs(b.get(i).fitted()[j] - ref) / Math.abs(ref));
      }
    }
    double[][] ta = new double[2][repeats];
    double[][] tb = new double[2][repeats];
    for (int i = 0; i < repeats; i++) {
      timeProcess(perStart, ta, i);
      timeProcess(lockstep, tb, i);
    }
    System.out.printf(Locale.ROOT, "| estimate huang2025-2depth, adam, jacobi, unrolled, %d starts,"
        + " %d threads | one start per thread: %.2f s wall / %.2f s CPU | lockstep batched: %.2f s"
        + " wall / %.2f s CPU | max rel. difference of fitted values %.1e |%n", starts, threads,
        EstimationRuns.median(ta[0]), EstimationRuns.median(ta[1]), EstimationRuns.median(tb[0]),
        EstimationRuns.median(tb[1]), diff);
    System.out.println("CPU s per repeat: one start per thread " + Arrays.toString(ta[1])
        + ", lockstep " + Arrays.toString(tb[1]));
  }

  private static void timeProcess(Supplier<List<FitResult>> run, double[][] into, int i) {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    run.get();
    into[0][i] = (System.nanoTime() - t0) * 1e-9;
    into[1][i] = (os.getProcessCpuTime() - c0) * 1e-9;
  }

  /** Largest |batched - scalar| / max |scalar| over the hbeta gradients of every column. */
  private static double difference(boolean series, double[][] scalar, double[][] batched) {
    double worst = 0;
    for (int c = 0; c < scalar.length; c++) {
      double[] ref = scalar[c];
      if (!series) {
        ref = new double[] {Arrays.stream(ref).sum()};
      }
      double max = 0;
      double d = 0;
      for (int k = 0; k < ref.length; k++) {
        max = Math.max(max, Math.abs(ref[k]));
        d = Math.max(d, Math.abs(batched[c][k] - ref[k]));
      }
      worst = Math.max(worst, d / max);
    }
    return worst;
  }

  private static void time(Supplier<double[][]> run, double[][] into, int i) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    double[][] g = run.get();
    into[0][i] = (System.nanoTime() - t0) * 1e-6;
    into[1][i] = (mx.getCurrentThreadCpuTime() - c0) * 1e-6;
    if (!Double.isFinite(g[0][0])) {
      throw new IllegalStateException("non-finite gradient");
    }
  }
}
