package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.cml4j.testbeds.weather.Weather;
import org.junit.jupiter.api.Test;

class StructuralTwinModelTest {
  private static final ModelGrid GRID = ModelGrid.HUANG2025;

  /** Four days of the generator's weather with rain removed and constant wind. */
  private static Weather calmDryWeather() {
    Weather w = SyntheticWeather.generate(new SyntheticWeather.Spec(
        Instant.parse("2021-06-15T00:00:00Z"), 97, 40, Climate.summer(), null, 0, -1, 0, 0), 3);
    double[] wind = new double[w.size()];
    Arrays.fill(wind, 2.5);
    return new Weather(w.times(), w.swdown(), w.lwdown(), w.tair(), new double[w.size()], wind,
        w.cloud(), w.sinElevation());
  }

  private static TwinPhysics physics(List<SoilLayer> layers, double bowen, double conv) {
    return new TwinPhysics(layers, 0.2, 0.95, 291, 0.75, 0.35, 0.05, 86400, bowen, bowen, bowen,
        0, 1200, 0.004, conv);
  }

  private static List<Double> allNodes() {
    List<Double> d = new ArrayList<>();
    for (int i = 0; i < GRID.nodes(); i++) {
      d.add(GRID.nodeDepth(i));
    }
    return d;
  }

  @Test
  void uniformDrySoilWithConstantExchangeIsTheSimpleModel() {
    SoilLayer uniform = new SoilLayer("uniform", 1.0, 0.4, 0.9, 0.9, 2.0e6, 0.5, 1, false);
    TwinPhysics p = physics(List.of(uniform), 1.5, 0);
    Weather w = calmDryWeather();
    StructuralTwinModel m = new StructuralTwinModel(p, GRID);
    double[] init = new double[GRID.nodes()];
    Arrays.fill(init, p.tb());
    Frame f = m.simulate(w, List.of(0.05, 0.2), init);
    // the simple model absorbs all of LWdown: give it eps * LWdown instead
    double[] ld = w.lwdown().clone();
    for (int i = 0; i < ld.length; i++) {
      ld[i] *= p.eps();
    }
    double hbeta = 1200 * 0.004 * 2.5 * (1 + 1 / 1.5);
    ColumnParameters cp = ColumnParameters.builder().alpha(0.2).lambda(0.9)
        .heatCapacity(uniform.heatCapacity(0.5)).hbeta(hbeta).tb(p.tb()).eps(p.eps()).build();
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(cp,
        new SurfaceForcing(w.swdown(), ld, w.tair()), InitialState.uniformTb());
    assertMaxDiff(f.values(Variables.SURF_TEMP), tr.output(Output.SURFACE_TEMPERATURE), 1e-8);
    assertMaxDiff(f.values("SoilTemp_0.05"), tr.output(Output.soilTemperature(0.05)), 1e-8);
    assertMaxDiff(f.values("SoilTemp_0.2"), tr.output(Output.soilTemperature(0.2)), 1e-8);
    assertMaxDiff(f.values(Variables.QG), tr.output(Output.GROUND_HEAT_FLUX), 1e-6);
    assertMaxDiff(f.values(Variables.QHQLE), tr.output(Output.TURBULENT_FLUX), 1e-6);
    // Qh / Qle is the constant Bowen ratio here
    double[] qh = f.values(Variables.QH);
    double[] qle = f.values(Variables.QLE);
    for (int k = 0; k < qh.length; k++) {
      assertThat(qh[k]).isCloseTo(1.5 * qle[k], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void layeredColumnConservesHeat() {
    List<SoilLayer> layers = List.of(
        new SoilLayer("a", 0.05, 0.45, 0.25, 1.5, 1.9e6, 0.3, 0.6, false),
        new SoilLayer("b", 0.4, 0.42, 0.3, 1.9, 2.0e6, 0.7, 0.4, false),
        new SoilLayer("c", 1.0, 0.38, 0.35, 2.1, 2.1e6, 0.9, 0, false));
    TwinPhysics p = physics(layers, 1.0, 1.5);
    StructuralTwinModel m = new StructuralTwinModel(p, GRID);
    Weather w = calmDryWeather();
    Frame f = m.simulate(w, allNodes(), m.linearProfile(296));
    int n = GRID.nodes();
    double dx = GRID.dx();
    double[][] t = new double[n][];
    double[] c = new double[n];
    double[] lam = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = f.values(Variables.soilTemperature(GRID.nodeDepth(i)));
      SoilLayer l = layers.get(p.layerAt(GRID.nodeDepth(i)));
      double s = l.initialSaturation();
      c[i] = l.heatCapacity(s);
      lam[i] = l.conductivity(s);
    }
    double kb = 2 * lam[n - 2] * lam[n - 1] / (lam[n - 2] + lam[n - 1]);
    double[] g = f.values(Variables.QG);
    double worst = 0;
    for (int k = 1; k < w.size(); k++) {
      double storage = 0.5 * c[0] * (t[0][k] - t[0][k - 1]);
      for (int i = 1; i < n - 1; i++) {
        storage += c[i] * (t[i][k] - t[i][k - 1]);
      }
      storage *= dx / GRID.dt();
      double bottom = kb * (t[n - 2][k] - t[n - 1][k]) / dx;
      worst = Math.max(worst, Math.abs(g[k] - storage - bottom));
    }
    assertThat(worst).as("max |G - storage - bottom flux| [W m-2]").isLessThan(1e-6);
    // radiometric energy balance: Rnet = G + Qh + Qle, Rnet = (1-alpha) SW + LW - LWup
    double[] rnet = f.values(Variables.RNET);
    double[] lwup = f.values(Variables.LWUP);
    for (int k = 0; k < w.size(); k++) {
      double rn = 0.8 * w.swdown()[k] + w.lwdown()[k] - lwup[k];
      assertThat(rnet[k]).isCloseTo(rn, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void rainWetsTheTopsoilLowersTheBowenRatioAndRaisesConductivity() {
    TwinPhysics p = TwinPhysics.standard();
    Weather w = SyntheticWeather.generate(new SyntheticWeather.Spec(
        Instant.parse("2021-06-15T00:00:00Z"), 24 * 8, 40, Climate.summer(), null, 0, 24 * 4 + 1,
        0, 24 * 4), 11);
    double[] rain = w.rainf();
    int firstRain = -1;
    for (int k = 0; k < rain.length && firstRain < 0; k++) {
      firstRain = rain[k] > 0 ? k : -1;
    }
    assertThat(firstRain).as("the guaranteed storm after a 4-day dry spell").isEqualTo(97);
    StructuralTwinModel m = new StructuralTwinModel(p, GRID);
    Frame f = m.simulate(w, List.of(0.05), m.linearProfile(295));
    double[] top = f.values(StructuralTwinModel.soilMoisture(0));
    double[] bowen = f.values(StructuralTwinModel.BOWEN_RATIO);
    double[] deep = f.values(StructuralTwinModel.soilMoisture(2));
    double porosity = p.layers().get(0).porosity();
    assertThat(top[firstRain - 1]).as("dried during the dry spell")
        .isLessThan(p.layers().get(0).initialSaturation() * porosity);
    assertThat(top[firstRain + 8]).isGreaterThan(top[firstRain - 1] + 0.05);
    // noon Bowen ratio: the day before the storm vs the day after
    assertThat(bowen[84]).isGreaterThan(1.5 * bowen[84 + 24 + 12]);
    assertThat(deep[0]).isEqualTo(deep[deep.length - 1]);
    for (double x : top) {
      assertThat(x).isBetween(p.residualSaturation() * porosity, porosity);
    }
    assertThat(p.layers().get(0).conductivity(top[firstRain + 8] / porosity))
        .isGreaterThan(p.layers().get(0).conductivity(top[firstRain - 1] / porosity));
  }

  @Test
  void badConfigurationIsNamed() {
    assertThatThrownBy(() -> new SoilLayer("x", 0.1, 1.2, 0.3, 1.0, 2e6, 0.5, 1, true))
        .hasMessageContaining("soil layer x").hasMessageContaining("porosity 1.2");
    assertThatThrownBy(() -> new StructuralTwinModel(TwinPhysics.standard(),
        new ModelGrid(101, 1.0, 1800))).hasMessageContaining("3600");
    StructuralTwinModel m = new StructuralTwinModel(TwinPhysics.standard(), GRID);
    assertThatThrownBy(() -> m.simulate(calmDryWeather(), List.of(1.5),
        m.linearProfile(295))).hasMessageContaining("1.5 m outside the column");
  }

  private static void assertMaxDiff(double[] a, double[] b, double tol) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    assertThat(worst).isLessThan(tol);
  }
}
