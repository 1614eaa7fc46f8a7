package org.cml4j.lsm.regional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The settings key that guards {@code map --resume} names the fitter. */
class MapSettingsTest {
  @Test
  void keyNamesTheFitterSoAResumeCannotMixFitters() {
    MapSettings batched = MapSettings.defaults();
    MapSettings column = batched.withFitter("column");
    assertThat(batched.fitter()).isEqualTo("batched");
    assertThat(batched.key()).contains("fitter=batched");
    assertThat(column.key()).contains("fitter=column");
    assertThat(column.withChunkSize(7).withStarts(3).fitter()).isEqualTo("column");
    assertThatThrownBy(() -> batched.withFitter("fast")).hasMessageContaining("fitter")
        .hasMessageContaining("fast");
  }
}
