package org.cml4j.examples.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.cascade.postprocessing.ErrorCorrectionCoupling;
import org.cml4j.testbeds.twin.CascadeTwin;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards README row 3 / docs/modes/cascade.md error-correction numbers (structural twin, seed 1,
 * tiny budget, deterministic): one constant per claim with the measured value, asserted within
 * {@link Measured#TOLERANCE}. The physics-only values are the shared calibration's: re-measure and
 * re-set if it changes.
 */
class ErrorCorrectionCouplingTest {
  /** Test RMSE with the learned correction: 5 cm 0.258 K, surface 0.188 K, G 8.51 W m-2. */
  static final Map<String, Double> CORRECTED = Map.of("SoilTemp_0.05", 0.258,
      Variables.SURF_TEMP, 0.188, Variables.QG, 8.51);
  /** Calibrated physics only: 0.361 K, 0.426 K, 11.3 W m-2. */
  static final Map<String, Double> PHYSICS = Map.of("SoilTemp_0.05", 0.361,
      Variables.SURF_TEMP, 0.426, Variables.QG, 11.3);

  @Test
  void learnedCorrectionBeatsTheCalibratedPhysicsOnEveryTarget() {
    Comparison c = PostProcessingExample.errorCorrection(1, Budget.tiny());
    for (String v : List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG)) {
      assertThat(c.rmse(ErrorCorrectionCoupling.NAME, v)).as(v)
          .isCloseTo(CORRECTED.get(v), TOLERANCE);
      assertThat(c.rmse(PhysicsOnlyBaseline.NAME, v)).as(v)
          .isCloseTo(PHYSICS.get(v), TOLERANCE);
    }
  }

  @Test
  void sameTaskAndSeedGiveIdenticalPredictionsAndUnobservedTargetsGetPhysics() {
    TwinCase t = new CascadeTwin().days(8).observed(List.of("SoilTemp_0.05", "SurfTemp"))
        .targets(List.of("SoilTemp_0.05", "SoilTemp_0.3")).seed(5).build();
    var c = new ErrorCorrectionCoupling(CouplingDefaults.standard());
    CouplingSolution a = c.solve(t.task());
    CouplingSolution b = c.solve(t.task());
    assertThat(b.prediction("SoilTemp_0.05")).containsExactly(a.prediction("SoilTemp_0.05"));
    assertThat(a.prediction("SoilTemp_0.3")).hasSize(t.task().split().size());
    assertThat(a.diagnostics().notes()).anyMatch(n -> n.contains("SoilTemp_0.3: not observed"));
    assertThat(a.provenance().dataFingerprint()).isEqualTo(t.task().fingerprint());
    assertThat(a.parameters()).containsKeys("lambda", "C", "hbeta", "Tb", "alpha");
  }

  @Test
  void misuseIsRejectedBeforeTraining() {
    TwinCase t = new CascadeTwin().days(4).observed(List.of("SoilTemp_0.05"))
        .targets(List.of(Variables.QH)).build();
    assertThatThrownBy(() -> new ErrorCorrectionCoupling(CouplingDefaults.standard())
        .solve(t.task())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no target is both simulated by the mechanism and observed");
  }
}
