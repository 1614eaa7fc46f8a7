package org.cml4j.cascade.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cml4j.cascade.examples.Comparison;
import org.cml4j.cascade.examples.PostProcessingExample;
import org.cml4j.cascade.twin.CascadeTwin;
import org.cml4j.cascade.twin.TwinCase;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.junit.jupiter.api.Test;

class ErrorCorrectionCouplingTest {
  @Test
  void learnedCorrectionBeatsTheCalibratedPhysicsOnEveryTarget() {
    Comparison c = PostProcessingExample.errorCorrection(1, Budget.tiny());
    // measured (seed 1): 0.30 vs 0.35 K, 0.19 vs 0.35 K, 9.1 vs 11.0 W m-2
    for (String v : List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG)) {
      assertThat(c.rmse(ErrorCorrectionCoupling.NAME, v))
          .isLessThan(0.95 * c.rmse(PhysicsOnlyBaseline.NAME, v));
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
