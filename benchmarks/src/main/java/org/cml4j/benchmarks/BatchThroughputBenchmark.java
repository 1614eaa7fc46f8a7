package org.cml4j.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.batch.ColumnBatch;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Throughput of the batched, vectorised soil-column kernel ({@link BatchColumnModel}): 101 nodes,
 * the paper's 100 hourly steps, a batch of columns with their own lambda and hbeta, on 1 or 2
 * worker threads (chunks of {@link BatchRunner#DEFAULT_CHUNK} columns). Three products: forward
 * only, forward + tangent (3 parameters), forward + full adjoint gradient (6 parameters). The
 * secondary score {@code columnSteps} is column-steps per second directly.
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.openjdk.jmh.Main
 * BatchThroughputBenchmark -f 1 -wi 2 -i 3 -r 1s} (about 5 minutes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class BatchThroughputBenchmark {
  static final List<Output> OUT = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));
  static final List<Param> DIRECTIONS = List.of(Param.LAMBDA, Param.C, Param.HBETA);
  static final int STEPS = Huang2025.LEVELS - 1;

  @org.openjdk.jmh.annotations.Param({"1", "64", "4096", "65536"})
  public int batch;

  @org.openjdk.jmh.annotations.Param({"1", "2"})
  public int threads;

  private BatchRunner runner;
  private BatchColumnModel model;
  private ColumnBatch columns;
  private BatchLoss loss;

  /** Column-steps done, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Counter {
    public long columnSteps;
  }

  @Setup(Level.Trial)
  public void setup() {
    runner = new BatchRunner(threads, BatchRunner.DEFAULT_CHUNK);
    model = new BatchColumnModel(ModelGrid.HUANG2025, runner);
    columns = BatchThroughputReport.columns(batch);
    double[][] seed = new double[Huang2025.LEVELS][OUT.size()];
    for (double[] row : seed) {
      Arrays.fill(row, 1e-3);
    }
    loss = BatchLoss.vjp(seed);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    runner.close();
  }

  /** Forward run of every column, outputs at every level. */
  @Benchmark
  public double forward(Counter n) {
    n.columnSteps += (long) batch * STEPS;
    return model.forward(columns, OUT).value(batch - 1, STEPS, 1);
  }

  /** Forward run plus tangent sweeps for lambda, C and hbeta. */
  @Benchmark
  public double forwardTangent(Counter n) {
    n.columnSteps += (long) batch * STEPS;
    return model.tangent(columns, OUT, DIRECTIONS).derivative(batch - 1, STEPS, 1, 0);
  }

  /** Forward run, per-column loss, adjoint gradient for all six constant parameters. */
  @Benchmark
  public double forwardAdjoint(Counter n) {
    n.columnSteps += (long) batch * STEPS;
    return model.gradient(columns, OUT, loss).gradient(Param.LAMBDA, batch - 1);
  }
}
