package org.cml4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward + full adjoint gradient throughput of the 101-node column over the paper's 100 hourly
 * steps, for a batch of independent columns with their own parameters, on all cores (parallel
 * stream over columns). Score = batches per second; column-steps/s = score x batch x 100.
 * Run: {@code java -cp benchmarks/target/cml4j-cli.jar org.openjdk.jmh.Main PhysicsThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PhysicsThroughputBenchmark {
  static final List<Output> OUT = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));

  @Param({"1", "64", "4096"})
  public int batch;

  @Param({"EXACT"})
  public String solver;

  private SoilColumnModel model;
  private SurfaceForcing forcing;
  private List<ColumnParameters> params;
  private double[][] seed;

  @Setup(Level.Trial)
  public void setup() {
    model = SoilColumnModel.huang2025(StepSolver.valueOf(solver));
    forcing = Huang2025.forcing(Huang2025.LEVELS);
    Random rnd = new Random(1);
    params = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      params.add(Huang2025.truth().with(org.cml4j.lsm.model.Param.LAMBDA, 0.5 + rnd.nextDouble())
          .with(org.cml4j.lsm.model.Param.HBETA, 10 + 30 * rnd.nextDouble()));
    }
    seed = new double[Huang2025.LEVELS][OUT.size()];
    for (double[] row : seed) {
      java.util.Arrays.fill(row, 1e-3);
    }
  }

  /** Forward run plus adjoint gradient of every column. */
  @Benchmark
  public double forwardAndGradient() {
    return IntStream.range(0, batch).parallel().mapToDouble(i -> {
      Trajectory tr = model.simulate(params.get(i), forcing, InitialState.uniformTb());
      return Adjoint.vjp(tr, OUT, seed).constant(org.cml4j.lsm.model.Param.LAMBDA);
    }).sum();
  }

  /** Forward run only. */
  @Benchmark
  public double forward() {
    return IntStream.range(0, batch).parallel()
        .mapToDouble(i -> model.simulate(params.get(i), forcing).state(100)[5]).sum();
  }
}
