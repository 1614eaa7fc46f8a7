package org.cml4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The workload of {@link BatchSolverSpeedReport} (forward + hbeta gradient of 64 columns over the
 * paper's 100 hourly steps, one thread) as a forked JMH benchmark: each configuration and side
 * (per-column scalar {@code SoilColumnModel} + {@code Adjoint}, or the batched kernel) runs in JVMs
 * of its own, so neither side's compiled code or profile shapes the other's. This is what settles
 * the batched/scalar ratios that {@code BatchSolverSpeedReport} showed moving with the warm-up
 * when both sides shared one JVM.
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.openjdk.jmh.Main BatchSolverBenchmark}
 * (3 forks x 5 warm-up + 5 measured seconds per cell, 8 cells: about 7 minutes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g", "-XX:+UseSerialGC"})
public class BatchSolverBenchmark {
  private static final int COLUMNS = 64;

  /** Index into {@link BatchSolverSpeedReport#CONFIGS}. */
  @org.openjdk.jmh.annotations.Param({"0", "1", "2", "3"})
  public int config;

  @org.openjdk.jmh.annotations.Param({"scalar", "batched"})
  public String side;

  private BatchSolverSpeedReport.Config cf;
  private ColumnBatch columns;
  private double[][] seed;
  private SoilColumnModel scalar;
  private List<ColumnParameters> params;
  private BatchRunner runner;
  private BatchColumnModel batched;

  @Setup(Level.Trial)
  public void setup() {
    cf = BatchSolverSpeedReport.CONFIGS.get(config);
    columns = BatchSolverSpeedReport.columns(COLUMNS, cf.series());
    seed = new double[columns.levels()][BatchThroughputBenchmark.OUT.size()];
    for (double[] r : seed) {
      Arrays.fill(r, 1e-3);
    }
    scalar = SoilColumnModel.huang2025(cf.solver());
    params = new ArrayList<>(COLUMNS);
    for (int c = 0; c < COLUMNS; c++) {
      params.add(columns.parameters(c));
    }
    runner = new BatchRunner(1, BatchRunner.DEFAULT_CHUNK);
    batched = new BatchColumnModel(scalar, runner);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runner.close();
  }

  /** Forward + hbeta gradient of every column on the chosen side. */
  @Benchmark
  public double[][] gradient() {
    return side.equals("scalar")
        ? BatchSolverSpeedReport.scalarGradients(scalar, params, columns, seed, cf)
        : BatchSolverSpeedReport.batchedGradients(batched, columns, seed, cf);
  }
}
