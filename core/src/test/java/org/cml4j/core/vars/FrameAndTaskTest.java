package org.cml4j.core.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.toy.ToyTasks;
import org.junit.jupiter.api.Test;

class FrameAndTaskTest {
  @Test
  void frameNeverOverwritesSilentlyAndChecksUnits() {
    Frame f = Frame.regular(3, 3600).with("Tair", new double[] {1, 2, 3});
    assertThatThrownBy(() -> f.with("Tair", new double[3])).hasMessageContaining("already has");
    assertThatThrownBy(() -> f.with("Qh", new double[2])).hasMessageContaining("2 values but the"
        + " frame has 3");
    assertThatThrownBy(() -> f.values(new VariableSpec("Tair", "degC")))
        .hasMessageContaining("in K but degC");
    assertThatThrownBy(() -> f.values("nope")).hasMessageContaining("has [Tair]");
    assertThat(f.replace(VariableSpec.of("Tair"), new double[] {4, 5, 6}).values("Tair")[2])
        .isEqualTo(6);
    assertThat(Variables.unitOf("SoilTemp_0.05")).isEqualTo("K");
    assertThat(Variables.soilTemperature(0.1)).isEqualTo("SoilTemp_0.1");
    assertThatThrownBy(() -> Variables.unitOf("Foo")).hasMessageContaining("unknown standard");
  }

  @Test
  void taskHidesTestPeriodObservations() {
    CouplingTask t = ToyTasks.twin(5);
    int v = t.split().validationEnd();
    assertThat(t.observations().countValid("SurfTemp", 0, v)).isEqualTo(v);
    assertThat(t.observations().countValid("SurfTemp", v, t.split().size())).isZero();
    assertThat(t.fingerprint()).isEqualTo(ToyTasks.twin(5).fingerprint())
        .isNotEqualTo(ToyTasks.twin(6).fingerprint());
    assertThatThrownBy(() -> t.toBuilder().knownParameter("rate", 5).build())
        .hasMessageContaining("rate = 5.0 h-1 outside its allowed range");
    assertThatThrownBy(() -> t.toBuilder().fitParameters(java.util.List.of("k")).build())
        .hasMessageContaining("no parameter 'k'");
  }
}
