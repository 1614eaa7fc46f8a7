package org.cml4j.examples.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cml4j.cascade.preprocessing.GapFillCoupling;
import org.cml4j.testbeds.twin.CascadeTwin;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Variables;
import org.cml4j.examples.Measured;
import org.cml4j.examples.Measured.Score;
import org.junit.jupiter.api.Test;

/**
 * Guards the mode-1 gap-filling numbers of README row 1 and docs/modes/cascade.md (gappy twin,
 * seed 1, tiny budget, deterministic): one constant per claim with the measured value, asserted
 * within {@link Measured#TOLERANCE}. The test RMSEs involve the calibrated physics; if the shared
 * calibration changes, re-measure and re-set the constants (and the docs).
 */
class GapFillCouplingTest {
  private static final String LINEAR_FILL = "physics (linear fill)";
  /** SWdown RMSE inside the forcing gaps [W m-2]: learned 80.6, linear 211.3 (seed 2: 30, 271). */
  static final List<Score> SWDOWN_GAPS = List.of(new Score("learned", Variables.SWDOWN, 80.6),
      new Score("linear", Variables.SWDOWN, 211.3));
  /**
   * Test RMSE [K]: at 5 cm gap-fill coupling 0.258, physics with linear fill 0.600; surface
   * temperature 0.299 vs 0.604.
   */
  static final List<Score> TEST = List.of(new Score(GapFillCoupling.NAME, "SoilTemp_0.05", 0.258),
      new Score(LINEAR_FILL, "SoilTemp_0.05", 0.600),
      new Score(GapFillCoupling.NAME, Variables.SURF_TEMP, 0.299),
      new Score(LINEAR_FILL, Variables.SURF_TEMP, 0.604));
  /** Spikes injected into G and visible (outside gaps): 9, all flagged, none falsely. */
  static final int SPIKES = 9;

  @Test
  void learnedFillingAndSpikeRemovalBeatThePlainPhysicsOnTheGappyTwin() {
    GapFillExample.Outcome o = GapFillExample.run(1, Budget.tiny());
    Measured.near(o.fill(), SWDOWN_GAPS);
    assertThat(o.reports().get(Variables.TAIR).usedLearned()).isTrue();
    assertThat(o.spikesInjected()).isEqualTo(SPIKES);
    assertThat(o.spikesFound()).isEqualTo(SPIKES);
    assertThat(o.spikesFlagged()).isEqualTo(SPIKES);
    Measured.near(o.test(), TEST);
  }

  @Test
  void misuseFailsBeforeAnyTraining() {
    var twin = new CascadeTwin().days(4).observed(List.of(Variables.QH, Variables.QLE))
        .targets(List.of(Variables.QH)).build();
    GapFillCoupling c = new GapFillCoupling(CouplingDefaults.standard());
    assertThat(c.applicability(twin.task()).applicable()).isFalse();
    assertThatThrownBy(() -> c.solve(twin.task())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cascade.gap-fill cannot address task")
        .hasMessageContaining("simulates none of the targets [Qh]");
  }
}
