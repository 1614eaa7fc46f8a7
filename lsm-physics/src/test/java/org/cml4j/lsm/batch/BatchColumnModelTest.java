package org.cml4j.lsm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.gradient.Tangent;
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

/** The batched kernel against the scalar model, tangent and adjoint, column by column. */
class BatchColumnModelTest {
  static final List<Output> OUTPUTS = List.of(Output.SURFACE_TEMPERATURE,
      Output.soilTemperature(0.05), Output.soilTemperature(0.033), Output.soilTemperature(1.0),
      Output.GROUND_HEAT_FLUX, Output.LONGWAVE_UP, Output.TURBULENT_FLUX, Output.NET_RADIATION);
  static final int LEVELS = 49;
  static final SoilColumnModel SCALAR = SoilColumnModel.huang2025(StepSolver.EXACT);
  /** Two threads, chunks of 4: a batch of 11 columns exercises full and partial chunks. */
  static final BatchRunner RUNNER = new BatchRunner(2, 4);
  static final BatchColumnModel BATCH = new BatchColumnModel(SCALAR.grid(), RUNNER);

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  /** Eleven columns with random parameters, per-column forcing and mixed initial states. */
  static ColumnBatch batch(long seed) {
    Random rnd = new Random(seed);
    List<ColumnParameters> ps = new ArrayList<>();
    List<SurfaceForcing> fs = new ArrayList<>();
    List<InitialState> is = new ArrayList<>();
    SurfaceForcing base = Huang2025.forcing(LEVELS);
    for (int c = 0; c < 11; c++) {
      ps.add(ColumnParameters.builder().alpha(0.1 + 0.3 * rnd.nextDouble())
          .lambda(0.3 + 1.5 * rnd.nextDouble()).heatCapacity(1e6 + 2e6 * rnd.nextDouble())
          .hbeta(5 + 40 * rnd.nextDouble()).tb(285 + 15 * rnd.nextDouble())
          .eps(0.9 + 0.1 * rnd.nextDouble()).build());
      double[] k = base.kdown().clone();
      double[] l = base.ldown().clone();
      double[] ta = base.ta().clone();
      for (int t = 0; t < LEVELS; t++) {
        k[t] *= 0.7 + 0.3 * rnd.nextDouble();
        l[t] += 250 * rnd.nextDouble();
        ta[t] += 4 * rnd.nextGaussian();
      }
      fs.add(new SurfaceForcing(k, l, ta));
      if (c % 3 == 1) {
        double[] profile = new double[101];
        double[] weights = new double[101];
        for (int i = 0; i < 101; i++) {
          weights[i] = i / 100.0;
          profile[i] = (290 + 5 * Math.exp(-i / 10.0)) * (1 - weights[i]);
        }
        is.add(InitialState.blendedToTb(profile, weights));
      } else {
        is.add(InitialState.uniformTb());
      }
    }
    return ColumnBatch.of(ps, fs, is);
  }

  static Trajectory scalar(ColumnBatch b, int c) {
    return SCALAR.simulate(b.parameters(c), b.forcing(c), b.initial(c));
  }

  @Test
  void forwardMatchesScalarModel() {
    ColumnBatch b = batch(1);
    BatchTrajectory tr = BATCH.forward(b, OUTPUTS);
    double worst = 0;
    for (int c = 0; c < b.columns(); c++) {
      Trajectory ref = scalar(b, c);
      double[][] y = ref.outputs(OUTPUTS);
      double[][] got = tr.outputs(c);
      for (int k = 0; k < LEVELS; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          worst = Math.max(worst, Math.abs(got[k][o] - y[k][o]));
        }
      }
      double[] fin = tr.finalState(c);
      for (int i = 0; i < fin.length; i++) {
        worst = Math.max(worst, Math.abs(fin[i] - ref.state(LEVELS - 1)[i]));
      }
    }
    System.out.printf("batch forward vs scalar: max abs difference %.3g%n", worst);
    assertThat(worst).isLessThan(1e-10);
    assertThat(tr.output(Output.SURFACE_TEMPERATURE, 3)).hasSize(LEVELS);
  }

  @Test
  void tangentMatchesScalarTangent() {
    ColumnBatch b = batch(2);
    List<Param> dirs = List.of(Param.LAMBDA, Param.C, Param.TB, Param.ALPHA, Param.HBETA,
        Param.EPS);
    BatchJacobian jac = BATCH.tangent(b, OUTPUTS, dirs);
    double worst = 0;
    for (int c = 0; c < b.columns(); c++) {
      double[][][] ref = Tangent.jacobian(scalar(b, c), OUTPUTS, dirs);
      double[][][] got = jac.jacobian(c);
      for (int k = 0; k < LEVELS; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          for (int j = 0; j < dirs.size(); j++) {
            worst = Math.max(worst, relErr(got[k][o][j], ref[k][o][j], dirs.get(j), b, c));
          }
        }
      }
    }
    System.out.printf("batch tangent vs scalar: max scaled difference %.3g%n", worst);
    assertThat(worst).isLessThan(1e-10);
  }

  /** Difference relative to the derivative's natural scale (1 K or 1 W m-2 per 1 % of p). */
  static double relErr(double got, double ref, Param p, ColumnBatch b, int c) {
    double scale = Math.abs(b.value(p, c)) * 0.01;
    return Math.abs(got - ref) * scale / Math.max(1, Math.abs(ref) * scale);
  }

  @Test
  void adjointGradientMatchesScalarAdjoint() {
    ColumnBatch b = batch(3);
    double[][] seed = new double[LEVELS][OUTPUTS.size()];
    Random rnd = new Random(9);
    for (double[] row : seed) {
      for (int o = 0; o < row.length; o++) {
        row[o] = rnd.nextGaussian();
      }
    }
    BatchGradient g = BATCH.gradient(b, OUTPUTS, BatchLoss.vjp(seed));
    double worst = 0;
    for (int c = 0; c < b.columns(); c++) {
      Trajectory tr = scalar(b, c);
      AdjointGradient ref = Adjoint.vjp(tr, OUTPUTS, seed);
      double[][] y = tr.outputs(OUTPUTS);
      double loss = 0;
      for (int k = 0; k < LEVELS; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          loss += seed[k][o] * y[k][o];
        }
      }
      assertThat(g.loss(c))
          .isCloseTo(loss, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(loss)));
      for (Param p : Param.values()) {
        double r = ref.constant(p);
        double err = Math.abs(g.gradient(p, c) - r) / Math.abs(r);
        worst = Math.max(worst, err);
      }
    }
    System.out.printf("batch adjoint vs scalar: max relative difference %.3g%n", worst);
    assertThat(worst).isLessThan(1e-10);
  }

  @Test
  void resultsDoNotDependOnChunkingOrThreads() {
    ColumnBatch b = batch(4);
    double[][] seed = new double[LEVELS][OUTPUTS.size()];
    seed[LEVELS - 1][1] = 1;
    seed[20][0] = 0.5;
    try (BatchRunner one = new BatchRunner(1, 64)) {
      BatchGradient a = new BatchColumnModel(SCALAR.grid(), one)
          .gradient(b, OUTPUTS, BatchLoss.vjp(seed));
      BatchGradient c = BATCH.gradient(b, OUTPUTS, BatchLoss.vjp(seed));
      for (int col = 0; col < b.columns(); col++) {
        for (Param p : Param.values()) {
          assertThat(c.gradient(p, col)).as("%s column %d", p, col)
              .isCloseTo(a.gradient(p, col),
                  org.assertj.core.data.Offset.offset(1e-12 * Math.abs(a.gradient(p, col))));
        }
      }
    }
  }

  @Test
  void checkpointedGradientOverAYearEqualsStoredGradient() {
    int levels = 8760;
    SurfaceForcing f = Huang2025.forcing(levels);
    double[][] v = new double[Param.COUNT][6];
    Random rnd = new Random(5);
    for (int c = 0; c < 6; c++) {
      v[Param.ALPHA.ordinal()][c] = 0.15 + 0.1 * rnd.nextDouble();
      v[Param.LAMBDA.ordinal()][c] = 0.5 + rnd.nextDouble();
      v[Param.C.ordinal()][c] = 1.5e6 + 1e6 * rnd.nextDouble();
      v[Param.HBETA.ordinal()][c] = 10 + 20 * rnd.nextDouble();
      v[Param.TB.ordinal()][c] = 288 + 8 * rnd.nextDouble();
      v[Param.EPS.ordinal()][c] = 0.95;
    }
    ColumnBatch b = ColumnBatch.of(v, f, InitialState.uniformTb());
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));
    double[][] seed = new double[levels][2];
    for (int k = 0; k < levels; k++) {
      seed[k][0] = Math.sin(k * 0.01) * 1e-3;
      seed[k][1] = 1e-3;
    }
    BatchLoss loss = BatchLoss.vjp(seed);
    try (BatchRunner one = new BatchRunner(1, 8)) {
      BatchColumnModel model = new BatchColumnModel(SCALAR.grid(), one);
      BatchGradient all = model.gradient(b, outs, loss, Checkpointing.storeAll());
      BatchGradient sqrt = model.gradient(b, outs, loss, Checkpointing.sqrt());
      BatchGradient every = model.gradient(b, outs, loss, Checkpointing.every(500));
      long perState = 6L * 101 * 8;
      BatchGradient budget = model.gradient(b, outs, loss,
          Checkpointing.memoryBudget(200 * perState));
      for (BatchGradient g : List.of(sqrt, every, budget)) {
        for (int c = 0; c < 6; c++) {
          for (Param p : Param.values()) {
            double ref = all.gradient(p, c);
            assertThat(Math.abs(g.gradient(p, c) - ref)).as("%s column %d", p, c)
                .isLessThanOrEqualTo(1e-12 * Math.abs(ref));
          }
        }
      }
      assertThat(all.plan().storedStates()).isEqualTo(levels);
      assertThat(sqrt.plan().interval()).isEqualTo(94);
      assertThat(sqrt.plan().storedStates()).isEqualTo(94 + 94);
      assertThat(every.plan().storedStates()).isEqualTo(18 + 500);
      assertThat(budget.plan().storedStates()).isEqualTo(188);
      assertThat(all.storedStateBytes()).isEqualTo(levels * perState);
      assertThat(sqrt.storedStateBytes()).isEqualTo(188 * perState);
      System.out.printf("8760 levels x 6 columns: stored-state bytes %d (all) vs %d (sqrt)%n",
          all.storedStateBytes(), sqrt.storedStateBytes());
    }
  }

  @Test
  void badInputIsReportedWithColumnAndRange() {
    double[][] v = new double[Param.COUNT][3];
    for (int c = 0; c < 3; c++) {
      v[Param.ALPHA.ordinal()][c] = 0.2;
      v[Param.LAMBDA.ordinal()][c] = 0.8;
      v[Param.C.ordinal()][c] = 2.2e6;
      v[Param.HBETA.ordinal()][c] = 25;
      v[Param.TB.ordinal()][c] = 293;
      v[Param.EPS.ordinal()][c] = 0.95;
    }
    v[Param.LAMBDA.ordinal()][2] = -1;
    SurfaceForcing f = Huang2025.forcing(5);
    assertThatThrownBy(() -> ColumnBatch.of(v, f, InitialState.uniformTb()))
        .hasMessageContaining("lambda").hasMessageContaining("column 2")
        .hasMessageContaining("[0.001, 10.0]");
    ColumnParameters series = Huang2025.truth().withSeries(Param.HBETA, new double[4]);
    assertThatThrownBy(() -> ColumnBatch.of(List.of(Huang2025.truth(), series), List.of(f),
        List.of(InitialState.uniformTb()))).hasMessageContaining("column 1")
        .hasMessageContaining("time-dependent hbeta with 4 values but its forcing has 5");
    v[Param.LAMBDA.ordinal()][2] = 0.8;
    ColumnBatch ok = ColumnBatch.of(v, f, InitialState.uniformTb());
    assertThatThrownBy(() -> BATCH.gradient(ok, List.of(Output.SURFACE_TEMPERATURE),
        (c, y, s) -> c == 1 ? Double.NaN : 0)).hasMessageContaining("loss of column 1 is NaN");
    assertThatThrownBy(() -> BATCH.gradient(ok, List.of(Output.SURFACE_TEMPERATURE),
        (c, y, s) -> 0, Checkpointing.memoryBudget(1000)))
        .hasMessageContaining("budget of 1000 bytes is too small for 5 time levels");
  }
}
