package org.cml4j.lsm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.gradient.GradientMode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batched kernel with both step solvers and with time-dependent parameters against the scalar
 * model, tangent and adjoint, column by column: 11 columns with their own parameters, forcing and
 * initial states (chunks of 4 on 2 threads). Tolerance 1e-11, scaled as stated at each assertion.
 */
class BatchSolversTest {
  static final List<Output> OUTPUTS = BatchColumnModelTest.OUTPUTS;
  static final int LEVELS = BatchColumnModelTest.LEVELS;
  static final double TOL = 1e-11;
  static final BatchRunner RUNNER = new BatchRunner(2, 4);

  /** Step solver x constant or time-dependent parameters. */
  enum Case {
    EXACT_CONSTANT(StepSolver.EXACT, false),
    EXACT_SERIES(StepSolver.EXACT, true),
    JACOBI_CONSTANT(StepSolver.JACOBI, false),
    JACOBI_SERIES(StepSolver.JACOBI, true);

    final StepSolver solver;
    final boolean series;

    Case(StepSolver solver, boolean series) {
      this.solver = solver;
      this.series = series;
    }

    SoilColumnModel scalar() {
      return SoilColumnModel.huang2025(solver);
    }

    BatchColumnModel batched() {
      return new BatchColumnModel(scalar(), RUNNER);
    }
  }

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  /**
   * The columns of {@link BatchColumnModelTest#batch}; with {@code series}, hbeta(t) in all columns
   * but one, and lambda, C, alpha, eps or Tb time-dependent in some columns too.
   */
  static ColumnBatch batch(long seed, boolean series) {
    ColumnBatch b = BatchColumnModelTest.batch(seed);
    if (!series) {
      return b;
    }
    List<ColumnParameters> ps = new ArrayList<>();
    List<SurfaceForcing> fs = new ArrayList<>();
    List<InitialState> is = new ArrayList<>();
    for (int c = 0; c < b.columns(); c++) {
      ColumnParameters p = b.parameters(c);
      if (c != 5) {
        p = p.withSeries(Param.HBETA, wave(p.constant(Param.HBETA), 0.3, c));
      }
      if (c % 3 == 0) {
        p = p.withSeries(Param.LAMBDA, wave(p.constant(Param.LAMBDA), 0.2, c + 1));
      }
      if (c % 4 == 1) {
        p = p.withSeries(Param.C, wave(p.constant(Param.C), 0.1, c + 2));
      }
      if (c % 5 == 2) {
        p = p.withSeries(Param.ALPHA, wave(p.constant(Param.ALPHA), 0.2, c + 3));
      }
      if (c == 7) {
        p = p.withSeries(Param.EPS, wave(0.93, 0.05, c));
      }
      if (c == 8 || c == 4) {
        p = p.withSeries(Param.TB, wave(p.constant(Param.TB), 0.002, c));
      }
      ps.add(p);
      fs.add(b.forcing(c));
      is.add(b.initial(c));
    }
    return ColumnBatch.of(ps, fs, is);
  }

  /** {@code mean (1 + amp sin(2 pi k / 24 + phase))} at every level. */
  static double[] wave(double mean, double amp, int phase) {
    double[] v = new double[LEVELS];
    for (int k = 0; k < LEVELS; k++) {
      v[k] = mean * (1 + amp * Math.sin(2 * Math.PI * k / 24.0 + phase));
    }
    return v;
  }

  static Trajectory scalar(Case cs, ColumnBatch b, int c) {
    return cs.scalar().simulate(b.parameters(c), b.forcing(c), b.initial(c));
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void forwardMatchesScalarModel(Case cs) {
    ColumnBatch b = batch(1, cs.series);
    BatchTrajectory tr = cs.batched().forward(b, OUTPUTS);
    double worst = 0;
    long sweeps = 0;
    for (int c = 0; c < b.columns(); c++) {
      Trajectory ref = scalar(cs, b, c);
      sweeps += ref.solverIterations();
      double[][] y = ref.outputs(OUTPUTS);
      double[][] got = tr.outputs(c);
      for (int o = 0; o < OUTPUTS.size(); o++) {
        // normwise over the series: fluxes are differences of terms near 1000 W m-2 and cross 0
        double max = 0;
        double diff = 0;
        for (int k = 0; k < LEVELS; k++) {
          max = Math.max(max, Math.abs(y[k][o]));
          diff = Math.max(diff, Math.abs(got[k][o] - y[k][o]));
        }
        worst = Math.max(worst, diff / max);
      }
      double[] fin = tr.finalState(c);
      for (int i = 0; i < fin.length; i++) {
        worst = Math.max(worst, scaled(fin[i], ref.state(LEVELS - 1)[i]));
      }
    }
    System.out.printf("%s batch forward vs scalar: max relative difference %.3g (per output"
        + " series, to its largest magnitude)%n", cs, worst);
    assertThat(worst).isLessThanOrEqualTo(TOL);
    if (cs.solver == StepSolver.JACOBI) {
      // same arithmetic in the same order: every sweep count and every bit agree
      assertThat(worst).isZero();
      assertThat(tr.solverIterations()).isEqualTo(sweeps);
    }
  }

  /** |a - b| / max(1, |b|): relative for values of magnitude above 1 (K, W m-2), else absolute. */
  static double scaled(double a, double b) {
    return Math.abs(a - b) / Math.max(1, Math.abs(b));
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void tangentMatchesScalarTangent(Case cs) {
    ColumnBatch b = batch(2, cs.series);
    List<Param> dirs = List.of(Param.LAMBDA, Param.C, Param.TB, Param.ALPHA, Param.HBETA,
        Param.EPS);
    BatchJacobian jac = cs.batched().tangent(b, OUTPUTS, dirs);
    double worst = 0;
    for (int c = 0; c < b.columns(); c++) {
      double[][][] ref = Tangent.jacobian(scalar(cs, b, c), OUTPUTS, dirs);
      double[][][] got = jac.jacobian(c);
      for (int k = 0; k < LEVELS; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          for (int j = 0; j < dirs.size(); j++) {
            // derivative times 1 % of the parameter: K or W m-2 per 1 % change
            double scale = 0.01 * Math.abs(b.value(dirs.get(j), c, 0));
            worst = Math.max(worst, scaled(got[k][o][j] * scale, ref[k][o][j] * scale));
          }
        }
      }
    }
    System.out.printf("%s batch tangent vs scalar: max difference %.3g%n", cs, worst);
    assertThat(worst).isLessThanOrEqualTo(TOL);
  }

  @ParameterizedTest
  @EnumSource(Case.class)
  void implicitGradientMatchesScalarAdjoint(Case cs) {
    assertGradientMatches(cs, GradientMode.IMPLICIT, Checkpointing.storeAll());
  }

  @ParameterizedTest
  @EnumSource(value = Case.class, names = {"JACOBI_CONSTANT", "JACOBI_SERIES"})
  void unrolledGradientMatchesScalarUnrolledAdjoint(Case cs) {
    assertGradientMatches(cs, GradientMode.UNROLLED, Checkpointing.storeAll());
    assertGradientMatches(cs, GradientMode.UNROLLED, Checkpointing.every(5));
  }

  static double[][] seed(long s) {
    double[][] seed = new double[LEVELS][OUTPUTS.size()];
    Random rnd = new Random(s);
    for (double[] row : seed) {
      for (int o = 0; o < row.length; o++) {
        row[o] = rnd.nextGaussian();
      }
    }
    return seed;
  }

  /**
   * Loss to 1e-11 relative; each parameter's total gradient to 1e-11 relative; each level's
   * gradient of a time-dependent parameter to 1e-11 of that series' largest magnitude.
   */
  static void assertGradientMatches(Case cs, GradientMode mode, Checkpointing plan) {
    ColumnBatch b = batch(3, cs.series);
    double[][] seed = seed(9);
    BatchGradient g = cs.batched().gradient(b, OUTPUTS, BatchLoss.vjp(seed), plan, mode);
    double worst = 0;
    double worstSeries = 0;
    int seriesChecked = 0;
    for (int c = 0; c < b.columns(); c++) {
      Trajectory tr = scalar(cs, b, c);
      AdjointGradient ref = Adjoint.vjp(tr, OUTPUTS, seed, mode);
      double loss = 0;
      double[][] y = tr.outputs(OUTPUTS);
      for (int k = 0; k < LEVELS; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          loss += seed[k][o] * y[k][o];
        }
      }
      worst = Math.max(worst, Math.abs(g.loss(c) - loss) / Math.abs(loss));
      for (Param p : Param.values()) {
        double r = ref.constant(p);
        worst = Math.max(worst, Math.abs(g.gradient(p, c) - r) / Math.abs(r));
        if (b.timeDependent(p, c)) {
          double[] got = g.series(p, c);
          double[] want = ref.series(p);
          double max = 0;
          double diff = 0;
          for (int k = 0; k < LEVELS; k++) {
            max = Math.max(max, Math.abs(want[k]));
            diff = Math.max(diff, Math.abs(got[k] - want[k]));
          }
          worstSeries = Math.max(worstSeries, diff / max);
          seriesChecked++;
        }
      }
    }
    System.out.printf("%s %s %s batch gradient vs scalar: max relative difference %.3g (totals),"
        + " %.3g (per level, %d series)%n", cs, mode, plan, worst, worstSeries, seriesChecked);
    assertThat(worst).isLessThanOrEqualTo(TOL);
    assertThat(worstSeries).isLessThanOrEqualTo(TOL);
    assertThat(seriesChecked).isEqualTo(cs.series ? 10 + 4 + 3 + 2 + 1 + 2 : 0);
  }

  @Test
  void misuseGivesClearErrors() {
    ColumnBatch b = batch(4, false);
    BatchLoss loss = BatchLoss.vjp(seed(1));
    BatchColumnModel exact = Case.EXACT_CONSTANT.batched();
    assertThatThrownBy(() -> exact.gradient(b, OUTPUTS, loss, Checkpointing.storeAll(),
        GradientMode.UNROLLED)).hasMessageContaining("EXACT step solver");
    BatchGradient g = exact.gradient(b, OUTPUTS, loss);
    assertThatThrownBy(() -> g.series(Param.HBETA, 0))
        .hasMessageContaining("hbeta is constant in every column");
    ColumnBatch s = batch(4, true);
    assertThatThrownBy(() -> s.value(Param.HBETA, 0)).hasMessageContaining("time-dependent");
    assertThat(s.value(Param.HBETA, 5)).isEqualTo(b.value(Param.HBETA, 5));
  }
}
