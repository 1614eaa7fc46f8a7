package org.cml4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cml4j.cli.DataLocator;
import org.cml4j.cli.estimate.Huang2025Runner;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.solver.StepSolver;
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
 * The paper's 50-start Adam inversion (huang2025-2depth, alpha, h, beta, lambda, Tb, C; exact step
 * solver) on 2 threads: one start per thread with the scalar model ({@code per-start}) against all
 * starts in lockstep as one batch per step on the vectorised kernel ({@code lockstep}, what
 * {@link EstimationRuns#fitAll} does). Both give the same iterates. Needs {@code shared/data}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MultiStartAdamBenchmark {
  @Param({"per-start", "lockstep"})
  public String mode;

  private Objective objective;
  private List<double[]> starts;

  @Setup(Level.Trial)
  public void setup() {
    Huang2025Experiment e = Huang2025Experiment.load(
        Huang2025Runner.folder(DataLocator.find(null)), 2);
    List<FitParam> fit = Huang2025Runner.PAPER;
    objective = e.objective(StepSolver.EXACT, fit);
    starts = e.starts(fit);
  }

  /** Fits all 50 starts; returns the number of starts with lambda within 1 % of 0.8. */
  @Benchmark
  public long fitFiftyStarts() {
    List<FitResult> rs = mode.equals("lockstep")
        ? EstimationRuns.fitAll("adam", objective, starts, 2, d -> { })
        : MultiStart.run(starts, (i, s) -> EstimationRuns.fit("adam", objective, s), 2, d -> { });
    return rs.stream().filter(r -> Math.abs(r.named().get("lambda") - 0.8) <= 0.008).count();
  }
}
