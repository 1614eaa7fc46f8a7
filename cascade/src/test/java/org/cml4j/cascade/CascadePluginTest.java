package org.cml4j.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.Paradigm;
import org.junit.jupiter.api.Test;

class CascadePluginTest {
  static final List<String> NAMES = List.of("cascade.gap-fill", "cascade.learned-init",
      "cascade.transfer", "cascade.intermediate-variables", "cascade.error-correction",
      "cascade.downscaling", "cascade.ensemble");

  @Test
  void everyCascadeCouplingIsDiscoveredWithItsMode() {
    var cml = Cml4j.discover();
    assertThat(cml.plugins()).anyMatch(p -> p instanceof CascadePlugin);
    var reg = cml.registry();
    assertThat(reg.names()).containsAll(NAMES);
    for (String n : NAMES) {
      Coupling c = reg.create(n);
      assertThat(c.name()).isEqualTo(n);
      assertThat(c.paradigm()).isEqualTo(Paradigm.CASCADE);
      assertThat(c.mode()).isEqualTo(reg.entry(n).mode());
      assertThat(c.description()).isNotBlank();
      assertThat(c.capabilities().requires()).isNotEmpty();
    }
    assertThat(reg.create("cascade.intermediate-variables").mode())
        .isEqualTo(CouplingMode.INTERMEDIATE_VARIABLE_PASSING);
    assertThat(reg.create("cascade.ensemble").category()).isEqualTo("3 cascade");
    assertThat(reg.create("cascade.transfer").mode())
        .isEqualTo(CouplingMode.PREPROCESSING_AND_INITIALISATION);
  }
}
