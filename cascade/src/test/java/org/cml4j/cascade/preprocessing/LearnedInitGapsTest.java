package org.cml4j.cascade.preprocessing;

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
 * training steps and only 11 valid Qg values, one short of the harmonic fit's 12. The learned
 * initialiser then leaves Qg out of its features (the LM refinement still fits it); when no
 * series has 12 valid values the coupling is not applicable, with the counts in the reason.
 */
class LearnedInitGapsTest {
  @Test
  void aSeriesWithTooFewValidValuesIsLeftOutOfTheFeaturesNotFailed() {
    CouplingTask task = GappyTasks.twinN1Replicate3();
    assertThat(task.observations().countValid("Qg", 0, task.split().trainEnd())).isEqualTo(11);
    LearnedInitCoupling c = new LearnedInitCoupling(CouplingDefaults.standard());
    assertThat(c.applicability(task).applicable()).isTrue();
    CouplingSolution s = c.solve(task);
    assertThat(s.diagnostics().notes()).anyMatch(n -> n.startsWith("features leave out [Qg]")
        && n.contains("Qg 11"));
    assertThat(s.provenance().config().get("featureVariables"))
        .isEqualTo("SoilTemp_0.05,SoilTemp_0.2,LWup");
    for (String t : s.predictions().names()) {
      assertThat(Arrays.stream(s.prediction(t)).allMatch(Double::isFinite)).as(t).isTrue();
    }
    assertThat(s.parameters().values()).allMatch(Double::isFinite);
  }

  @Test
  void noSeriesWithEnoughValidValuesIsNotApplicableWithTheCounts() {
    // every second training step missing: 10 of 20 training values left at most
    CouplingTask gappy = GappyTasks.withTrainingGaps(GappyTasks.twinN1Replicate3(),
        i -> i % 2 == 0);
    Applicability a = new LearnedInitCoupling(CouplingDefaults.standard()).applicability(gappy);
    assertThat(a.applicable()).isFalse();
    assertThat(a.reason()).contains("no observed variable has 12 valid values in the 20"
        + " training steps").contains("SoilTemp_0.05 10, ");
  }
}
