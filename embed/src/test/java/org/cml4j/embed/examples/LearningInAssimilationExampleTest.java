package org.cml4j.embed.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearningInAssimilationExampleTest {
  @Test
  void learnedModelErrorImprovesForecastsAndTheEmulatedAnalysisMatchesTheEnkf() {
    LearningInAssimilationExample.Result r = LearningInAssimilationExample.run(4);
    r.plain().forEach((v, plain) -> assertThat(r.corrected().get(v)).as(v).isLessThan(plain));
    assertThat(ExampleSupport.mean(r.corrected())).isLessThan(0.85 * ExampleSupport.mean(
        r.baseline()));
    for (String v : new String[] {"SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2"}) {
      assertThat(r.analysis().get("validationAnalysisRmseEmulated_" + v)).as(v)
          .isLessThan(1.1 * r.analysis().get("validationAnalysisRmseEnkf_" + v));
    }
    assertThat(r.analysis().get("speedup")).isGreaterThan(10);
    // the emulated-analysis run ends in a free forecast: no worse than 10 % above the physics
    assertThat(ExampleSupport.mean(r.emulatedTest())).isLessThan(1.1 * ExampleSupport.mean(
        r.baseline()));
  }
}
