package org.cml4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.cml4j.examples.cascade.Comparison;

/**
 * The band within which the example tests hold the documented numbers: each claim is a constant
 * with the value measured at the test's seed (results are deterministic for a seed, training stops
 * on counts), asserted within {@link #TOLERANCE} of it. When a shared component changes on
 * purpose (e.g. the physics calibration), re-measure and re-set the constants and the docs.
 */
public final class Measured {
  /** Accepted relative deviation from a measured value: 5 %. */
  public static final Percentage TOLERANCE = Percentage.withPercentage(5);

  private Measured() {}

  /**
   * One documented test-period score: the {@link Comparison} entry of {@code approach} on
   * {@code variable} was measured at {@code value} (in the variable's unit).
   */
  public record Score(String approach, String variable, double value) {}

  /** Asserts every claimed score within {@link #TOLERANCE} of the comparison's value. */
  public static void near(Comparison actual, List<Score> measured) {
    measured.forEach(m -> assertThat(actual.rmse(m.approach(), m.variable()))
        .as(m.approach() + " " + m.variable()).isCloseTo(m.value(), TOLERANCE));
  }

  /**
   * The three temperatures most examples score (surface, 5 cm, 20 cm; variables
   * {@code SurfTemp, SoilTemp_0.05, SoilTemp_0.2}), e.g. test RMSEs [K].
   */
  public static Map<String, Double> temperatures(double surface, double at5cm, double at20cm) {
    return Map.of("SurfTemp", surface, "SoilTemp_0.05", at5cm, "SoilTemp_0.2", at20cm);
  }

  /** {@link #exactly} for each labelled run, and no run beyond the measured ones. */
  public static void eachExactly(Map<String, Map<String, Double>> actual,
      Map<String, Map<String, Double>> measured) {
    assertThat(actual).containsOnlyKeys(measured.keySet());
    measured.forEach((run, m) -> exactly(actual.get(run), m, run));
  }

  /** {@link #near(Map, Map, String)}, and {@code actual} holds no key beyond the measured ones. */
  public static void exactly(Map<String, Double> actual, Map<String, Double> measured,
      String what) {
    assertThat(actual).as(what).containsOnlyKeys(measured.keySet());
    near(actual, measured, what);
  }

  /**
   * Asserts every value of {@code measured} (key to measured value) within {@link #TOLERANCE} of
   * the value {@code actual} has under the same key, labelled {@code what} and the key.
   */
  public static void near(Map<String, Double> actual, Map<String, Double> measured,
      String what) {
    measured.forEach((k, m) -> assertThat(actual.get(k)).as(what + " " + k)
        .isCloseTo(m, TOLERANCE));
  }
}
