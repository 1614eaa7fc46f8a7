package org.cml4j.embed.assimilation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.spi.ParameterInfo;
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
  @Test
  void analysisBeatsTheFreeRunAndParametersConverge() {
    int levels = 15 * 24 + 1;
    SurfaceForcing f = SyntheticWeather.summer().generate(levels, 5).forcing();
    ColumnParameters truth = ColumnParameters.builder().alpha(0.2).lambda(1.3)
        .heatCapacity(2.8e6).hbeta(32).tb(291).build();
    SoilColumnModel model = SoilColumnModel.huang2025(StepSolver.EXACT);
    Trajectory tr = model.simulate(truth, f);
    Random rnd = new Random(3);
    double[] ts = noisy(tr.output(Output.SURFACE_TEMPERATURE), 0.3, rnd);
    double[] t5 = noisy(tr.output(Output.soilTemperature(0.05)), 0.1, rnd);
    LsmMechanism mech = LsmMechanism.huang2025();
    List<ParameterInfo> aug = List.of(mech.parameter("lambda"), mech.parameter("C"),
        mech.parameter("hbeta"));
    Map<String, Double> prior = Map.of("alpha", 0.2, "lambda", 0.8, "C", 2.2e6, "hbeta", 20.0,
        "Tb", 291.0, "eps", 0.95);
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, prior, aug,
        InitialState.uniformTb());
    List<Output> outs = List.of(Output.soilTemperature(0.2), Output.soilTemperature(0.05));
    EnkfResult a = filter.run(List.of(new ObservationSeries(Output.SURFACE_TEMPERATURE, ts, 0.3),
        new ObservationSeries(Output.soilTemperature(0.05), t5, 0.1)), EnkfConfig.standard(),
        levels, outs, null);
    EnkfResult free = filter.run(List.of(), EnkfConfig.standard(), levels, outs, null);
    double[] t20 = tr.output(Output.soilTemperature(0.2));
    double ea = Metrics.rmse(a.output("SoilTemp_0.2"), t20);
    double ef = Metrics.rmse(free.output("SoilTemp_0.2"), t20);
    double[] lam = a.parameter("lambda");
    double[] c = a.parameter("C");
    double[] hb = a.parameter("hbeta");
    System.out.printf("analysis %.3f free %.3f lambda %.3f C %.3g hbeta %.2f secs %.3f%n", ea,
        ef, lam[levels - 1], c[levels - 1], hb[levels - 1], a.seconds());
    assertThat(ea).isLessThan(0.5 * ef);
  }

  private static double[] noisy(double[] v, double sd, Random rnd) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] += sd * rnd.nextGaussian();
    }
    return o;
  }
}
