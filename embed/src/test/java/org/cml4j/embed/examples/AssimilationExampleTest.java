package org.cml4j.embed.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class AssimilationExampleTest {
  @Test
  void twinAnalysisBeatsTheFreeRunAndParametersConverge() {
    AssimilationExample.Twin t = AssimilationExample.twin(5);
    assertThat(t.analysisRmse20()).isLessThan(0.1 * t.freeRmse20());
    for (String p : t.truth().keySet()) {
      double truth = t.truth().get(p);
      double prior = t.prior().get(p);
      double est = t.estimate().get(p);
      assertThat(Math.abs(est - truth)).as(p).isLessThan(0.15 * Math.abs(prior - truth));
      assertThat(Math.abs(est / truth - 1)).as(p).isLessThan(0.05);
      assertThat(t.spread().get(p)).as(p).isLessThan(0.1 * truth);
    }
  }

  @Test
  void bondvilleTwoAssimilatedDepthsImproveTheShallowVerificationDepths() {
    AssimilationExample.Site s = AssimilationExample.bondville(SharedData.dir(), 5);
    assertThat(s.analysis().get("SoilTemp_0.04")).isLessThan(0.5 * s.free().get("SoilTemp_0.04"));
    assertThat(s.analysis().get("SoilTemp_0.16")).isLessThan(0.5 * s.free().get("SoilTemp_0.16"));
    // deeper probes are not improved (the single-layer column with a fixed Tb); reported values
    assertThat(s.analysis().get("SoilTemp_0.32")).isBetween(0.1, s.free().get("SoilTemp_0.32")
        + 0.4);
    assertThat(s.analysis().get("SoilTemp_0.64")).isBetween(0.3, s.free().get("SoilTemp_0.64")
        + 0.3);
    assertThat(s.parameters().get("hbeta")).isBetween(5.0, 200.0);
  }
}
