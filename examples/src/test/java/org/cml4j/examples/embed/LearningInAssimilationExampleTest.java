package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;

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
  /** Test RMSE of the EnKF with the learned model error [K] (headline: 0.36 K at 20 cm). */
  static final Map<String, Double> CORRECTED = Map.of("SurfTemp", 1.739, "SoilTemp_0.05", 1.140,
      "SoilTemp_0.2", 0.357);
  /** Same EnKF without the correction [K] (headline: 0.67 K at 20 cm). */
  static final Map<String, Double> PLAIN = Map.of("SurfTemp", 1.923, "SoilTemp_0.05", 1.387,
      "SoilTemp_0.2", 0.667);
  /** Calibrated physics only [K]. */
  static final Map<String, Double> PHYSICS = Map.of("SurfTemp", 1.931, "SoilTemp_0.05", 1.404,
      "SoilTemp_0.2", 0.773);
  /** Validation-period analysis RMSE at the surface [K]: EnKF 1.208, emulated analysis 1.211. */
  static final double VALIDATION_ANALYSIS_SURFACE_ENKF = 1.208;
  static final double VALIDATION_ANALYSIS_SURFACE_EMULATED = 1.211;
  /** Same at 5 cm [K]: EnKF 0.750, emulated 0.768. */
  static final double VALIDATION_ANALYSIS_5CM_ENKF = 0.750;
  static final double VALIDATION_ANALYSIS_5CM_EMULATED = 0.768;
  /** Test forecast after the emulated analysis [K] (= the uncorrected EnKF's). */
  static final Map<String, Double> EMULATED_TEST = Map.of("SurfTemp", 1.923, "SoilTemp_0.05",
      1.386, "SoilTemp_0.2", 0.670);

  @Test
  void learnedModelErrorImprovesForecastsAndTheEmulatedAnalysisMatchesTheEnkf() {
    LearningInAssimilationExample.Result r = LearningInAssimilationExample.run(4);
    near(r.corrected(), CORRECTED, "corrected");
    near(r.plain(), PLAIN, "plain EnKF");
    near(r.baseline(), PHYSICS, "physics");
    near(r.emulatedTest(), EMULATED_TEST, "emulated-analysis test");
    Map<String, Double> a = r.analysis();
    assertThat(a.get("validationAnalysisRmseEnkf_SurfTemp"))
        .isCloseTo(VALIDATION_ANALYSIS_SURFACE_ENKF, TOLERANCE);
    assertThat(a.get("validationAnalysisRmseEmulated_SurfTemp"))
        .isCloseTo(VALIDATION_ANALYSIS_SURFACE_EMULATED, TOLERANCE);
    assertThat(a.get("validationAnalysisRmseEnkf_SoilTemp_0.05"))
        .isCloseTo(VALIDATION_ANALYSIS_5CM_ENKF, TOLERANCE);
    assertThat(a.get("validationAnalysisRmseEmulated_SoilTemp_0.05"))
        .isCloseTo(VALIDATION_ANALYSIS_5CM_EMULATED, TOLERANCE);
    // timing diagnostics exist and are positive (their values are benchmarked, not tested)
    assertThat(a.get("speedup")).isPositive();
    assertThat(a.get("timingRepeats")).isEqualTo(3.0);
  }

  /** {@link Measured#near}, and no variable beyond the measured ones. */
  private static void near(Map<String, Double> actual, Map<String, Double> measured,
      String what) {
    assertThat(actual).containsOnlyKeys(measured.keySet());
    Measured.near(actual, measured, what);
  }
}
