package org.cml4j.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/** The fuse plugin registers modes 7-10 through the ServiceLoader and its couplings are seeded. */
class FusePluginTest {
  static final Map<String, CouplingMode> EXPECTED = Map.of(
      "fusion.physics-inputs", CouplingMode.INPUT_VARIABLE_CONSTRAINT,
      "fusion.physics-loss", CouplingMode.OBJECTIVE_FUNCTION_CONSTRAINT,
      "fusion.energy-conserving", CouplingMode.MODEL_STRUCTURE_CONSTRAINT,
      "fusion.physics-layer", CouplingMode.MODEL_STRUCTURE_CONSTRAINT,
      "fusion.hybrid-pgdl", CouplingMode.HYBRID,
      "fusion.hybrid-assimilation", CouplingMode.HYBRID);

  @Test
  void discoveredWithModesAndApplicableToTheTwin() {
    CouplingRegistry reg = Cml4j.discover().registry();
    assertThat(reg.names()).containsAll(EXPECTED.keySet());
    CouplingTask twin = TaskCatalog.tiny(null, 42).task("twin").task();
    EXPECTED.forEach((name, mode) -> {
      Coupling c = reg.create(name);
      assertThat(c.name()).isEqualTo(name);
      assertThat(c.mode()).isEqualTo(mode);
      assertThat(c.applicability(twin).applicable()).as(name + ": "
          + c.applicability(twin).reason()).isTrue();
    });
    assertThat(reg.applicableTo(twin).stream().map(Coupling::name).toList())
        .containsAll(EXPECTED.keySet());
  }

  @Test
  void sameTaskAndSeedGiveIdenticalPredictions() {
    CouplingTask t = TaskCatalog.tiny(null, 7).task("twin-n1").task().toBuilder()
        .budget(new Budget(Budget.Effort.TINY, 900)).build();
    Coupling c = Cml4j.discover().registry().create("fusion.physics-loss");
    CouplingSolution a = c.solve(t);
    CouplingSolution b = c.solve(t);
    for (String v : a.predictions().names()) {
      assertThat(b.prediction(v)).as(v).containsExactly(a.prediction(v));
    }
    assertThat(a.provenance().seed()).isEqualTo(7);
    assertThat(a.provenance().dataFingerprint()).isEqualTo(t.fingerprint());
    assertThat(a.diagnostics().curves()).containsKeys("loss", "misfit", "val_misfit",
        "term.energy-balance");
    assertThat(List.copyOf(a.predictions().names())).contains("SoilTemp_0.05", "Qh", "Qle");
  }
}
