package org.cml4j.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchGradient;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.Checkpointing;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;

/**
 * Memory and time of the batched forward + adjoint gradient against the horizon, with every state
 * stored and with square-root checkpointing (see {@link Checkpointing}): 101 nodes, hourly steps,
 * a batch of columns on all threads. Prints a Markdown table: stored-state bytes (exact, all
 * workers), peak heap growth during the runs (JMX, indicative), and the mean over repeated runs
 * (at least 3) of the wall time and column-steps per second of wall and of process CPU time (the
 * latter less sensitive to other load).
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.cml4j.benchmarks.CheckpointMemoryReport
 * [columns] [threads] [horizons...]} (defaults 128, all processors, 168 720 2190 8760).
 */
public final class CheckpointMemoryReport {
  private CheckpointMemoryReport() {}

  public static void main(String[] args) {
    int columns = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int threads = args.length > 1 ? Integer.parseInt(args[1])
        : Runtime.getRuntime().availableProcessors();
    int[] horizons = args.length > 2
        ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {168, 720, 2190, 8760};
    System.out.printf(Locale.ROOT, "%d columns, %d threads, chunk %d, 101 nodes, hourly steps%n%n",
        columns, threads, BatchRunner.DEFAULT_CHUNK);
    System.out.println("| levels | states kept | stored states [MB] | peak heap growth [MB] "
        + "| wall [s] | column-steps/s (wall) | column-steps/s per CPU-s |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int i = 0; i < 10; i++) { // JIT warm-up
      measure(columns, threads, 400, Checkpointing.sqrt(), false);
      measure(columns, threads, 400, Checkpointing.storeAll(), false);
    }
    for (int h : horizons) {
      measure(columns, threads, h, Checkpointing.storeAll(), true);
      measure(columns, threads, h, Checkpointing.sqrt(), true);
    }
  }

  private static void measure(int columns, int threads, int levels, Checkpointing cp,
      boolean print) {
    double[][] v = new double[Param.COUNT][columns];
    for (int c = 0; c < columns; c++) {
      v[Param.ALPHA.ordinal()][c] = 0.2;
      v[Param.LAMBDA.ordinal()][c] = 0.5 + c % 7 * 0.1;
      v[Param.C.ordinal()][c] = 2.2e6;
      v[Param.HBETA.ordinal()][c] = 10 + c % 11;
      v[Param.TB.ordinal()][c] = 293;
      v[Param.EPS.ordinal()][c] = 0.95;
    }
    ColumnBatch batch = ColumnBatch.of(v, Huang2025.forcing(levels), InitialState.uniformTb());
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));
    double[][] seed = new double[levels][2];
    for (double[] row : seed) {
      Arrays.fill(row, 1e-3);
    }
    try (BatchRunner runner = new BatchRunner(threads, BatchRunner.DEFAULT_CHUNK)) {
      BatchColumnModel model = new BatchColumnModel(ModelGrid.HUANG2025, runner);
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      BatchGradient g = null;
      int reps = print ? Math.max(3, 40_000 / levels) : 1;
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int rep = 0; rep < reps; rep++) {
        g = model.gradient(batch, outs, BatchLoss.vjp(seed), cp);
      }
      double wall = (System.nanoTime() - t0) * 1e-9 / reps;
      double cpu = (os.getProcessCpuTime() - c0) * 1e-9 / reps;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      if (!Double.isFinite(g.gradient(Param.LAMBDA, columns - 1))) {
        throw new IllegalStateException("non-finite gradient");
      }
      if (print) {
        double steps = (double) columns * (levels - 1);
        System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.0f | %.2f | %.3g | %.3g |%n", levels,
            g.plan().storesAll() ? "all" : "every " + g.plan().interval() + " + segment",
            g.storedStateBytes() / 1e6, Math.max(0, peak - before) / 1e6, wall, steps / wall,
            steps / cpu);
      }
    }
  }
}
