package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;

import java.util.Map;
import org.cml4j.lsm.testsupport.SharedData;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards the hbeta(t) numbers of README row 6 (docs/modes/embedding.md), seed 21,
 * deterministic: one constant per claim with the measured value, asserted within
 * {@link Measured#TOLERANCE}, the unfavourable Phoenix result included.
 */
class LearnedParametersExampleTest {
  /** Twin test RMSE with learned hbeta(t): QH+QE [W m-2], surface and 5 cm [K]. */
  static final Map<String, Double> TWIN_LEARNED = Map.of("QhQle", 19.251, "SurfTemp", 0.8051,
      "SoilTemp_0.05", 0.2732);
  /** Same with the calibrated constant hbeta. */
  static final Map<String, Double> TWIN_CONSTANT = Map.of("QhQle", 28.251, "SurfTemp", 1.4370,
      "SoilTemp_0.05", 0.9336);
  /**
   * RMSE of the learned hbeta(t) against the true series [W m-2 K-1]: 8.10, larger than the
   * truth's own standard deviation (6.56) at this seed (reported; seeds 1–3: 1.38 / 6.88 / 1.41
   * against 5.73 / 8.63 / 6.07).
   */
  static final double TWIN_HBETA_RMSE = 8.099;
  static final double TWIN_HBETA_TRUTH_SD = 6.563;
  /**
   * Phoenix test QH+QE RMSE [W m-2]: learned 37.2, constant 30.3 (learned is worse; seeds 1 and
   * 2: 36.8 and 31.1).
   */
  static final double PHOENIX_QHQLE_LEARNED = 37.234;
  static final double PHOENIX_QHQLE_CONSTANT = 30.35;

  @Test
  void learnedHbetaBeatsConstantOnHeldOutDaysOfTheVaryingBowenTwin() {
    LearnedParametersExample.Twin t = LearnedParametersExample.twin(21);
    Measured.near(t.learned(), TWIN_LEARNED, "learned");
    Measured.near(t.constant(), TWIN_CONSTANT, "constant");
    assertThat(t.hbetaRmse()).isCloseTo(TWIN_HBETA_RMSE, TOLERANCE);
    assertThat(t.hbetaTruthSpread()).isCloseTo(TWIN_HBETA_TRUTH_SD, TOLERANCE);
    // the claim: held-out errors with hbeta(t) below those with the constant on every target
    t.constant().forEach((v, c) -> assertThat(t.learned().get(v)).as(v).isLessThan(c));
  }

  @Test
  void phoenixReportsHbetaOfTimeAndTurbulentFluxErrors() {
    LearnedParametersExample.Site s = LearnedParametersExample.phoenix(SharedData.dir(), 21);
    assertThat(s.dayMean()).isGreaterThan(s.nightMean());
    // reported, not claimed: at Phoenix the learned series is worse than the constant on QH+QE
    assertThat(s.learned().get("QhQle")).isCloseTo(PHOENIX_QHQLE_LEARNED, TOLERANCE);
    assertThat(s.constant().get("QhQle")).isCloseTo(PHOENIX_QHQLE_CONSTANT, TOLERANCE);
  }
}
