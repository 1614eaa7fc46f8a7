package org.cml4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CouplingModeTest {
  @Test
  void modesAreNumberedOneToTenInTheirParadigms() {
    assertThat(Arrays.stream(CouplingMode.values()).mapToInt(CouplingMode::number))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    Map<Paradigm, Long> perParadigm = Arrays.stream(CouplingMode.values())
        .collect(Collectors.groupingBy(CouplingMode::paradigm, Collectors.counting()));
    assertThat(perParadigm).containsExactlyInAnyOrderEntriesOf(
        Map.of(Paradigm.CASCADE, 3L, Paradigm.EMBEDDING, 3L, Paradigm.FUSION, 4L));
    assertThat(CouplingMode.POST_PROCESSING.paradigm()).isEqualTo(Paradigm.CASCADE);
    assertThat(CouplingMode.MODEL_SUBSTITUTION.paradigm()).isEqualTo(Paradigm.EMBEDDING);
    assertThat(CouplingMode.HYBRID.label()).isEqualTo("hybrid of several modes");
    assertThat(Arrays.stream(CouplingMode.values()).collect(Collectors.toMap(
        CouplingMode::number, Function.identity())).entrySet())
        .allMatch(e -> CouplingMode.ofNumber(e.getKey()) == e.getValue());
    assertThatThrownBy(() -> CouplingMode.ofNumber(11)).hasMessageContaining("numbered 1-10");
    assertThatThrownBy(() -> CouplingMode.ofNumber(0)).hasMessageContaining("got 0");
  }

  @Test
  void anIdentityRefusesAModeOfAnotherParadigm() {
    CouplingInfo ok = CouplingInfo.of("p", Paradigm.FUSION, "p.x", CouplingMode.HYBRID, "d");
    assertThat(ok).isEqualTo(new CouplingInfo("p", "p.x", CouplingMode.HYBRID, "d"));
    assertThatThrownBy(() -> CouplingInfo.of("p", Paradigm.CASCADE, "p.y",
        CouplingMode.MODEL_SOLVING, "d")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p.y: mode MODEL_SOLVING belongs to the EMBEDDING paradigm");
  }

  @Test
  void presetsStateWhatTheCouplingsNeedAndProvide() {
    Capabilities d = Capabilities.differentiableMechanism();
    assertThat(d.requires()).containsExactly(Requirement.DIFFERENTIABLE_MECHANISM);
    assertThat(d.estimatesParameters()).isTrue();
    assertThat(d.predictsUnobserved()).isTrue();
    assertThat(d.predictsDistribution()).isFalse();
    assertThat(Capabilities.observedSoilTemperature().requires())
        .containsExactly(Requirement.OBSERVED_SOIL_TEMPERATURE);
  }
}
