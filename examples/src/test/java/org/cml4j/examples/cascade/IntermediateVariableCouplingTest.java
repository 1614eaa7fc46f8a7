package org.cml4j.examples.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cml4j.cascade.intermediate.ConstantFractionSplit;
import org.cml4j.cascade.intermediate.IntermediateVariableCoupling;
import org.cml4j.testbeds.twin.CascadeTwin;
import org.cml4j.core.baseline.LearningOnlyBaseline;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Variables;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards the mode-2 twin numbers of README row 2 and docs/modes/cascade.md (partitioning twin,
 * seed 1, tiny budget, deterministic): one constant per claim with the measured value, asserted
 * within {@link Measured#TOLERANCE}. They involve the calibrated physics: re-measure and re-set
 * if the shared calibration changes.
 */
class IntermediateVariableCouplingTest {
  /** Test RMSE [W m-2] of Qh and Qle: intermediate variables 9.06 / 10.6. */
  static final Map<String, Double> INTERMEDIATE = Map.of(Variables.QH, 9.06, Variables.QLE,
      10.6);
  /** Physics with the training-period constant evaporative fraction: 20.7 / 42.5. */
  static final Map<String, Double> CONSTANT_EF = Map.of(Variables.QH, 20.7, Variables.QLE,
      42.5);
  /** MLP on forcing features only: 9.59 / 11.6. */
  static final Map<String, Double> LEARNING_ONLY = Map.of(Variables.QH, 9.59, Variables.QLE,
      11.6);

  @Test
  void physicsIntermediatesSeparateQhAndQleBetterThanPhysicsOrLearningAlone() {
    Comparison c = IntermediateVariablesExample.run(1, Budget.tiny());
    for (String v : List.of(Variables.QH, Variables.QLE)) {
      assertThat(c.rmse(IntermediateVariableCoupling.NAME, v)).as(v)
          .isCloseTo(INTERMEDIATE.get(v), TOLERANCE);
      assertThat(c.rmse("physics + constant EF", v)).as(v)
          .isCloseTo(CONSTANT_EF.get(v), TOLERANCE);
      assertThat(c.rmse(LearningOnlyBaseline.NAME, v)).as(v)
          .isCloseTo(LEARNING_ONLY.get(v), TOLERANCE);
    }
  }

  @Test
  void needsATargetThePhysicsCannotGive() {
    var twin = new CascadeTwin().days(4).observed(List.of("SoilTemp_0.05"))
        .targets(List.of("SoilTemp_0.05")).build();
    var c = new IntermediateVariableCoupling(CouplingDefaults.standard());
    assertThatThrownBy(() -> c.solve(twin.task())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the physics alone covers this task");
    var noTemps = new CascadeTwin().days(4).observed(List.of(Variables.QH))
        .targets(List.of(Variables.QH)).build();
    assertThatThrownBy(() -> c.solve(noTemps.task()))
        .hasMessageContaining("no observed variable the mechanism simulates");
    assertThatThrownBy(() -> ConstantFractionSplit.evaporativeFraction(twin.task()))
        .hasMessageContaining("no variable 'Qh'");
  }
}
