package org.cml4j.embed.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.embed.twin.SyntheticWeather;
import org.cml4j.lsm.coupling.LsmMechanism;
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

  @Test
  void assimilatesADepthBetweenNodesStateOnlyAndIsReproducible() {
    int levels = 5 * 24 + 1;
    SurfaceForcing f = SyntheticWeather.summer().generate(levels, 9).forcing();
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(ColumnParameters
        .builder().alpha(0.2).lambda(1.2).heatCapacity(2.5e6).hbeta(30).tb(291).build(), f);
    Output probe = Output.soilTemperature(0.033);
    double[] obs = tr.output(probe);
    Random rnd = new Random(1);
    for (int i = 0; i < obs.length; i++) {
      obs[i] = i % 3 == 0 ? obs[i] + 0.1 * rnd.nextGaussian() : Double.NaN;
    }
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, PRIOR,
        List.of(), InitialState.uniformTb());
    List<Output> outs = List.of(probe, Output.soilTemperature(0.1));
    EnkfConfig cfg = EnkfConfig.standard().withMembers(20);
    List<ObservationSeries> o = List.of(new ObservationSeries(probe, obs, 0.1));
    EnkfResult a = filter.run(o, cfg, levels, outs, null);
    EnkfResult b = filter.run(o, cfg, levels, outs, null);
    EnkfResult free = filter.run(List.of(), cfg, levels, outs, null);
    assertThat(a.output("SoilTemp_0.033")).containsExactly(b.output("SoilTemp_0.033"));
    double[] truth = tr.output(probe);
    assertThat(org.cml4j.core.metrics.Metrics.rmse(a.output("SoilTemp_0.033"), truth))
        .isLessThan(0.8 * org.cml4j.core.metrics.Metrics.rmse(free.output("SoilTemp_0.033"),
            truth));
    int analysed = 0;
    for (int k = 0; k < levels; k++) {
      analysed += a.analysed()[k] ? 1 : 0;
    }
    assertThat(analysed).isEqualTo((levels - 1) / 3);
    assertThat(a.parameters()).isEmpty();
    assertThat(a.memberSteps()).isEqualTo(20L * (levels - 1));
  }

  @Test
  void gaspariCohnTaperAndBadInputs() {
    assertThat(ParameterTransforms.gaspariCohn(0)).isEqualTo(1.0);
    assertThat(ParameterTransforms.gaspariCohn(1)).isCloseTo(0.2083,
        org.assertj.core.data.Offset.offset(1e-4));
    assertThat(ParameterTransforms.gaspariCohn(2)).isEqualTo(0.0);
    SurfaceForcing f = SyntheticWeather.summer().generate(10, 1).forcing();
    assertThatThrownBy(() -> new ColumnEnsembleFilter(ModelGrid.HUANG2025, f,
        Map.of("lambda", 1.0), List.of(), InitialState.uniformTb()))
        .hasMessageContaining("lack alpha");
    assertThatThrownBy(() -> new EnkfConfig(2, 1, 0, 0, 0, 0, 0, 1))
        .hasMessageContaining("setting members = 2 is outside the allowed range [4, 10000]");
    assertThatThrownBy(() -> new ObservationSeries(Output.SURFACE_TEMPERATURE, new double[3], 0))
        .hasMessageContaining("SurfTemp");
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, PRIOR,
        List.of(LsmMechanism.huang2025().parameter("lambda")), InitialState.uniformTb());
    assertThatThrownBy(() -> filter.run(List.of(new ObservationSeries(Output.SURFACE_TEMPERATURE,
        new double[4], 0.1)), EnkfConfig.standard(), 10, List.of(Output.SURFACE_TEMPERATURE),
        null)).hasMessageContaining("4 levels");
  }
}
