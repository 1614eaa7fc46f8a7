package org.cml4j.examples.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cml4j.examples.fuse.StructureConstraintExample.Result;
import org.junit.jupiter.api.Test;

/** Mode 9: constraints built into the architecture hold to round-off. */
class StructureConstraintExampleTest {
  // docs/modes/fusion.md mode 9 and README row 9; twin, seed 42
  /** Largest |Rn - G - Qh - Qle| of the conserving layer [W m-2]: round-off (measured 2.3e-13 at seeds 1, 2 and 42). */
  static final double CLOSURE_MAX = 1e-11;
  /** Mean RMSE ratio conserving / free layer (measured 1.18; worse on Qg and Qle). */
  static final Claim CONSERVING_FREE = new Claim("mode 9 ratio conserving/free", 1.18, 0.03);
  /** Mean RMSE ratio physics layer / calibrated physics (measured 0.88). */
  static final Claim LAYER_PHYSICS = new Claim("mode 9 ratio physics-layer/physics", 0.88, 0.03);

  @Test
  void conservationAndBoundsHoldByConstructionAndAccuracyIsReported() {
    Result r = StructureConstraintExample.run(InputConstraintExample.twin(42));
    System.out.println(ExampleSupport.table(List.of(r.free(), r.conserving(), r.physicsOnly(),
        r.physicsLayer())));
    // (a) energy-conserving layer: Rn - G - Qh - Qle = 0 to round-off on every hour
    System.out.printf("claim mode 9 closure max |Rn-G-Qh-Qle| actual %.3g (documented 2.3e-13)%n",
        r.conservingViolation());
    assertThat(r.conservingViolation()).isLessThan(CLOSURE_MAX);
    assertThat(r.freeViolation()).isGreaterThan(10);
    assertThat(r.conserving().energyInconsistent()).isZero();
    assertThat(r.free().energyInconsistent()).isGreaterThan(0.3);
    // accuracy against the unconstrained network: better sensible heat, worse latent heat and
    // ground flux (the partition inherits the errors of Rn and G), comparable on average
    assertThat(r.conserving().rmse("Qh")).isLessThan(r.free().rmse("Qh"));
    CONSERVING_FREE.check(ExampleSupport.meanRatio(r.conserving(), r.free()));
    // and still ahead of the calibrated physics on average (which cannot split Qh and Qle)
    assertThat(ExampleSupport.meanRatio(r.conserving(), r.physicsOnly())).isLessThan(1.0);
    // (b) physics as the final layer: bounded hbeta(t), exact energy balance, beats the physics
    Map<String, Double> s = r.physicsLayer().solution().diagnostics().scalars();
    assertThat(s.get("boundViolation")).isZero();
    assertThat(s.get("energyResidualMaxAbs")).isLessThan(CLOSURE_MAX);
    assertThat(s.get("hbeta.min")).isGreaterThanOrEqualTo(1);
    assertThat(s.get("hbeta.max")).isLessThanOrEqualTo(100).isGreaterThan(s.get("hbeta.min") + 5);
    for (String t : List.of("SoilTemp_0.05", "SoilTemp_0.2", "SoilTemp_0.1", "SoilTemp_0.5",
        "Qg")) {
      assertThat(r.physicsLayer().rmse(t)).as(t).isLessThan(r.physicsOnly().rmse(t));
    }
    LAYER_PHYSICS.check(ExampleSupport.meanRatio(r.physicsLayer(), r.physicsOnly()));
    // honest: not on LWup
    assertThat(r.physicsLayer().rmse("LWup")).isGreaterThan(r.physicsOnly().rmse("LWup"));
  }
}
