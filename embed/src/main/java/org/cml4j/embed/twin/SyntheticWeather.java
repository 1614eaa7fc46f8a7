package org.cml4j.embed.twin;

import java.util.Random;
import org.cml4j.embed.physics.MoistureField;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Seeded hourly weather for twin experiments, starting at local midnight: a diurnal shortwave
 * cycle damped by day-to-day cloudiness (AR(1)), air temperature with a diurnal cycle, synoptic
 * drift and cloud damping, longwave from an effective sky emissivity (Brutsaert-like, 0.75 clear
 * to 0.95 overcast), random rain days, and a soil-moisture response (exponential drying of the
 * top layer after rain, lagged and damped with depth). Also the diurnally and moisture-varying
 * turbulent exchange {@code hbeta = h(t) / (1 - EF(t))} with a convective transfer coefficient
 * {@code h} and an evaporative fraction {@code EF} rising with surface moisture, i.e. a Bowen
 * ratio {@code beta = (1 - EF) / EF} that varies with the time of day and the water content.
 *
 * @param meanTair mean air temperature [K]
 * @param diurnalAmplitude half the clear-sky diurnal air-temperature range [K]
 * @param peakKdown clear-sky noon shortwave [W m-2]
 * @param rainProbability probability of a rain event per day
 */
public record SyntheticWeather(double meanTair, double diurnalAmplitude, double peakKdown,
    double rainProbability) {
  /** Moisture depths [m] of {@link #moisture}. */
  public static final double[] MOISTURE_DEPTHS = {0, 0.05, 0.1, 0.2, 0.4, 1.0};
  private static final double THETA_RESIDUAL = 0.08;
  private static final double THETA_MAX = 0.40;

  /** Mid-latitude summer: 293 K mean, 6 K amplitude, 850 W m-2 peak, rain on 25 % of days. */
  public static SyntheticWeather summer() {
    return new SyntheticWeather(293, 6, 850, 0.25);
  }

  /** One generated weather series. */
  public record Series(SurfaceForcing forcing, double[] rain, MoistureField moisture) {
    public int levels() {
      return forcing.length();
    }

    /** Levels [from, to). */
    public Series slice(int from, int to) {
      return new Series(forcing.slice(from, to), java.util.Arrays.copyOfRange(rain, from, to),
          moisture.slice(from, to));
    }
  }

  /** {@code levels} hourly levels from midnight, seeded. */
  public Series generate(int levels, long seed) {
    Random rnd = new Random(seed);
    double[] k = new double[levels];
    double[] l = new double[levels];
    double[] ta = new double[levels];
    double[] rain = new double[levels];
    double cloud = 0.3;
    double synoptic = 0;
    boolean rainDay = false;
    int rainHour = 0;
    for (int i = 0; i < levels; i++) {
      int hour = i % 24;
      if (hour == 0) {
        cloud = clamp(0.6 * cloud + 0.4 * rnd.nextDouble() * 0.9, 0, 0.9);
        synoptic = 0.7 * synoptic + 1.5 * rnd.nextGaussian();
        rainDay = rnd.nextDouble() < rainProbability;
        rainHour = 12 + rnd.nextInt(8);
        if (rainDay) {
          cloud = Math.max(cloud, 0.6);
        }
      }
      double sun = Math.max(0, Math.sin(Math.PI * (hour - 6) / 14.0));
      k[i] = peakKdown * sun * (1 - 0.7 * cloud * cloud);
      ta[i] = meanTair + synoptic + diurnalAmplitude * (1 - 0.5 * cloud)
          * Math.sin(2 * Math.PI * (hour - 9) / 24.0);
      double skyEmissivity = 0.75 + 0.2 * cloud;
      l[i] = skyEmissivity * Output.SIGMA * Math.pow(ta[i], 4);
      if (rainDay && hour >= rainHour && hour < rainHour + 3) {
        rain[i] = 3 + 6 * rnd.nextDouble();
        k[i] *= 0.4;
        ta[i] -= 1.5;
      }
    }
    return new Series(new SurfaceForcing(k, l, ta), rain, moisture(rain));
  }

  /**
   * Water content at {@link #MOISTURE_DEPTHS} from hourly rain [mm]: the top 5 cm gains rain / 50
   * mm and dries towards the residual with a 2-day time scale; each deeper level relaxes towards
   * the one above with time scales of 1.5, 3, 6, 12 and 30 days.
   */
  public static MoistureField moisture(double[] rain) {
    int levels = rain.length;
    int nd = MOISTURE_DEPTHS.length;
    double[][] th = new double[levels][nd];
    double[] tau = {48, 36, 72, 144, 288, 720};
    double[] cur = {0.18, 0.18, 0.2, 0.22, 0.24, 0.26};
    for (int k = 0; k < levels; k++) {
      double[] next = cur.clone();
      next[0] = THETA_RESIDUAL + (cur[0] - THETA_RESIDUAL) * Math.exp(-1 / tau[0]) + rain[k] / 50;
      next[0] = clamp(next[0], THETA_RESIDUAL, THETA_MAX);
      for (int j = 1; j < nd; j++) {
        next[j] = clamp(cur[j] + (cur[j - 1] - cur[j]) / tau[j], THETA_RESIDUAL, THETA_MAX);
      }
      th[k] = next;
      cur = next;
    }
    return new MoistureField(MOISTURE_DEPTHS, th);
  }

  /**
   * The varying exchange coefficient [W m-2 K-1]: {@code h = 6 + 10 Kdown / 850} (stronger
   * daytime convection), {@code EF = 0.75 min(1, theta_surface / 0.35)}, {@code hbeta = h / (1 -
   * EF)}; ranges from about 7 (dry night) to about 60 (wet noon).
   */
  public static double[] exchangeCoefficient(SurfaceForcing f, MoistureField m) {
    double[] hb = new double[f.length()];
    for (int k = 0; k < hb.length; k++) {
      double h = 6 + 10 * Math.max(0, f.kdown()[k]) / 850;
      double ef = 0.75 * Math.min(1, m.at(0, k) / 0.35);
      hb[k] = h / (1 - ef);
    }
    return hb;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
