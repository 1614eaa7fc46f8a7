package org.cml4j.core.features;

/**
 * Time-of-day features from epoch seconds (UTC; a site's fixed time-zone offset is a phase the
 * learners absorb). Two formulations exist because results were produced with each and they
 * differ in the last bits: the hour pair {@link #sinHour}/{@link #cosHour} evaluates
 * {@code 2 pi h / 24} with the hour {@code h} in [0, 24), the harmonics of {@link #harmonics}
 * evaluate {@code k * 2 pi s / 86400} with the second of the day {@code s}.
 */
public final class DayCycle {
  private static final long DAY = 86400L;

  private DayCycle() {}

  /** Hour of the (UTC) day in [0, 24) of an epoch second. */
  public static double hour(long epochSecond) {
    return Math.floorMod(epochSecond, DAY) / 3600.0;
  }

  /** {@code sin(2 pi hour / 24)}. */
  public static double sinHour(double hour) {
    return Math.sin(2 * Math.PI * hour / 24);
  }

  /** {@code cos(2 pi hour / 24)}. */
  public static double cosHour(double hour) {
    return Math.cos(2 * Math.PI * hour / 24);
  }

  /**
   * Diurnal harmonics [t][2 count]: for k = 1..count, sin and cos of {@code k * 2 pi s / 86400}
   * (s = second of the day), i.e. the 24 h, 12 h, 8 h, ... cycles.
   */
  public static double[][] harmonics(long[] epochSeconds, int count) {
    double[][] f = new double[epochSeconds.length][2 * count];
    for (int i = 0; i < epochSeconds.length; i++) {
      double ph = 2 * Math.PI * Math.floorMod(epochSeconds[i], DAY) / (double) DAY;
      for (int k = 1; k <= count; k++) {
        f[i][2 * k - 2] = Math.sin(k * ph);
        f[i][2 * k - 1] = Math.cos(k * ph);
      }
    }
    return f;
  }
}
