package org.cml4j.lsm.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cml4j.lsm.gradient.FiniteDifferences.central;
import static org.cml4j.lsm.gradient.FiniteDifferences.relErr;

import java.util.Arrays;
import java.util.List;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * The UNROLLED adjoint against central finite differences of the same truncated Jacobi iteration
 * (a replay with the recorded sweep count of every step), as autograd through the authors' loop.
 */
class UnrolledJacobiGradientTest {
  static final List<Output> OUTPUTS = GradientCheckTest.OUTPUTS;
  static final SoilColumnModel MODEL = SoilColumnModel.huang2025(StepSolver.JACOBI);
  static final int LEVELS = 31;
  static final SurfaceForcing FORCING = Huang2025.forcing(LEVELS);
  static final double[][] SEED = FiniteDifferences.seed(LEVELS, OUTPUTS.size(), 11);
  /** A start of the paper's experiment (trial 46 rounded): away from the truth. */
  static final ColumnParameters P = ColumnParameters.builder().alpha(0.31).lambda(0.62)
      .heatCapacity(2.41e6).hBeta(9.4, 0.83).tb(297.3).build();
  /** The paper's two-depth initial state: 293 K everywhere, so T^0 at the bottom is not Tb. */
  static final InitialState INIT = InitialState.profile(filled(101, 293));

  static double[] filled(int n, double x) {
    double[] a = new double[n];
    Arrays.fill(a, x);
    return a;
  }

  static double loss(Trajectory tr) {
    return FiniteDifferences.loss(tr, OUTPUTS, SEED);
  }

  @Test
  void constantParameterGradientsMatchFiniteDifferencesOfTheTruncatedIteration() {
    Trajectory tr = MODEL.simulate(P, FORCING, INIT);
    int[] sweeps = tr.stepIterations();
    assertThat(sweeps[1]).isGreaterThan(50);
    AdjointGradient unrolled = Adjoint.vjp(tr, OUTPUTS, SEED, GradientMode.UNROLLED);
    AdjointGradient implicit = Adjoint.vjp(tr, OUTPUTS, SEED, GradientMode.IMPLICIT);
    for (Param q : Param.values()) {
      double x = P.constant(q);
      // Tb acts only through the bottom node, 1 m below the outputs: its derivative is ~1e-5 of the
      // others, and the loss is almost linear in it, so a 1 K step keeps round-off out of the FD
      double h = q == Param.TB ? 1.0 : 1e-5 * Math.abs(x);
      double fd = central(v -> loss(MODEL.replayJacobi(P.with(q, v), FORCING, INIT, sweeps)), x, h);
      System.out.printf("%-7s unrolled %+.10e fd(replay) %+.10e implicit %+.10e%n", q.symbol(),
          unrolled.constant(q), fd, implicit.constant(q));
      assertThat(relErr(unrolled.constant(q), fd)).as("unrolled vs FD for %s", q)
          .isLessThan(1e-6);
    }
    // the two gradients are different derivatives, close only to the sweep tolerance
    assertThat(relErr(implicit.constant(Param.LAMBDA), unrolled.constant(Param.LAMBDA)))
        .isGreaterThan(1e-6).isLessThan(0.05);
  }

  @Test
  void seriesForcingAndInitialStateGradientsMatchFiniteDifferences() {
    double[] hb = new double[LEVELS];
    for (int k = 0; k < LEVELS; k++) {
      hb[k] = 25 + 8 * Math.sin(2 * Math.PI * k / 24.0);
    }
    ColumnParameters p = P.withSeries(Param.HBETA, hb);
    double[] profile = new double[101];
    for (int i = 0; i < profile.length; i++) {
      profile[i] = 293 + 4 * Math.exp(-i / 10.0);
    }
    InitialState init = InitialState.profile(profile);
    Trajectory tr = MODEL.simulate(p, FORCING, init);
    int[] sweeps = tr.stepIterations();
    AdjointGradient adj = Adjoint.vjp(tr, OUTPUTS, SEED, GradientMode.UNROLLED);
    for (int k : new int[] {0, 1, 7, 30}) {
      double fdH = central(v -> {
        double[] s = hb.clone();
        s[k] = v;
        return loss(MODEL.replayJacobi(p.withSeries(Param.HBETA, s), FORCING, init, sweeps));
      }, hb[k], 1e-4);
      double fdK = central(v -> {
        double[] kd = FORCING.kdown().clone();
        kd[k] = v;
        return loss(MODEL.replayJacobi(p, new SurfaceForcing(kd, FORCING.ldown(), FORCING.ta()),
            init, sweeps));
      }, FORCING.kdown()[k], 1e-2);
      assertThat(Math.abs(adj.series(Param.HBETA)[k] - fdH)).as("hbeta(t) level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdH)));
      assertThat(Math.abs(adj.forcing()[OutputOperator.KDOWN][k] - fdK)).as("Kdown level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdK)));
    }
    for (int i : new int[] {0, 1, 5, 99, 100}) {
      double fd = central(v -> {
        double[] s = profile.clone();
        s[i] = v;
        return loss(MODEL.replayJacobi(p, FORCING, InitialState.profile(s), sweeps));
      }, profile[i], 1e-3);
      assertThat(Math.abs(adj.initialState()[i] - fd)).as("initial node %d", i)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  }

  @Test
  void replayWithTheRecordedSweepsReproducesTheRunBitForBit() {
    Trajectory tr = MODEL.simulate(P, FORCING, INIT);
    Trajectory again = MODEL.replayJacobi(P, FORCING, INIT, tr.stepIterations());
    for (int k = 0; k < LEVELS; k++) {
      assertThat(again.state(k)).containsExactly(tr.state(k));
    }
    assertThat(again.solverIterations()).isEqualTo(tr.solverIterations());
  }

  @Test
  void misuseGivesClearErrors() {
    Trajectory exact = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(P, FORCING, INIT);
    assertThatThrownBy(() -> Adjoint.vjp(exact, OUTPUTS, SEED, GradientMode.UNROLLED))
        .hasMessageContaining("EXACT step solver");
    assertThatThrownBy(() -> SoilColumnModel.huang2025(StepSolver.EXACT)
        .replayJacobi(P, FORCING, INIT, new int[LEVELS])).hasMessageContaining("JACOBI");
    int[] wrong = new int[LEVELS - 1];
    assertThatThrownBy(() -> MODEL.replayJacobi(P, FORCING, INIT, wrong))
        .hasMessageContaining("30 sweep counts but the forcing has 31");
    assertThatThrownBy(() -> GradientMode.fromName("autograd")).hasMessageContaining("unrolled");
  }
}
