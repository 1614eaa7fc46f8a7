package org.cml4j.fuse.twin;

import java.util.Random;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Seeded hourly weather with day-to-day variability, for synthetic twins: a cloud cover that
 * persists from day to day (AR(1)), shortwave from a clear-sky diurnal curve dimmed by clouds, air
 * temperature from a mean-reverting synoptic mean plus a cloud-dependent diurnal cycle (minimum
 * 03:00, maximum 15:00), downwelling longwave from Brutsaert-style clear-sky emissivity raised by
 * clouds, and a wind speed with a synoptic level and an afternoon maximum. Unlike the idealised
 * forcing of Huang et al. (2025) no two days are alike, so a learner trained on a few days must
 * extrapolate to the weather of later ones.
 */
public final class SyntheticWeather {
  /** 2020-06-01T00:00Z: the first record of every synthetic series. */
  public static final long START_EPOCH = 1_590_969_600L;
  private static final double SIGMA = 5.67e-8;

  private SyntheticWeather() {}

  /**
   * Hourly SWdown, LWdown [W m-2], Tair [K] and Wind [m s-1] over {@code hours} records.
   *
   * @param hours number of hourly records (>= 2)
   * @param seed random seed
   */
  public static Frame hourly(int hours, long seed) {
    if (hours < 2) {
      throw new IllegalArgumentException("synthetic weather needs at least 2 hours, got " + hours);
    }
    Random rnd = new Random(seed);
    double[] sw = new double[hours];
    double[] lw = new double[hours];
    double[] ta = new double[hours];
    double[] wind = new double[hours];
    double cloudDay = rnd.nextDouble() * 0.6;
    double tMean = 291 + 4 * rnd.nextDouble();
    double windDay = 1.5 + 2.5 * rnd.nextDouble();
    double cloudNoise = 0;
    double windNoise = 0;
    for (int i = 0; i < hours; i++) {
      int hour = i % 24;
      if (hour == 0 && i > 0) {
        cloudDay = clamp(0.55 * cloudDay + 0.45 * rnd.nextDouble(), 0, 1);
        tMean = 293 + 0.75 * (tMean - 293) + 1.6 * rnd.nextGaussian();
        windDay = clamp(0.5 * windDay + 0.5 * (1 + 4 * rnd.nextDouble()), 0.5, 6);
      }
      cloudNoise = 0.8 * cloudNoise + 0.08 * rnd.nextGaussian();
      windNoise = 0.7 * windNoise + 0.3 * rnd.nextGaussian();
      double cloud = clamp(cloudDay + cloudNoise, 0, 1);
      double clear = hour > 6 && hour < 20
          ? 900 * Math.pow(Math.sin(Math.PI * (hour - 6) / 14.0), 1.2) : 0;
      sw[i] = clear * (1 - 0.75 * cloud);
      double amplitude = 2.5 + 5.5 * (1 - cloudDay);
      ta[i] = tMean + amplitude * Math.sin(2 * Math.PI * (hour - 9) / 24.0);
      double emissivity = 0.70 + 0.24 * cloud;
      lw[i] = emissivity * SIGMA * Math.pow(ta[i], 4);
      wind[i] = Math.max(0.3, windDay + 1.2 * Math.sin(2 * Math.PI * (hour - 9) / 24.0)
          + windNoise);
    }
    long[] t = new long[hours];
    for (int i = 0; i < hours; i++) {
      t[i] = START_EPOCH + 3600L * i;
    }
    return Frame.onAxis(t, 3600).with(Variables.SWDOWN, sw).with(Variables.LWDOWN, lw)
        .with(Variables.TAIR, ta).with("Wind", wind);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
