package org.cml4j.testbeds.weather;

/**
 * Statistics of the synthetic weather of the structural-twin tasks (see {@link SyntheticWeather}).
 *
 * @param meanTair mean air temperature [K]
 * @param diurnalRange clear-sky diurnal air-temperature range (max - min) [K]
 * @param meanCloud typical cloud fraction outside storms [0, 1)
 * @param stormsPerDay rate of rain storms [d-1] (Poisson process); 0 for a drought
 * @param stormDepth mean rain depth of a storm [mm], exponentially distributed
 * @param relativeHumidity mean relative humidity [0, 1]
 * @param meanWind mean wind speed [m s-1]
 */
public record Climate(double meanTair, double diurnalRange, double meanCloud, double stormsPerDay,
    double stormDepth, double relativeHumidity, double meanWind) {

  public Climate {
    check("meanTair", meanTair, 230, 330, "K");
    check("diurnalRange", diurnalRange, 0, 30, "K");
    check("meanCloud", meanCloud, 0.01, 0.99, "1");
    check("stormsPerDay", stormsPerDay, 0, 5, "d-1");
    check("stormDepth", stormDepth, 0, 100, "mm");
    check("relativeHumidity", relativeHumidity, 0.05, 1, "1");
    check("meanWind", meanWind, 0.1, 20, "m s-1");
  }

  /** Mid-latitude early summer with a storm every four days (mean 10 mm). */
  public static Climate summer() {
    return new Climate(295.0, 11.0, 0.35, 0.25, 10.0, 0.62, 3.0);
  }

  /**
   * The summer with the same rain total (2.5 mm d-1) falling as a small storm (mean 2.5 mm) once a
   * day on average: topsoil moisture stays in one band instead of drying out over week-long dry
   * spells, so training windows of 1 to 14 days come from one regime (sample-efficiency tasks).
   */
  public static Climate steadySummer() {
    return new Climate(295.0, 11.0, 0.35, 1.0, 2.5, 0.62, 3.0);
  }

  /**
   * A cool, changeable mid-latitude late spring (290 K, clear-sky diurnal range 12 K, typical
   * cloud fraction 0.45, a storm every three days of mean 8 mm): the weather of the cascade twins
   * ({@code org.cml4j.testbeds.twin.CascadeTwin}), whose evaporative fraction is centred on 288 K.
   * Cloudy and clear days alternate: over the twins' 30 days (seeds 1–3) the daily shortwave total
   * of the sunniest day is 1.8–2.4 times that of the dullest.
   */
  public static Climate changeableSpring() {
    return new Climate(290.0, 12.0, 0.45, 0.33, 8.0, 0.68, 3.5);
  }

  /** A heat wave with drought: 6 K warmer, clear skies, no rain, dry air. */
  public static Climate heatWave() {
    return new Climate(301.0, 14.0, 0.08, 0.0, 0.0, 0.35, 2.6);
  }

  /** Linear blend {@code (1-w) this + w other}. */
  public Climate blend(Climate other, double w) {
    return new Climate(mix(meanTair, other.meanTair, w), mix(diurnalRange, other.diurnalRange, w),
        mix(meanCloud, other.meanCloud, w), mix(stormsPerDay, other.stormsPerDay, w),
        mix(stormDepth, other.stormDepth, w), mix(relativeHumidity, other.relativeHumidity, w),
        mix(meanWind, other.meanWind, w));
  }

  private static double mix(double a, double b, double w) {
    return (1 - w) * a + w * b;
  }

  private static void check(String name, double v, double lo, double hi, String unit) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException("climate " + name + " = " + v + " " + unit
          + " outside the allowed range [" + lo + ", " + hi + "]");
    }
  }
}
