package org.cml4j.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;

/**
 * The workload of {@link BatchThroughputBenchmark} timed by wall clock <em>and</em> by process CPU
 * time (all threads, GC and JIT included). On a machine shared with other jobs the wall-clock rate
 * reflects the share of the cores this process got; column-steps per CPU-second measure the
 * kernel itself, and with 2 threads they show the parallel efficiency (equal to the 1-thread
 * value = linear scaling when the cores are free). Prints a Markdown table and the mean number of
 * surface Newton iterations per step (for flop counts).
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.cml4j.benchmarks.BatchThroughputReport
 * [seconds per cell] [threads...]} (defaults 3 s, threads 1 and 2).
 */
public final class BatchThroughputReport {
  private static final int[] BATCHES = {1, 64, 4096, 65536};
  private static final List<Output> OUT = BatchThroughputBenchmark.OUT;
  private static final int STEPS = BatchThroughputBenchmark.STEPS;

  private BatchThroughputReport() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int[] threadCounts = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 2};
    System.out.println("| product | batch | threads | column-steps/s (wall) "
        + "| column-steps per CPU-s | ms per batch (wall) |");
    System.out.println("|---|---|---|---|---|---|");
    for (String product : List.of("forward", "forward+tangent(3)", "forward+adjoint(6)",
        "scalar forward+adjoint(6)")) {
      for (int batch : product.startsWith("scalar") ? new int[] {1, 64, 4096} : BATCHES) {
        for (int threads : threadCounts) {
          cell(product, batch, threads, seconds);
        }
      }
    }
    try (BatchRunner one = new BatchRunner(1, BatchRunner.DEFAULT_CHUNK)) {
      ColumnBatch b = columns(4096);
      long it = new BatchColumnModel(ModelGrid.HUANG2025, one).forward(b, OUT).solverIterations();
      System.out.printf(Locale.ROOT, "%nsurface Newton iterations per step (chunk of %d): %.2f%n",
          BatchRunner.DEFAULT_CHUNK, it / (4096.0 / BatchRunner.DEFAULT_CHUNK) / STEPS);
    }
  }

  /**
   * {@code batch} Huang2025 columns with seeded random conductivity and exchange coefficient
   * (seed 1), the inputs of this report and of {@link BatchThroughputBenchmark}.
   */
  static ColumnBatch columns(int batch) {
    double[][] v = new double[Param.COUNT][batch];
    Random rnd = new Random(1);
    for (int c = 0; c < batch; c++) {
      v[Param.ALPHA.ordinal()][c] = 0.2;
      v[Param.LAMBDA.ordinal()][c] = 0.5 + rnd.nextDouble();
      v[Param.C.ordinal()][c] = 2.2e6;
      v[Param.HBETA.ordinal()][c] = 10 + 30 * rnd.nextDouble();
      v[Param.TB.ordinal()][c] = 293;
      v[Param.EPS.ordinal()][c] = 0.95;
    }
    return ColumnBatch.of(v, Huang2025.forcing(Huang2025.LEVELS), InitialState.uniformTb());
  }

  private static void cell(String product, int batch, int threads, double seconds) {
    ColumnBatch b = columns(batch);
    double[][] seed = new double[Huang2025.LEVELS][OUT.size()];
    for (double[] row : seed) {
      Arrays.fill(row, 1e-3);
    }
    BatchLoss loss = BatchLoss.vjp(seed);
    try (BatchRunner runner = new BatchRunner(threads, BatchRunner.DEFAULT_CHUNK)) {
      BatchColumnModel model = new BatchColumnModel(ModelGrid.HUANG2025, runner);
      DoubleSupplier op = switch (product) {
        case "forward" -> () -> model.forward(b, OUT).value(batch - 1, STEPS, 1);
        case "forward+tangent(3)" -> () -> model
            .tangent(b, OUT, BatchThroughputBenchmark.DIRECTIONS).derivative(batch - 1, STEPS, 1, 0);
        case "forward+adjoint(6)" ->
            () -> model.gradient(b, OUT, loss).gradient(Param.LAMBDA, batch - 1);
        default -> scalar(b, seed, threads);
      };
      run(op, seconds / 3); // warm-up
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      long ops = run(op, seconds);
      double wall = (System.nanoTime() - t0) * 1e-9;
      double cpu = (os.getProcessCpuTime() - c0) * 1e-9;
      double steps = (double) ops * batch * STEPS;
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3g | %.3g | %.3g |%n", product, batch,
          threads, steps / wall, steps / cpu, wall / ops * 1e3);
    }
  }

  /** The existing per-column path: SoilColumnModel + Adjoint, columns spread over threads. */
  private static DoubleSupplier scalar(ColumnBatch b, double[][] seed, int threads) {
    SoilColumnModel m = SoilColumnModel.huang2025(StepSolver.EXACT);
    List<ColumnParameters> ps = IntStream.range(0, b.columns()).mapToObj(b::parameters).toList();
    ForkJoinPool pool = new ForkJoinPool(threads);
    return () -> {
      try {
        return pool.submit(() -> IntStream.range(0, ps.size()).parallel().mapToDouble(c ->
            Adjoint.vjp(m.simulate(ps.get(c), b.forcing(c), b.initial(c)), OUT, seed)
                .constant(Param.LAMBDA)).sum()).get();
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static long run(DoubleSupplier op, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    double sink = 0;
    do {
      sink += op.getAsDouble();
      n++;
    } while (System.nanoTime() < end);
    if (!Double.isFinite(sink)) {
      throw new IllegalStateException("non-finite result");
    }
    return n;
  }
}
