package org.cml4j.lsm.assimilation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.junit.jupiter.api.Test;

class ColumnEnsembleFilterTest {
  private static final Map<String, Double> PRIOR = Map.of("alpha", 0.2, "lambda", 0.8, "C",
      2.2e6, "hbeta", 20.0, "Tb", 291.0, "eps", 0.95);
  private static final int LEVELS = 5 * 24 + 1;
  private static final ColumnParameters TRUTH = ColumnParameters.builder().alpha(0.2).lambda(1.2)
      .heatCapacity(2.5e6).hbeta(30).tb(291).build();
  private static final EnsembleSettings SURFACE_NOISE = new EnsembleSettings(20, 1.02, 1.0, 0.3,
      0.003, 0.15, new SurfaceStateNoise(0.05), 11);

  /** The paper's diurnal forcing with a cloudy, variable sky (seeded). */
  private static SurfaceForcing weather() {
    SurfaceForcing f = Huang2025.forcing(LEVELS);
    double[] k = f.kdown().clone();
    double[] l = f.ldown().clone();
    double[] ta = f.ta().clone();
    Random rnd = new Random(9);
    for (int t = 0; t < LEVELS; t++) {
      k[t] *= 0.6 + 0.4 * rnd.nextDouble();
      l[t] += 220 + 60 * rnd.nextDouble();
      ta[t] += 3 * Math.sin(2 * Math.PI * (t - 9) / 24.0) - 4;
    }
    return new SurfaceForcing(k, l, ta);
  }

  private static double[] noisyEvery(double[] truth, int every, double sd, long seed) {
    double[] obs = truth.clone();
    Random rnd = new Random(seed);
    for (int i = 0; i < obs.length; i++) {
      obs[i] = i % every == 0 ? obs[i] + sd * rnd.nextGaussian() : Double.NaN;
    }
    return obs;
  }

  @Test
  void assimilatesADepthBetweenNodesStateOnlyAndIsReproducible() {
    SurfaceForcing f = weather();
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(TRUTH, f);
    Output probe = Output.soilTemperature(0.033);
    double[] obs = noisyEvery(tr.output(probe), 3, 0.1, 1);
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, PRIOR,
        List.of(), InitialState.uniformTb());
    List<Output> outs = List.of(probe, Output.soilTemperature(0.1));
    List<ObservationSeries> o = List.of(new ObservationSeries(probe, obs, 0.1));
    EnkfResult a = filter.run(o, SURFACE_NOISE, LEVELS, outs, null);
    EnkfResult b = filter.run(o, SURFACE_NOISE, LEVELS, outs, null);
    EnkfResult free = filter.run(List.of(), SURFACE_NOISE, LEVELS, outs, null);
    assertThat(a.output("SoilTemp_0.033")).containsExactly(b.output("SoilTemp_0.033"));
    double[] truth = tr.output(probe);
    assertThat(Metrics.rmse(a.output("SoilTemp_0.033"), truth))
        .isLessThan(0.8 * Metrics.rmse(free.output("SoilTemp_0.033"), truth));
    assertThat(count(a.analysed())).isEqualTo((LEVELS - 1) / 3);
    assertThat(count(free.analysed())).isZero();
    assertThat(a.parameters()).isEmpty();
    assertThat(a.memberSteps()).isEqualTo(20L * (LEVELS - 1));
    double analysisSpread = a.spread("SoilTemp_0.033")[LEVELS - 1];
    assertThat(analysisSpread).isPositive()
        .isLessThan(free.spread("SoilTemp_0.033")[LEVELS - 1]);
  }

  @Test
  void modelErrorFluxNoiseTracksABiasedModelAndRunsFreeAfterTheWindow() {
    // the truth has 40 W m-2 more longwave than the model knows: a structural error the
    // AR(1) surface-flux noise (the fusion hybrid's model-error model) lets the analysis absorb
    SurfaceForcing f = weather();
    double[] lw = f.ldown().clone();
    for (int t = 0; t < lw.length; t++) {
      lw[t] += 40;
    }
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(TRUTH,
        new SurfaceForcing(f.kdown(), lw, f.ta()));
    Output surf = Output.SURFACE_TEMPERATURE;
    Output t5 = Output.soilTemperature(0.05);
    List<ObservationSeries> o = List.of(
        new ObservationSeries(surf, noisyEvery(tr.output(surf), 1, 0.3, 2), 0.3),
        new ObservationSeries(t5, noisyEvery(tr.output(t5), 1, 0.1, 3), 0.1));
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, TRUTH,
        List.of(), InitialState.uniformTb());
    EnsembleSettings cfg = EnsembleSettings.stateOnly(16, 0.5, new SurfaceFluxNoise(15, 6), 5);
    int window = 4 * 24;
    List<Output> outs = List.of(t5, Output.soilTemperature(0.2));
    EnkfResult a = filter.run(o, cfg, window, outs, null);
    EnkfResult free = filter.run(List.of(), cfg, window, outs, null);
    assertThat(a.output("SoilTemp_0.2")).containsExactly(
        filter.run(o, cfg, window, outs, null).output("SoilTemp_0.2"));
    double[] truth = tr.output(Output.soilTemperature(0.2));
    double inWindow = Metrics.rmse(a.output("SoilTemp_0.2"), truth, 1, window);
    assertThat(inWindow).isLessThan(0.5 * Metrics.rmse(free.output("SoilTemp_0.2"), truth, 1, window));
    assertThat(count(a.analysed())).isEqualTo(window - 1);
    for (int k = window; k < LEVELS; k++) {
      assertThat(a.analysed()[k]).isFalse();
      assertThat(a.innovation()[k]).containsOnly(Double.NaN);
    }
  }

  @Test
  void augmentedConductivityMovesTowardTheTruth() {
    // the prior is right but for lambda (0.8 instead of 1.2 W m-1 K-1)
    SurfaceForcing f = weather();
    ColumnParameters truth = ColumnParameters.builder().alpha(0.2).lambda(1.2).heatCapacity(2.2e6)
        .hbeta(20).tb(291).build();
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(truth, f);
    List<ObservationSeries> o = List.of(
        new ObservationSeries(Output.soilTemperature(0.05),
            noisyEvery(tr.output(Output.soilTemperature(0.05)), 1, 0.1, 4), 0.1),
        new ObservationSeries(Output.soilTemperature(0.2),
            noisyEvery(tr.output(Output.soilTemperature(0.2)), 1, 0.1, 5), 0.1));
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, PRIOR,
        List.of(LsmMechanism.huang2025().parameter("lambda")), InitialState.uniformTb());
    EnkfResult a = filter.run(o, SURFACE_NOISE.withMembers(30), LEVELS,
        List.of(Output.SURFACE_TEMPERATURE), null);
    double[] lambda = a.parameter("lambda");
    assertThat(Math.abs(lambda[LEVELS - 1] - 1.2)).isLessThan(0.5 * Math.abs(0.8 - 1.2));
    assertThat(a.parameterSpread()[LEVELS - 1][0]).isLessThan(a.parameterSpread()[0][0]);
  }

  @Test
  void gaspariCohnTaperAndBadInputs() {
    assertThat(ParameterTransforms.gaspariCohn(0)).isEqualTo(1.0);
    assertThat(ParameterTransforms.gaspariCohn(1)).isCloseTo(0.2083,
        org.assertj.core.data.Offset.offset(1e-4));
    assertThat(ParameterTransforms.gaspariCohn(2)).isEqualTo(0.0);
    SurfaceForcing f = Huang2025.forcing(10);
    assertThatThrownBy(() -> new ColumnEnsembleFilter(ModelGrid.HUANG2025, f,
        Map.of("lambda", 1.0), List.of(), InitialState.uniformTb()))
        .hasMessageContaining("lack alpha");
    assertThatThrownBy(() -> EnsembleSettings.stateOnly(2, 0, new SurfaceStateNoise(0), 1))
        .hasMessageContaining("setting members = 2 is outside the allowed range [4, 10000]");
    assertThatThrownBy(() -> new SurfaceFluxNoise(15, 0)).hasMessageContaining("e-folding");
    assertThatThrownBy(() -> new ObservationSeries(Output.SURFACE_TEMPERATURE, new double[3], 0))
        .hasMessageContaining("SurfTemp");
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, PRIOR,
        List.of(LsmMechanism.huang2025().parameter("lambda")), InitialState.uniformTb());
    assertThatThrownBy(() -> filter.run(List.of(new ObservationSeries(Output.SURFACE_TEMPERATURE,
        new double[4], 0.1)), SURFACE_NOISE, 10, List.of(Output.SURFACE_TEMPERATURE),
        null)).hasMessageContaining("4 levels");
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean v : b) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
