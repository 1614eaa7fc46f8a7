package org.cml4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
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
 * Wall time of one {@link Learner#fit} of a tiny network: 2000 rows of a smooth 2-input function,
 * 100 epochs (no early stopping), one ND4J thread. {@code model}: {@code mlp} = 2 x 32 tanh MLP,
 * {@code lstm} = 16-unit LSTM over 8-row windows. Score = seconds per fit.
 * Run: {@code OMP_NUM_THREADS=1 java -cp benchmarks/target/cml4j-cli.jar org.openjdk.jmh.Main
 * LearnerTraining -p model=mlp -p batch=32,64}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LearnerTrainingBenchmark {
  @Param({"mlp"})
  public String model;

  @Param({"32", "64"})
  public int batch;

  @Param({"100"})
  public int epochs;

  private double[][] x;
  private double[][] y;

  @Setup(Level.Trial)
  public void setup() {
    Random r = new Random(1);
    x = new double[2000][2];
    y = new double[2000][1];
    for (int i = 0; i < 2000; i++) {
      double a = -1.5 + 3 * r.nextDouble();
      double b = -1.5 + 3 * r.nextDouble();
      x[i][0] = a;
      x[i][1] = b;
      y[i][0] = Math.sin(2 * a) + 0.5 * b * b - a * b;
    }
  }

  /** One full training run from a fresh seeded network. */
  @Benchmark
  public double fit() {
    LearnerSpec spec = "lstm".equals(model) ? LearnerSpec.lstm(16, 8) : LearnerSpec.mlp(32, 32);
    Learner l = Learners.create(spec.withEpochs(epochs).withBatchSize(batch).withPatience(0), 2, 1);
    return l.fit(x, y, null, null).finalTrainLoss();
  }
}
