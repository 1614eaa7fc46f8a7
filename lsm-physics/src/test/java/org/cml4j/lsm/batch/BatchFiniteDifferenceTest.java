package org.cml4j.lsm.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Batched gradients with time-dependent parameters against central finite differences: the
 * IMPLICIT gradient of the EXACT model against differences of the batched forward run itself, the
 * UNROLLED gradient of the JACOBI model against differences of the same truncated iteration (the
 * scalar replay with the recorded sweep counts, which the batched sweeps reproduce bit for bit).
 */
class BatchFiniteDifferenceTest {
  static final List<Output> OUTPUTS = BatchSolversTest.OUTPUTS;
  static final int LEVELS = BatchSolversTest.LEVELS;
  static final double[][] SEED = BatchSolversTest.seed(21);
  static final int[] PROBED = {0, 1, 7, 30, LEVELS - 1};
  /** One thread, chunks of 2: the three columns make a full and a partial chunk. */
  static final BatchRunner RUNNER = new BatchRunner(1, 2);

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  /** Three columns of the time-dependent test batch (hbeta(t) in all; lambda(t) in column 0). */
  static ColumnBatch batch() {
    ColumnBatch b = BatchSolversTest.batch(6, true);
    List<ColumnParameters> ps = new ArrayList<>();
    List<SurfaceForcing> fs = new ArrayList<>();
    List<InitialState> is = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      ps.add(b.parameters(c));
      fs.add(b.forcing(c));
      is.add(b.initial(c));
    }
    return ColumnBatch.of(ps, fs, is);
  }

  static double loss(double[][] y) {
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      for (int o = 0; o < y[k].length; o++) {
        s += SEED[k][o] * y[k][o];
      }
    }
    return s;
  }

  static double central(DoubleUnaryOperator f, double x, double h) {
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  /** Column {@code c} of {@code b} with level {@code k} of series {@code p} set to {@code v}. */
  static ColumnParameters moved(ColumnBatch b, int c, Param p, int k, double v) {
    double[] s = b.parameters(c).series(p);
    s[k] = v;
    return b.parameters(c).withSeries(p, s);
  }

  @Test
  void exactImplicitSeriesGradientMatchesFiniteDifferencesOfTheBatchedRun() {
    ColumnBatch b = batch();
    BatchColumnModel model = new BatchColumnModel(SoilColumnModel.huang2025(StepSolver.EXACT),
        RUNNER);
    BatchGradient g = model.gradient(b, OUTPUTS, BatchLoss.vjp(SEED));
    for (int c = 0; c < b.columns(); c++) {
      int col = c;
      for (Param p : c == 0 ? List.of(Param.HBETA, Param.LAMBDA) : List.of(Param.HBETA)) {
        double[] grad = g.series(p, c);
        for (int k : PROBED) {
          double x = b.value(p, c, k);
          double fd = central(v -> {
            ColumnBatch one = ColumnBatch.of(List.of(moved(b, col, p, k, v)),
                List.of(b.forcing(col)), List.of(b.initial(col)));
            return loss(model.forward(one, OUTPUTS).outputs(0));
          }, x, 1e-5 * x);
          assertThat(Math.abs(grad[k] - fd)).as("%s column %d level %d", p, c, k)
              .isLessThan(1e-6 * Math.max(1, Math.abs(fd)));
        }
      }
    }
  }

  @Test
  void jacobiUnrolledSeriesGradientMatchesFiniteDifferencesOfTheTruncatedIteration() {
    ColumnBatch b = batch();
    SoilColumnModel scalar = SoilColumnModel.huang2025(StepSolver.JACOBI);
    BatchColumnModel model = new BatchColumnModel(scalar, RUNNER);
    BatchGradient g = model.gradient(b, OUTPUTS, BatchLoss.vjp(SEED), Checkpointing.storeAll(),
        GradientMode.UNROLLED);
    for (int c = 0; c < b.columns(); c++) {
      int col = c;
      int[] sweeps = scalar.simulate(b.parameters(c), b.forcing(c), b.initial(c))
          .stepIterations();
      double[] grad = g.series(Param.HBETA, c);
      for (int k : PROBED) {
        double fd = central(v -> {
          Trajectory tr = scalar.replayJacobi(moved(b, col, Param.HBETA, k, v), b.forcing(col),
              b.initial(col), sweeps);
          return loss(tr.outputs(OUTPUTS));
        }, b.value(Param.HBETA, c, k), 1e-4);
        assertThat(Math.abs(grad[k] - fd)).as("hbeta(t) column %d level %d", c, k)
            .isLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
      for (Param p : List.of(Param.ALPHA, Param.C, Param.EPS)) {
        if (b.timeDependent(p, c)) {
          continue;
        }
        double x = b.parameters(c).constant(p);
        double fd = central(v -> loss(scalar.replayJacobi(b.parameters(col).with(p, v),
            b.forcing(col), b.initial(col), sweeps).outputs(OUTPUTS)), x, 1e-5 * x);
        assertThat(Math.abs(g.gradient(p, c) - fd)).as("%s column %d", p, c)
            .isLessThan(1e-6 * Math.abs(fd));
      }
    }
  }
}
