package org.cml4j.lsm.gradient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.lsm.gradient.FiniteDifferences.central;
import static org.cml4j.lsm.gradient.FiniteDifferences.relErr;

import java.util.List;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.Test;

/** Adjoint and tangent against central finite differences and against each other. */
class GradientCheckTest {
  static final List<Output> OUTPUTS = List.of(Output.soilTemperature(0.05),
      Output.soilTemperature(0.033), Output.SURFACE_TEMPERATURE, Output.GROUND_HEAT_FLUX,
      Output.LONGWAVE_UP, Output.TURBULENT_FLUX, Output.NET_RADIATION);
  static final SoilColumnModel MODEL = SoilColumnModel.huang2025(StepSolver.EXACT);
  static final SurfaceForcing FORCING = Huang2025.forcing(49);
  static final double[][] SEED = FiniteDifferences.seed(49, OUTPUTS.size(), 7);

  static double loss(Trajectory tr) {
    return FiniteDifferences.loss(tr, OUTPUTS, SEED);
  }

  @Test
  void constantParameterGradientsMatchFiniteDifferencesAndTangent() {
    ColumnParameters p = Huang2025.truth();
    Trajectory tr = MODEL.simulate(p, FORCING);
    AdjointGradient adj = Adjoint.vjp(tr, OUTPUTS, SEED);
    List<Param> params = List.of(Param.values());
    double[][][] jac = Tangent.jacobian(tr, OUTPUTS, params);
    for (int j = 0; j < params.size(); j++) {
      Param q = params.get(j);
      double tangent = 0;
      for (int k = 0; k < jac.length; k++) {
        for (int o = 0; o < OUTPUTS.size(); o++) {
          tangent += SEED[k][o] * jac[k][o][j];
        }
      }
      double x = p.constant(q);
      double fd = central(v -> loss(MODEL.simulate(p.with(q, v), FORCING)), x, 1e-5 * Math.abs(x));
      System.out.printf("%-7s adjoint %+.10e tangent %+.10e fd %+.10e%n", q.symbol(),
          adj.constant(q), tangent, fd);
      assertThat(relErr(adj.constant(q), fd)).as("adjoint vs FD for %s", q).isLessThan(1e-6);
      assertThat(relErr(tangent, adj.constant(q))).as("tangent vs adjoint for %s", q)
          .isLessThan(1e-10);
    }
  }

  @Test
  void timeDependentParameterForcingAndInitialStateGradientsMatchFiniteDifferences() {
    int levels = FORCING.length();
    double[] hb = new double[levels];
    double[] lam = new double[levels];
    for (int k = 0; k < levels; k++) {
      hb[k] = 25 + 8 * Math.sin(2 * Math.PI * k / 24.0);
      lam[k] = 0.8 + 0.1 * Math.cos(2 * Math.PI * k / 30.0);
    }
    ColumnParameters p = Huang2025.truth().withSeries(Param.HBETA, hb).withSeries(Param.LAMBDA, lam);
    double[] profile = new double[101];
    for (int i = 0; i < profile.length; i++) {
      profile[i] = 293 + 4 * Math.exp(-i / 10.0);
    }
    InitialState init = InitialState.profile(profile);
    Trajectory tr = MODEL.simulate(p, FORCING, init);
    AdjointGradient adj = Adjoint.vjp(tr, OUTPUTS, SEED);
    for (int k : new int[] {0, 1, 13, 30, 48}) {
      double[] gh = adj.series(Param.HBETA);
      double fdH = central(v -> {
        double[] s = hb.clone();
        s[k] = v;
        return loss(MODEL.simulate(p.withSeries(Param.HBETA, s), FORCING, init));
      }, hb[k], 1e-4);
      double fdL = central(v -> {
        double[] s = lam.clone();
        s[k] = v;
        return loss(MODEL.simulate(p.withSeries(Param.LAMBDA, s), FORCING, init));
      }, lam[k], 1e-4);
      double fdK = central(v -> {
        double[] kd = FORCING.kdown().clone();
        kd[k] = v;
        return loss(MODEL.simulate(p, new SurfaceForcing(kd, FORCING.ldown(), FORCING.ta()), init));
      }, FORCING.kdown()[k], 1e-2);
      double fdTa = central(v -> {
        double[] ta = FORCING.ta().clone();
        ta[k] = v;
        return loss(MODEL.simulate(p, new SurfaceForcing(FORCING.kdown(), FORCING.ldown(), ta), init));
      }, FORCING.ta()[k], 1e-3);
      assertThat(Math.abs(gh[k] - fdH)).as("hbeta(t) level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdH)));
      assertThat(Math.abs(adj.series(Param.LAMBDA)[k] - fdL)).as("lambda(t) level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdL)));
      assertThat(Math.abs(adj.forcing()[0][k] - fdK)).as("Kdown level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdK)));
      assertThat(Math.abs(adj.forcing()[2][k] - fdTa)).as("Ta level %d", k)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fdTa)));
    }
    for (int i : new int[] {0, 1, 5, 50, 100}) {
      double fd = central(v -> {
        double[] s = profile.clone();
        s[i] = v;
        return loss(MODEL.simulate(p, FORCING, InitialState.profile(s)));
      }, profile[i], 1e-3);
      assertThat(Math.abs(adj.initialState()[i] - fd)).as("initial node %d", i)
          .isLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  }

  @Test
  void tbGradientIncludesAnInitialProfileBlendedTowardsTb() {
    double[] base = new double[101];
    double[] w = new double[101];
    for (int i = 0; i < 101; i++) {
      w[i] = i / 100.0;
      base[i] = (1 - w[i]) * (298 - 0.05 * i);
    }
    InitialState init = InitialState.blendedToTb(base, w);
    ColumnParameters p = Huang2025.truth();
    Trajectory tr = MODEL.simulate(p, FORCING, init);
    AdjointGradient adj = Adjoint.vjp(tr, OUTPUTS, SEED);
    double[][][] jac = Tangent.jacobian(tr, OUTPUTS, List.of(Param.TB));
    double tangent = 0;
    for (int k = 0; k < jac.length; k++) {
      for (int o = 0; o < OUTPUTS.size(); o++) {
        tangent += SEED[k][o] * jac[k][o][0];
      }
    }
    double fd = central(v -> loss(MODEL.simulate(p.with(Param.TB, v), FORCING, init)), 293, 1e-3);
    assertThat(relErr(adj.constant(Param.TB), fd)).isLessThan(1e-6);
    assertThat(relErr(tangent, adj.constant(Param.TB))).isLessThan(1e-10);
  }
}
