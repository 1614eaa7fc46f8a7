package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.temperatures;

import java.util.Map;
import org.cml4j.examples.Measured;
import org.junit.jupiter.api.Test;

/**
 * Guards the mode-5 learning-in-assimilation numbers (README row 5, docs/modes/embedding.md), seed
 * 4, deterministic: each claim is one constant with the measured value, asserted within
 * {@link Measured#TOLERANCE}. The analysis emulator's speed-up is not asserted here (no timed
 * assertions in unit tests): it is measured by {@code org.cml4j.benchmarks.EmbeddingSpeedupReport}.
 */
class LearningInAssimilationExampleTest {
  /**
   * Test RMSE [K] of the EnKF with the learned model error (headline: 0.36 K at 20 cm), the same
   * EnKF without the correction (headline: 0.67 K at 20 cm), the calibrated physics only, and the
   * forecast after the emulated analysis (= the uncorrected EnKF's).
   */
  static final Map<String, Map<String, Double>> TEST_RMSE = Map.of(
      "corrected EnKF", temperatures(1.739, 1.140, 0.357),
      "plain EnKF", temperatures(1.923, 1.387, 0.667),
      "physics only", temperatures(1.931, 1.404, 0.773),
      "analysis emulator", temperatures(1.923, 1.386, 0.670));
  /**
   * Validation-period analysis RMSE [K]: surface EnKF 1.208, emulated analysis 1.211; 5 cm EnKF
   * 0.750, emulated 0.768.
   */
  static final Map<String, Double> VALIDATION_ANALYSIS = Map.of(
      "validationAnalysisRmseEnkf_SurfTemp", 1.208,
      "validationAnalysisRmseEmulated_SurfTemp", 1.211,
      "validationAnalysisRmseEnkf_SoilTemp_0.05", 0.750,
      "validationAnalysisRmseEmulated_SoilTemp_0.05", 0.768);

  @Test
  void learnedModelErrorImprovesForecastsAndTheEmulatedAnalysisMatchesTheEnkf() {
    Outcome r = LearningInAssimilationExample.run(4);
    Measured.eachExactly(r.testRmse(), TEST_RMSE);
    Map<String, Double> a = r.diagnostics("analysis emulator");
    Measured.near(a, VALIDATION_ANALYSIS, "validation analysis");
    // timing diagnostics exist and are positive (their values are benchmarked, not tested)
    assertThat(a.get("speedup")).isPositive();
    assertThat(a.get("timingRepeats")).isEqualTo(3.0);
  }
}
