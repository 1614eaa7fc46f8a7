package org.cml4j.lsm.gradient.samediff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepKernel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * The SameDiff step residual and its implicit-function-theorem VJP ({@link StepResidualSameDiff})
 * against the hand-written discrete adjoint ({@link Adjoint}) of the same single step.
 */
class StepVjpSameDiffTest {
  static final double REL_TOL = 1e-8;
  /** Absolute floor of the relative-difference denominator (e.g. d/dalpha at night, Kdown ~ 5e-14). */
  static final double ABS_FLOOR = 1e-12;

  @Test
  void smallGridNightStep() {
    check(new ModelGrid(21, 0.2, 3600), 3, 1);
  }

  @Test
  void paperGridNightStep() {
    check(ModelGrid.HUANG2025, 3, 1);
  }

  @Test
  void smallGridDaytimeStep() {
    // step 12 -> 13 h: Kdown ~ 770 W m-2, so d/dalpha and the surface G terms are far from zero
    check(new ModelGrid(21, 0.2, 3600), 14, 12);
  }

  /** Step k -> k+1 of a run over {@code levels} levels of the paper forcing. */
  private static void check(ModelGrid grid, int levels, int k) {
    int n = grid.nodes();
    double dx = grid.dx();
    double dt = grid.dt();
    ColumnParameters p = Huang2025.truth();
    SurfaceForcing forcing = Huang2025.forcing(levels);
    double[] init = new double[n];
    for (int i = 0; i < n; i++) {
      double z = grid.nodeDepth(i) / grid.depth();
      init[i] = 293 + 6 * Math.cos(Math.PI * z) * (1 - z) + 1.5 * Math.sin(7 * z);
    }
    init[n - 1] = 293;
    SoilColumnModel model = new SoilColumnModel(grid, StepSolver.EXACT);
    Trajectory run = model.simulate(p, forcing, InitialState.profile(init));
    double[] xPrev = run.state(k);
    double[] xNew = run.state(k + 1);
    LevelValues v = new LevelValues().load(p, forcing, k + 1);
    Random rnd = new Random(42);
    double[] upstream = new double[n];
    for (int i = 0; i < n; i++) {
      upstream[i] = rnd.nextGaussian();
    }

    // hand adjoint of the single step: 2-level run from x_prev, forcing levels (k, k+1]
    Trajectory step = model.simulate(p, forcing.slice(k, k + 2), InitialState.profile(xPrev));
    assertThat(step.state(1)).as("2-level run reproduces x_new").containsExactly(xNew);
    List<Output> outputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outputs.add(Output.soilTemperature(i * dx));
    }
    double[][] seed = {new double[n], upstream.clone()};
    AdjointGradient hand = Adjoint.vjp(step, outputs, seed);

    long t0 = System.nanoTime();
    StepResidualSameDiff sdStep = new StepResidualSameDiff(n, dt, dx);
    long t1 = System.nanoTime();
    double[] res = sdStep.residual(xPrev, xNew, v, dt, dx);
    StepVjp g = sdStep.vjp(xPrev, xNew, v, dt, dx, upstream);
    long t2 = System.nanoTime();
    g = sdStep.vjp(xPrev, xNew, v, dt, dx, upstream); // warm timing
    long t3 = System.nanoTime();

    // 1. the SameDiff equations: the exact solver's state zeroes the residual
    double maxRes = 0;
    for (double r : res) {
      maxRes = Math.max(maxRes, Math.abs(r));
    }
    assertThat(maxRes).as("max |R(x_prev, x_new)|").isLessThan(1e-8);

    // 2. the SameDiff Jacobian has the analytic tridiagonal entries
    double r = StepKernel.r(v, dt, dx);
    double a = StepKernel.a(v, dt, dx);
    double[][] jac = sdStep.jacobian(xPrev, xNew, v, dt, dx);
    double x0 = xNew[0];
    double[][] expected = new double[n][n];
    expected[0][0] = 1 + 2 * r + a * (4 * v.eps * SIGMA * x0 * x0 * x0 + v.hbeta);
    expected[0][1] = -2 * r;
    for (int i = 1; i < n - 1; i++) {
      expected[i][i - 1] = -r;
      expected[i][i] = 1 + 2 * r;
      expected[i][i + 1] = -r;
    }
    expected[n - 1][n - 1] = 1;
    double maxJac = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        maxJac = Math.max(maxJac, Math.abs(jac[i][j] - expected[i][j]) / (1 + 2 * r));
      }
    }
    assertThat(maxJac).as("SameDiff dR/dx_new vs analytic").isLessThan(1e-12);

    // 3. the solve: A^T mu recomputed by SameDiff gives back the upstream cotangent
    double maxSolve = 0;
    for (int i = 0; i < n; i++) {
      maxSolve = Math.max(maxSolve, Math.abs(g.transposedCheck()[i] - upstream[i]));
    }
    assertThat(maxSolve).as("A^T mu - upstream").isLessThan(1e-10);

    // 4. the VJP against the hand adjoint
    double[][] hp = hand.params();
    double[][] hf = hand.forcing();
    String[] names = {"alpha", "lambda", "C", "hbeta", "Tb", "eps", "Kdown", "Ldown", "Ta"};
    double[] sdv = {g.alpha(), g.lambda(), g.c(), g.hbeta(), g.tb(), g.eps(), g.kdown(), g.ldown(),
        g.ta()};
    double[] hv = {hp[Param.ALPHA.ordinal()][1], hp[Param.LAMBDA.ordinal()][1],
        hp[Param.C.ordinal()][1], hp[Param.HBETA.ordinal()][1], hp[Param.TB.ordinal()][1],
        hp[Param.EPS.ordinal()][1], hf[OutputOperator.KDOWN][1], hf[OutputOperator.LDOWN][1],
        hf[OutputOperator.TA][1]};
    double maxRel = 0;
    String worst = "";
    for (int j = 0; j < names.length; j++) {
      double d = relDiff(sdv[j], hv[j]);
      if (d > maxRel) {
        maxRel = d;
        worst = names[j];
      }
      assertThat(d).as("%s: SameDiff %s vs hand %s", names[j], sdv[j], hv[j])
          .isLessThan(REL_TOL);
    }
    double[] hx = hand.initialState();
    assertThat(hx[n - 1]).isZero();
    for (int i = 0; i < n; i++) {
      double d = relDiff(g.xPrev()[i], hx[i]);
      if (d > maxRel) {
        maxRel = d;
        worst = "x_prev[" + i + "]";
      }
      assertThat(d).as("x_prev[%d]: SameDiff %s vs hand %s", i, g.xPrev()[i], hx[i])
          .isLessThan(REL_TOL);
    }
    System.out.printf("SameDiff step VJP (N=%d, step %d->%d): max rel diff vs hand adjoint %.3e (%s);"
        + " max |R| %.2e K; max Jacobian diff %.2e; max |A^T mu - upstream| %.2e;"
        + " build %.1f ms, first vjp %.1f ms, warm vjp %.2f ms%n", n, k, k + 1, maxRel, worst,
        maxRes, maxJac, maxSolve, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
  }

  static double relDiff(double got, double want) {
    return Math.abs(got - want) / Math.max(Math.abs(want), ABS_FLOOR);
  }
}
