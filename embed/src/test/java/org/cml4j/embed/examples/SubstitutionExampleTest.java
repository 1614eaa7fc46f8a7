package org.cml4j.embed.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubstitutionExampleTest {
  @Test
  void emulatorsRollOutAMonthStablyAndTheColumnEmulatorTracksTheReference() {
    SubstitutionExample.Result r = SubstitutionExample.run(8);
    // whole-step emulator vs the 1 mm / 1 min reference: closer than the coarse physics itself
    for (String v : List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2")) {
      assertThat(r.column().get("rolloutRmseVsReference_" + v)).as(v)
          .isLessThan(0.5 * r.column().get("coarsePhysics_rolloutRmseVsReference_" + v));
      assertThat(r.column().get("lastWeekRmseVsReference_" + v)).as(v).isLessThan(0.15);
    }
    assertThat(r.column().get("linearSpectralRadius")).isLessThan(1);
    assertThat(r.column().get("speedupVsReference")).isGreaterThan(5);
    // surface-update emulator vs the physics it replaces: stable over the month
    assertThat(r.surface().get("rolloutRmseVsPhysics_SurfTemp")).isLessThan(0.5);
    assertThat(r.surface().get("lastWeekRmseVsPhysics_SurfTemp")).isLessThan(0.5);
    assertThat(r.surface().get("rolloutMaxDevVsPhysics_SoilTemp_0.2")).isLessThan(1);
    // against the truth both stay with the calibrated physics (they emulate it; no gain claimed)
    for (String v : List.of("SurfTemp", "SoilTemp_0.05", "SoilTemp_0.2")) {
      double base = r.baselineTest().get(v);
      assertThat(r.columnTest().get(v)).as(v).isBetween(0.85 * base, 1.15 * base);
      assertThat(r.surfaceTest().get(v)).as(v).isBetween(0.85 * base, 1.15 * base);
    }
  }
}
