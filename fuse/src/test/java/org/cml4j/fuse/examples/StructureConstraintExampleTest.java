package org.cml4j.fuse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.fuse.examples.StructureConstraintExample.Result;
import org.junit.jupiter.api.Test;

/** Mode 9: constraints built into the architecture hold to round-off. */
class StructureConstraintExampleTest {
  @Test
  void conservationAndBoundsHoldByConstructionAndAccuracyIsReported() {
    Result r = StructureConstraintExample.run(InputConstraintExample.twin(42));
    System.out.println(ExampleSupport.table(List.of(r.free(), r.conserving(), r.physicsOnly(),
        r.physicsLayer())));
    // (a) energy-conserving layer: Rn - G - Qh - Qle = 0 to round-off on every hour
    assertThat(r.conservingViolation()).isLessThan(1e-9);
    assertThat(r.freeViolation()).isGreaterThan(10);
    assertThat(r.conserving().energyInconsistent()).isZero();
    assertThat(r.free().energyInconsistent()).isGreaterThan(0.3);
    // accuracy against the unconstrained network: better sensible heat, worse latent heat and
    // ground flux (the partition inherits the errors of Rn and G), comparable on average
    assertThat(r.conserving().rmse("Qh")).isLessThan(r.free().rmse("Qh"));
    assertThat(ExampleSupport.meanRatio(r.conserving(), r.free())).isBetween(0.8, 1.3);
    // and still ahead of the calibrated physics on average (which cannot split Qh and Qle)
    assertThat(ExampleSupport.meanRatio(r.conserving(), r.physicsOnly())).isLessThan(1.0);
    // (b) physics as the final layer: bounded hbeta(t), exact energy balance, beats the physics
    Map<String, Double> s = r.physicsLayer().solution().diagnostics().scalars();
    assertThat(s.get("boundViolation")).isZero();
    assertThat(s.get("energyResidualMaxAbs")).isLessThan(1e-9);
    assertThat(s.get("hbeta.min")).isGreaterThanOrEqualTo(1);
    assertThat(s.get("hbeta.max")).isLessThanOrEqualTo(100).isGreaterThan(s.get("hbeta.min") + 5);
    for (String t : List.of("SoilTemp_0.05", "SoilTemp_0.2", "SoilTemp_0.1", "SoilTemp_0.5",
        "Qg")) {
      assertThat(r.physicsLayer().rmse(t)).as(t).isLessThan(r.physicsOnly().rmse(t));
    }
    assertThat(ExampleSupport.meanRatio(r.physicsLayer(), r.physicsOnly())).isLessThan(0.92);
  }
}
