package org.cml4j.lsm.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class SiteInitialStateTest {
  private static final Instant START = Instant.parse("1998-10-08T06:00:00Z");

  private static SiteExperiment load(Instant start, String init) {
    return SiteExperiment.load(BondvilleDepthStudy.request(SharedData.dir(), start),
        SiteInitialState.parse(init));
  }

  private static double[] profile(SiteExperiment e, double tb) {
    double[] x = new double[ModelGrid.HUANG2025.nodes()];
    e.initialState().fill(x, tb);
    return x;
  }

  private static double observed(SiteExperiment e, String var) {
    return e.data().variable(e.data().soilTempVariable(Double.parseDouble(var)).orElseThrow())[0];
  }

  @Test
  void uniformIsTbEverywhere() {
    SiteExperiment e = load(START, "tb");
    assertThat(e.initialChoice()).isEqualTo(SiteInitialState.UNIFORM);
    assertThat(profile(e, 287.5)).containsOnly(287.5);
    assertThat(e.leadLevels()).isZero();
    assertThat(e.forcing().length()).isEqualTo(168);
  }

  @Test
  void interpolatedStartsFromTheFirstLevelsObservationsAndBlendsToTb() {
    SiteExperiment e = load(START, "interpolated");
    double[] x = profile(e, 280);
    assertThat(x[4]).isCloseTo(observed(e, "0.04"), within(1e-9));   // node 4 = 4 cm
    assertThat(x[32]).isCloseTo(observed(e, "0.32"), within(1e-9));
    assertThat(x[100]).isCloseTo(280, within(1e-9));
    double deepest = observed(e, "0.64");
    assertThat(x[82]).isCloseTo(deepest + (280 - deepest) * 0.5, within(1e-9)); // half way 64->100
    assertThat(e.leadLevels()).isZero();
  }

  @Test
  void spinupRunsOverThePrecedingDaysFromTheProfileObservedThen() {
    SiteExperiment e = load(START, "spinup:2");
    SiteExperiment before = load(START.minus(Duration.ofDays(2)), "interpolated");
    SiteExperiment window = load(START, "interpolated");
    assertThat(e.leadLevels()).isEqualTo(48);
    assertThat(e.levels()).isEqualTo(168);
    assertThat(e.forcing().length()).isEqualTo(216);
    for (int i = 0; i < 48; i++) {
      assertThat(e.forcing().ta()[i]).isEqualTo(before.forcing().ta()[i]);
    }
    for (int i = 0; i < 168; i++) {
      assertThat(e.forcing().ta()[48 + i]).isEqualTo(window.forcing().ta()[i]);
    }
    assertThat(profile(e, 285)).containsExactly(profile(before, 285));
    Observations o = e.fitObservations();
    assertThat(o.levels()).isEqualTo(216);
    assertThat(o.count()).isEqualTo(window.fitObservations().count());
    assertThat(o.value(47, 0)).isNaN();
    assertThat(o.value(48, 0)).isEqualTo(window.fitObservations().value(0, 0));
    assertThat(e.windowPart(new double[216])).hasSize(168);
  }

  @Test
  void cycledRepeatsTheFirstDayBeforeTheWindow() {
    SiteExperiment e = load(START, "cycled:3");
    SiteExperiment window = load(START, "interpolated");
    assertThat(e.leadLevels()).isEqualTo(72);
    for (int i = 0; i < 72; i++) {
      assertThat(e.forcing().kdown()[i]).isEqualTo(window.forcing().kdown()[i % 24]);
      assertThat(e.forcing().ta()[i]).isEqualTo(window.forcing().ta()[i % 24]);
    }
    assertThat(e.forcing().ta()[72]).isEqualTo(window.forcing().ta()[0]);
    assertThat(profile(e, 285)).containsExactly(profile(window, 285));
    assertThat(e.initialChoice().describe()).contains("run 3 times");
  }

  @Test
  void badValuesNameTheAllowedForms() {
    for (String bad : new String[] {"293", "spinup:0", "cycled:x", "interpolated:3", "spinup:61"}) {
      assertThatThrownBy(() -> SiteInitialState.parse(bad)).as(bad)
          .hasMessageContaining("uniform (alias tb), interpolated, spinup[:DAYS], cycled[:K]");
    }
    assertThat(SiteInitialState.parse("spinup").count()).isEqualTo(SiteInitialState.DEFAULT_COUNT);
    assertThat(SiteInitialState.parse(" Cycled:2 ").id()).isEqualTo("cycled:2");
  }
}
