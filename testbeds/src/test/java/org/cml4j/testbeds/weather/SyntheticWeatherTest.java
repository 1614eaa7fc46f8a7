package org.cml4j.testbeds.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticWeatherTest {
  private static final Instant START = Instant.parse("2021-06-15T00:00:00Z");

  private static SyntheticWeather.Spec spec(Climate shifted, int dryFrom, int dryTo) {
    return new SyntheticWeather.Spec(START, 24 * 20, 40, Climate.summer(), shifted, 24 * 12, 30,
        dryFrom, dryTo);
  }

  @Test
  void seededDiurnalWeatherInPlausibleRanges() {
    Weather a = SyntheticWeather.generate(spec(null, 0, 0), 5);
    Weather b = SyntheticWeather.generate(spec(null, 0, 0), 5);
    Weather c = SyntheticWeather.generate(spec(null, 0, 0), 6);
    assertThat(a.swdown()).containsExactly(b.swdown());
    assertThat(a.rainf()).containsExactly(b.rainf());
    assertThat(a.tair()).isNotEqualTo(c.tair());
    double maxSw = Arrays.stream(a.swdown()).max().orElseThrow();
    assertThat(maxSw).isBetween(800.0, 1100.0);
    for (int k = 0; k < a.size(); k++) {
      double hour = a.hourOfDay(k);
      if (hour < 4 || hour > 20) {
        assertThat(a.swdown()[k]).as("night SWdown at %s h", hour).isZero();
      }
      assertThat(a.lwdown()[k]).isBetween(250.0, 500.0);
      assertThat(a.wind()[k]).isGreaterThanOrEqualTo(0.3);
      assertThat(a.cloud()[k]).isBetween(0.0, 1.0);
    }
    assertThat(Arrays.stream(a.tair()).average().orElseThrow()).isCloseTo(295, within(3));
    // afternoon warmer than dawn on average
    double afternoon = 0;
    double dawn = 0;
    for (int d = 0; d < 20; d++) {
      afternoon += a.tair()[d * 24 + 15];
      dawn += a.tair()[d * 24 + 4];
    }
    assertThat((afternoon - dawn) / 20).isBetween(4.0, 11.0);
    // the guaranteed storm at level 30 if none came earlier; about a storm every 4 days
    assertThat(a.rainDepth(0, 31)).isPositive();
    assertThat(a.rainDepth(0, a.size())).isBetween(10.0, 200.0);
  }

  @Test
  void heatWaveChangesOnlyTheFutureAndDrySpellHasNoStorms() {
    Weather normal = SyntheticWeather.generate(spec(null, 24 * 10, 24 * 12), 9);
    Weather hot = SyntheticWeather.generate(spec(Climate.heatWave(), 24 * 10, 24 * 12), 9);
    int shift = 24 * 12;
    assertThat(Arrays.copyOf(hot.tair(), shift)).containsExactly(Arrays.copyOf(normal.tair(),
        shift));
    assertThat(Arrays.copyOf(hot.rainf(), shift)).containsExactly(Arrays.copyOf(normal.rainf(),
        shift));
    double hotMean = Arrays.stream(hot.tair(), shift + 24, hot.size()).average().orElseThrow();
    double normalMean = Arrays.stream(normal.tair(), shift + 24, hot.size()).average()
        .orElseThrow();
    assertThat(hotMean - normalMean).isBetween(4.0, 8.0);
    assertThat(hot.rainDepth(shift + 24, hot.size())).isZero();
    // no storm starts in the dry spell (a storm started before it lasts at most 6 h)
    assertThat(normal.rainDepth(24 * 10 + 6, 24 * 12)).isZero();
  }

  @Test
  void oneClimateSpecHasNoShiftStormGuaranteeOrDrySpell() {
    SyntheticWeather.Spec s = SyntheticWeather.Spec.of(START, 48, 45, Climate.changeableSpring());
    assertThat(s).isEqualTo(new SyntheticWeather.Spec(START, 48, 45, Climate.changeableSpring(),
        null, 0, -1, 0, 0));
    assertThat(SyntheticWeather.generate(s, 2).tair()).containsExactly(SyntheticWeather.generate(
        new SyntheticWeather.Spec(START, 48, 45, Climate.changeableSpring(), null, 0, -1, 0, 0), 2)
        .tair());
  }

  /** Sunniest / dullest daily shortwave of the cascade twins' 30 days, seeds 1-3 (measured). */
  static final double[] SPRING_SW_RATIO = {1.84, 2.41, 1.92};

  @Test
  void changeableSpringAlternatesSunnyAndDullDays() {
    Instant first = org.cml4j.testbeds.twin.CascadeTwin.START.minusSeconds(6 * 86400L);
    for (int seed = 1; seed <= 3; seed++) {
      Weather w = SyntheticWeather.generate(SyntheticWeather.Spec.of(first, 30 * 24,
          org.cml4j.testbeds.twin.CascadeTwin.LATITUDE, Climate.changeableSpring()), seed);
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (int d = 0; d < 30; d++) {
        double day = Arrays.stream(w.swdown(), d * 24, d * 24 + 24).sum();
        lo = Math.min(lo, day);
        hi = Math.max(hi, day);
      }
      assertThat(hi / lo).as("seed %d", seed).isCloseTo(SPRING_SW_RATIO[seed - 1],
          within(0.05 * SPRING_SW_RATIO[seed - 1]));
      assertThat(Arrays.stream(w.tair()).average().orElseThrow()).isCloseTo(290, within(2));
    }
  }

  @Test
  void badSpecsAreNamed() {
    assertThatThrownBy(() -> new SyntheticWeather.Spec(START.plusSeconds(60), 10, 40,
        Climate.summer(), null, 0, -1, 0, 0)).hasMessageContaining("on the hour");
    assertThatThrownBy(() -> new SyntheticWeather.Spec(START, 10, 80, Climate.summer(), null, 0,
        -1, 0, 0)).hasMessageContaining("latitude 80");
    assertThatThrownBy(() -> new Climate(295, 10, 1.2, 0.2, 10, 0.6, 3))
        .hasMessageContaining("meanCloud = 1.2");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
