package org.cml4j.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.junit.jupiter.api.Test;

/**
 * A run that reaches the wall-time safety cap stops and says so: {@code timeCapHit} = 1 and the
 * note "wall-time safety cap of N s hit after E epochs" (a 1 microsecond cap is always reached
 * after the first epoch, so nothing here depends on the machine's speed).
 */
class SafetyCapTest {
  @Test
  void aRunStoppedByTheCapReportsItInItsDiagnostics() {
    CouplingTask t = TaskCatalog.tiny(null, 42).task("twin").task().toBuilder()
        .budget(new Budget(Budget.Effort.TINY, 1e-6)).build();
    CouplingRegistry reg = Cml4j.discover().registry();
    for (String name : java.util.List.of("fusion.physics-loss", "fusion.physics-layer",
        "fusion.hybrid-assimilation")) {
      CouplingSolution s = reg.create(name).solve(t);
      if (name.equals("fusion.physics-loss")) {
        assertThat(s.diagnostics().scalars().get("epochs")).isEqualTo(1.0);
      }
      assertThat(s.diagnostics().scalars().get(Budget.TIME_CAP_HIT)).as(name).isEqualTo(1.0);
      assertThat(s.diagnostics().notes()).as(name).anyMatch(n -> n.endsWith(
          "wall-time safety cap of 1.00e-06 s hit after 1 epochs"));
    }
  }

  @Test
  void theCapIsOnlyASafetyNet() {
    assertThat(Budget.tiny().maxSeconds()).isGreaterThanOrEqualTo(600);
    assertThat(Budget.quick().maxSeconds()).isGreaterThanOrEqualTo(1800);
    Budget.SafetyCap cap = Budget.tiny().startCap();
    assertThat(cap.tick()).isFalse();
    assertThat(cap.hit()).isFalse();
    assertThat(cap.report(org.cml4j.core.spi.Diagnostics.builder()).build().scalars())
        .containsEntry(Budget.TIME_CAP_HIT, 0.0);
  }
}
