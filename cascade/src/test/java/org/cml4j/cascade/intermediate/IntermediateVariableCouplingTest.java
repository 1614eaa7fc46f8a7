package org.cml4j.cascade.intermediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cml4j.cascade.examples.Comparison;
import org.cml4j.cascade.examples.IntermediateVariablesExample;
import org.cml4j.cascade.twin.CascadeTwin;
import org.cml4j.core.baseline.LearningOnlyBaseline;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Variables;
import org.junit.jupiter.api.Test;

class IntermediateVariableCouplingTest {
  @Test
  void physicsIntermediatesSeparateQhAndQleBetterThanPhysicsOrLearningAlone() {
    Comparison c = IntermediateVariablesExample.run(1, Budget.tiny());
    // measured (seed 1): Qh 11.4 / Qle 10.5 W m-2 vs 16.2 / 13.4 (constant EF), 13.7 / 14.5 (MLP)
    for (String v : List.of(Variables.QH, Variables.QLE)) {
      double ours = c.rmse(IntermediateVariableCoupling.NAME, v);
      assertThat(ours).isLessThan(0.9 * c.rmse("physics + constant EF", v));
      assertThat(ours).isLessThan(c.rmse(LearningOnlyBaseline.NAME, v));
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
