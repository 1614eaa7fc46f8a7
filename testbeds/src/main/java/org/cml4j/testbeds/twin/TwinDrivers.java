package org.cml4j.testbeds.twin;

import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.MoistureField;

/**
 * The hidden drivers of the {@link TwinScenario} truth, derived from the weather: a soil-moisture
 * response to rain (exponential drying of the top layer after rain, lagged and damped with depth:
 * an ad-hoc cascade of linear reservoirs, cf. the bucket model of Manabe 1969) and the diurnally
 * and moisture-varying turbulent exchange {@code hbeta = h(t) / (1 - EF(t))} with a convective
 * transfer coefficient {@code h} and an evaporative fraction {@code EF} rising with surface
 * moisture, i.e. a Bowen ratio {@code beta = (1 - EF) / EF} that varies with the time of day and
 * the water content.
 */
public final class TwinDrivers {
  /** Moisture depths [m] of {@link #moisture}. */
  public static final double[] MOISTURE_DEPTHS = {0, 0.05, 0.1, 0.2, 0.4, 1.0};
  private static final double THETA_RESIDUAL = 0.08;
  private static final double THETA_MAX = 0.40;

  private TwinDrivers() {}

  /**
   * Water content [m3 m-3] at {@link #MOISTURE_DEPTHS} from hourly rain [mm per hour, i.e. mm
   * per level]: the top 5 cm gains rain / 50 mm and dries towards the residual (0.08) with a
   * 2-day time scale; each deeper level relaxes towards the one above with time scales of 1.5, 3,
   * 6, 12 and 30 days; all clipped to [0.08, 0.40].
   */
  public static MoistureField moisture(double[] rainMmPerHour) {
    int levels = rainMmPerHour.length;
    int nd = MOISTURE_DEPTHS.length;
    double[][] th = new double[levels][nd];
    double[] tau = {48, 36, 72, 144, 288, 720};
    double[] cur = {0.18, 0.18, 0.2, 0.22, 0.24, 0.26};
    for (int k = 0; k < levels; k++) {
      if (!(rainMmPerHour[k] >= 0)) {
        throw new IllegalArgumentException("twin moisture: rain at level " + k + " is "
            + rainMmPerHour[k] + " mm h-1, allowed >= 0");
      }
      double[] next = cur.clone();
      next[0] = THETA_RESIDUAL + (cur[0] - THETA_RESIDUAL) * Math.exp(-1 / tau[0])
          + rainMmPerHour[k] / 50;
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
   * EF)}; ranges from about 7 (dry night) to about 65 (wet noon).
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
