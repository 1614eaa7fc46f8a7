package org.cml4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cml4j.examples.Measured.TOLERANCE;

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
  /** Test RMSE against the truth [K]: calibrated coarse column (1 cm / 1 h). */
  static final Map<String, Double> COARSE = Map.of("SurfTemp", 0.431, "SoilTemp_0.05", 0.392,
      "SoilTemp_0.2", 0.324);
  /** Coarse column with the learned lambda(t), C(t), hbeta(t). */
  static final Map<String, Double> ENHANCED = Map.of("SurfTemp", 0.406, "SoilTemp_0.05", 0.338,
      "SoilTemp_0.2", 0.252);
  /** The high-resolution model that provided the pseudo-observations. */
  static final Map<String, Double> HIGH_RESOLUTION = Map.of("SurfTemp", 0.312, "SoilTemp_0.05",
      0.258, "SoilTemp_0.2", 0.112);

  @Test
  void enhancedCoarseModelSitsBetweenTheCoarseAndTheHighResolutionModel() {
    EnhancerExample.Result r = EnhancerExample.run(8);
    Measured.near(r.coarse(), COARSE, "coarse");
    Measured.near(r.enhanced(), ENHANCED, "enhanced");
    Measured.near(r.highResolution(), HIGH_RESOLUTION, "high resolution");
    // the ordering the claim rests on: coarse > enhanced > its (imperfect) teacher
    r.coarse().forEach((v, c) -> {
      assertThat(r.enhanced().get(v)).as(v).isLessThan(c);
      assertThat(r.highResolution().get(v)).as(v).isLessThan(r.enhanced().get(v));
    });
  }
}
