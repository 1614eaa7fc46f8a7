package org.cml4j.testbeds.weather;

import java.util.Random;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Seeded synthetic surface forcing with realistic day-to-day variability, for synthetic twins:
 * daily cloud transmissivity as an AR(1) process in [0.25, 1] (with hourly flicker), clear-sky
 * shortwave {@code 850 sin(pi (h - 6) / 12)^1.2} between 06 and 18 h, air temperature as a
 * synoptic AR(1) anomaly around {@code meanTair} plus a diurnal wave peaking at 15 h whose
 * amplitude grows with transmissivity, and downwelling longwave from an effective sky emissivity
 * {@code 0.72 + 0.2 (1 - transmissivity)} (Brutsaert-like, cloudier = warmer sky).
 */
public final class SyntheticForcing {
  private static final double SIGMA = 5.67e-8;

  private SyntheticForcing() {}

  /**
   * Forcing frame (SWdown, LWdown [W m-2], Tair [K]) of {@code steps} steps starting at midnight
   * (epoch 0 + {@code startSeconds}).
   *
   * @param steps number of steps (>= 2)
   * @param stepSeconds step in seconds (divides one day)
   * @param startSeconds epoch seconds of the first step (multiple of one day for midnight)
   * @param meanTair mean air temperature [K]
   * @param seed random seed
   */
  public static Frame generate(int steps, long stepSeconds, long startSeconds, double meanTair,
      long seed) {
    if (steps < 2 || stepSeconds <= 0 || 86400 % stepSeconds != 0) {
      throw new IllegalArgumentException("synthetic forcing needs >= 2 steps and a step dividing"
          + " one day, got " + steps + " steps of " + stepSeconds + " s");
    }
    Random rnd = new Random(seed);
    int days = (int) ((steps * stepSeconds) / 86400) + 2;
    double[] tau = new double[days];
    double[] anom = new double[days];
    double c = 0.75;
    double a = 0;
    for (int d = 0; d < days; d++) {
      c = 0.75 + 0.6 * (c - 0.75) + 0.22 * rnd.nextGaussian();
      c = Math.max(0.25, Math.min(1.0, c));
      a = 0.7 * a + 1.6 * rnd.nextGaussian();
      tau[d] = c;
      anom[d] = a;
    }
    double[] sw = new double[steps];
    double[] lw = new double[steps];
    double[] ta = new double[steps];
    long[] times = new long[steps];
    for (int i = 0; i < steps; i++) {
      long t = startSeconds + i * stepSeconds;
      times[i] = t;
      double dayPos = (double) (i * stepSeconds) / 86400.0;
      int d = (int) Math.floor(dayPos);
      double frac = dayPos - d;
      double h = Math.floorMod(t, 86400L) / 3600.0;
      double tr = Math.max(0.2, Math.min(1.0, tau[d] * (1 + 0.08 * rnd.nextGaussian())));
      double s = Math.sin(Math.PI * (h - 6) / 12);
      sw[i] = h > 6 && h < 18 ? 850 * Math.pow(Math.max(0, s), 1.2) * tr : 0;
      double synoptic = anom[d] + (anom[d + 1] - anom[d]) * frac;
      double amp = 3 + 5 * tau[d];
      ta[i] = meanTair + synoptic + amp * Math.cos(2 * Math.PI * (h - 15) / 24);
      double skyEps = 0.72 + 0.2 * (1 - tau[d]);
      lw[i] = skyEps * SIGMA * Math.pow(ta[i], 4) + 4 * rnd.nextGaussian();
    }
    return Frame.onAxis(times, stepSeconds).with(Variables.SWDOWN, sw)
        .with(Variables.LWDOWN, lw).with(Variables.TAIR, ta);
  }
}
