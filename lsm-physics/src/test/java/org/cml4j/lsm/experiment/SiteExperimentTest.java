package org.cml4j.lsm.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class SiteExperimentTest {

  static PredictionScore score(EstimationOutcome o, String var, String period) {
    return o.scores().stream().filter(s -> s.variable().equals(var) && s.period().equals(period))
        .findFirst().orElseThrow();
  }

  @Test
  void phoenixFitsTwoCentimetreAndLwupSurfaceTemperatureAndScoresTheValidationHours() {
    EstimationOutcome o = EstimationRuns.site(SiteExperiment.load(SitePresets.phoenix2012(
        SharedData.dir())), "lm", StepSolver.EXACT, 6, 42, 2, d -> { });
    assertThat(o.starts()).allMatch(r -> r.converged());
    // all starts agree on one optimum
    assertThat(o.summary().get("hbeta").get("max") - o.summary().get("hbeta").get("min")).isLessThan(1e-3);
    PredictionScore lw = score(o, "LWup", "validation");
    PredictionScore turb = score(o, "QhQle", "validation");
    assertThat(lw.n()).isEqualTo(50);
    assertThat(turb.n()).isEqualTo(49); // one half-hour of Qle is missing in the window
    assertThat(lw.rmse()).isBetween(1.0, 40.0);
    assertThat(score(o, "SoilTemp_0.02", "validation").rmse()).isLessThan(3.0);
    assertThat(o.published()).containsEntry("hbeta", 19.65);
    assertThat(o.identifiability().verdict()).isNotBlank();
  }

  @Test
  void bondvilleOctoberPredictsUnobservedDepthsWithinAKelvin() {
    EstimationOutcome o = EstimationRuns.site(SiteExperiment.load(SitePresets.bondville1998(
        SharedData.dir())), "lm", StepSolver.EXACT, 4, 7, 2, d -> { });
    for (String d : List.of("SoilTemp_0.04", "SoilTemp_0.16", "SoilTemp_0.32", "SoilTemp_0.64")) {
      PredictionScore s = score(o, d, "validation");
      assertThat(s.n()).isEqualTo(168);
      assertThat(s.rmse()).as(d).isLessThan(1.2);
    }
    assertThat(score(o, "Qg", "validation").rmse()).isLessThan(120);
    assertThat(o.panels()).hasSize(8);
  }

  @Test
  void misuseNamesTheProblem() {
    SiteRequest p = SitePresets.phoenix2012(SharedData.dir());
    SiteRequest missing = new SiteRequest("x", p.file(), p.start(), p.end(), 150,
        List.of("SoilTemp_0.5"), List.of(), 0.172, p.fit(), Map.of(), "");
    assertThatThrownBy(() -> SiteExperiment.load(missing)).isInstanceOf(SiteDataException.class)
        .hasMessageContaining("SoilTemp_0.5").hasMessageContaining("available");
    assertThatThrownBy(() -> new SiteRequest("x", p.file(), p.start(), p.start(), 150,
        p.observe(), List.of(), 0.172, p.fit(), Map.of(), "")).hasMessageContaining("not after");
    assertThatThrownBy(() -> new SiteRequest("x", p.file(), p.start(), p.end(), 150, p.observe(),
        List.of(), 0.172, List.of(FitParam.ALPHA, FitParam.LAMBDA), Map.of(), ""))
        .hasMessageContaining("both fixed");
    SiteRequest tooLong = new SiteRequest("x", p.file(), p.start(),
        Instant.parse("2012-05-01T12:00:00Z"), 150, p.observe(), List.of(), 0.172, p.fit(),
        Map.of(), "");
    assertThatThrownBy(() -> SiteExperiment.load(tooLong)).hasMessageContaining("fewer than the 150");
  }
}
