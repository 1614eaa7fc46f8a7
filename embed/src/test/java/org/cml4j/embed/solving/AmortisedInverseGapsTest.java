package org.cml4j.embed.solving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.GappyTasks;
import org.junit.jupiter.api.Test;

/**
 * Gappy training series (issue 12): replicate 3 of the quick suite's {@code twin-n1} has 20
 * training steps and Qg misses 9 of them, more than the 20 % the network's inputs may
 * interpolate. The amortised inverse then reads the other variables only (the refinement still
 * fits Qg); when every variable is that gappy it is not applicable, naming the counts.
 */
class AmortisedInverseGapsTest {
  @Test
  void aTooGappyVariableIsLeftOutOfTheNetworkInputsNotFailed() {
    CouplingTask task = GappyTasks.twinN1Replicate3();
    assertThat(task.observations().countValid("Qg", 0, task.split().trainEnd())).isEqualTo(11);
    AmortisedInverseCoupling c = new AmortisedInverseCoupling(CouplingDefaults.standard());
    assertThat(c.applicability(task).applicable()).isTrue();
    CouplingSolution s = c.solve(task);
    assertThat(s.diagnostics().notes()).anyMatch(n -> n.startsWith(
        "network inputs leave out [Qg] (Qg misses 9 of 20 training observations"));
    assertThat(s.provenance().config().get("inputVariables"))
        .isEqualTo("SoilTemp_0.05,SoilTemp_0.2,LWup");
    for (String t : s.predictions().names()) {
      assertThat(Arrays.stream(s.prediction(t)).allMatch(Double::isFinite)).as(t).isTrue();
    }
    assertThat(s.parameters()).isNotEmpty();
    assertThat(s.parameters().values()).allMatch(Double::isFinite);
  }

  @Test
  void everyVariableTooGappyIsNotApplicableWithTheCounts() {
    // the first 5 training steps missing: 5 of 20 missing at least, more than 20 %
    CouplingTask gappy = GappyTasks.withTrainingGaps(GappyTasks.twinN1Replicate3(), i -> i < 5);
    Applicability a = new AmortisedInverseCoupling(CouplingDefaults.standard())
        .applicability(gappy);
    assertThat(a.applicable()).isFalse();
    assertThat(a.reason()).startsWith("every observed variable misses more than 20 % of its 20"
        + " training observations (SoilTemp_0.05 misses 5, ").contains("Qg misses ");
  }
}
