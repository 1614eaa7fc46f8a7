package org.cml4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.data.Percentage;

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
   * Asserts every value of {@code measured} (key to measured value) within {@link #TOLERANCE} of
   * the value {@code actual} has under the same key, labelled {@code what} and the key.
   */
  public static void near(Map<String, Double> actual, Map<String, Double> measured,
      String what) {
    measured.forEach((k, m) -> assertThat(actual.get(k)).as(what + " " + k)
        .isCloseTo(m, TOLERANCE));
  }
}
