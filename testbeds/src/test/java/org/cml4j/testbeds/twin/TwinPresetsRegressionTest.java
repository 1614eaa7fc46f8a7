package org.cml4j.testbeds.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.junit.jupiter.api.Test;

/**
 * The cascade and embedding presets of {@link Twin} reproduce the tasks their own builders made
 * before the one builder (main 9af8276; checked there against copies of the old builders, then
 * recorded): forcing and observation fingerprints, so the example claims on them stay measured.
 */
class TwinPresetsRegressionTest {
  private static String fingerprints(CouplingTask t) {
    return t.forcing().fingerprint().substring(0, 16) + " "
        + t.observations().fingerprint().substring(0, 16);
  }

  @Test
  void cascadeTwinsAreTheRecordedOnes() {
    assertThat(fingerprints(CascadeTwins.structural(1, Budget.tiny()).task()))
        .isEqualTo("c74f5c1a80421249 2420a38e3e396703");
    assertThat(fingerprints(CascadeTwins.partitioning(2, Budget.tiny()).task()))
        .isEqualTo("284fef4c7b08ced1 8fcc41481410b404");
  }

  @Test
  void embeddingTwinTaskIsTheRecordedOne() {
    TwinScenario sc = TwinScenario.builder().days(4).seed(3).resolution(41, 2).build();
    CouplingTask t = sc.task(TwinScenario.TaskOptions.standard());
    assertThat(fingerprints(t) + " " + t.auxiliary().fingerprint().substring(0, 16))
        .isEqualTo("3b3ae0d8192ae202 1e3361ca436c70f3 05d8b804acb68af5");
  }
}
