package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.temperatures;

import java.util.Map;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards the enhancer numbers (README row 4, docs/modes/embedding.md), 24-day twin, seed 8,
 * deterministic. The high-resolution model is a separate 1 mm / 1 min run with calibrated surface
 * parameters, not the truth, so its own error is measured and asserted too. One constant per
 * claim with the measured value, asserted within {@link Measured#TOLERANCE}.
 */
class EnhancerExampleTest {
  /**
   * Test RMSE against the truth [K]: the calibrated coarse column (1 cm / 1 h), the coarse column
   * with the learned lambda(t), C(t), hbeta(t), and the high-resolution model that provided the
   * pseudo-observations.
   */
  static final Map<String, Map<String, Double>> TEST_RMSE = Map.of(
      "coarse (calibrated)", temperatures(0.431, 0.392, 0.324),
      "coarse + enhancer", temperatures(0.406, 0.338, 0.252),
      "high resolution", temperatures(0.312, 0.258, 0.112));

  @Test
  void enhancedCoarseModelSitsBetweenTheCoarseAndTheHighResolutionModel() {
    Outcome r = EnhancerExample.run(8);
    Measured.eachExactly(r.testRmse(), TEST_RMSE);
    // the ordering the claim rests on: coarse > enhanced > its (imperfect) teacher
    Map<String, Double> enhanced = r.testRmse("coarse + enhancer");
    r.testRmse("coarse (calibrated)").forEach((v, c) -> {
      assertThat(enhanced.get(v)).as(v).isLessThan(c);
      assertThat(r.testRmse("high resolution").get(v)).as(v).isLessThan(enhanced.get(v));
    });
  }
}
