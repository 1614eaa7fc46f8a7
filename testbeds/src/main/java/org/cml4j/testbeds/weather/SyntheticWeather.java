package org.cml4j.testbeds.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.cml4j.lsm.model.Output;

/**
 * Seeded stochastic hourly weather for the structural-twin tasks, at a site at latitude
 * {@code latitude}, 0 deg E (local solar time = UTC):
 * <ul>
 *   <li><b>Rain</b>: storms start as a Poisson process ({@link Climate#stormsPerDay}), last 2–6 h
 *   with an exponentially distributed depth (mean {@link Climate#stormDepth}), at constant rate;
 *   none starts in an optional dry spell, and a first storm can be guaranteed.</li>
 *   <li><b>Clouds</b>: cloud fraction {@code c = logistic(logit(meanCloud) + 1.4 z)} with z an
 *   hourly AR(1) process (e-folding 6 h); at least 0.95 during a storm, and raised after it
 *   (decaying over 6 h).</li>
 *   <li><b>SWdown</b>: clear-sky {@code 1361 sin(e) 0.75^(1/sin e)} (solar elevation e from the
 *   date, hour and latitude; Cooper 1969 declination) times the cloud factor
 *   {@code 1 - 0.75 c^3.4} (Kasten &amp; Czeplak 1980).</li>
 *   <li><b>Tair</b>: mean + AR(1) synoptic anomaly (e-folding 36 h, std 1.8 K) + a diurnal cosine
 *   peaking at 15 h whose range shrinks with clouds ({@code (1 - 0.6c)}); 2 K cooler while it
 *   rains.</li>
 *   <li><b>LWdown</b>: {@code [c + (1-c) eps_clear] sigma Tair^4} (Crawford &amp; Duchon 1999) with
 *   Brutsaert (1975) {@code eps_clear = 1.24 (e_a/Tair)^(1/7)}, e_a [hPa] from a relative humidity
 *   that rises with clouds and falls in the afternoon (Bolton 1980 saturation pressure).</li>
 *   <li><b>Wind</b>: mean speed, stronger by day, plus AR(1) gusts (e-folding 4 h), at least
 *   0.3 m s-1.</li>
 * </ul>
 * Every hour draws the same six random numbers whatever the climate, so two runs with the same
 * seed have identical weather up to the hour where their climates differ.
 */
public final class SyntheticWeather {
  private SyntheticWeather() {}

  /**
   * What to generate.
   *
   * @param start first time level (UTC, on the hour)
   * @param hours number of hourly levels
   * @param latitude site latitude [deg N]
   * @param climate climate before {@code shiftHour}
   * @param shifted climate reached 24 h after {@code shiftHour} (linear transition), or null
   * @param shiftHour level at which the climate starts to change (ignored if shifted is null)
   * @param firstStormBy if no storm has started before this level, one (of mean depth) starts
   *     at it, provided the climate has storms; -1 for no guarantee
   * @param dryFrom first level of a dry spell in which no storm may start
   * @param dryTo end (exclusive) of the dry spell ({@code dryTo <= dryFrom}: none)
   */
  public record Spec(Instant start, int hours, double latitude, Climate climate, Climate shifted,
      int shiftHour, int firstStormBy, int dryFrom, int dryTo) {
    public Spec {
      if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
        throw new IllegalArgumentException("weather start must be on the hour, got " + start);
      }
      if (hours < 1) {
        throw new IllegalArgumentException("weather needs at least 1 hour, got " + hours);
      }
      if (!(Math.abs(latitude) <= 66)) {
        throw new IllegalArgumentException("latitude " + latitude + " deg outside [-66, 66]");
      }
    }

    /** One climate throughout, no guaranteed storm, no dry spell. */
    public static Spec of(Instant start, int hours, double latitude, Climate climate) {
      return new Spec(start, hours, latitude, climate, null, 0, -1, 0, 0);
    }
  }

  /** Generates the weather of {@code spec} with {@code seed}. */
  public static Weather generate(Spec spec, long seed) {
    int n = spec.hours();
    long[] t = new long[n];
    double[] sw = new double[n];
    double[] lw = new double[n];
    double[] ta = new double[n];
    double[] rain = new double[n];
    double[] wind = new double[n];
    double[] cloud = new double[n];
    double[] sinE = new double[n];
    Random rnd = new Random(seed);
    double phiT = Math.exp(-1 / 36.0);
    double phiC = Math.exp(-1 / 6.0);
    double phiW = Math.exp(-1 / 4.0);
    double anomaly = 0;
    double z = 0;
    double gust = 0;
    int stormLeft = 0;
    double stormRate = 0;
    double sinceStorm = 1e9;
    boolean anyStorm = false;
    double lat = Math.toRadians(spec.latitude());
    for (int i = 0; i < n; i++) {
      double g1 = rnd.nextGaussian();
      double g2 = rnd.nextGaussian();
      double g3 = rnd.nextGaussian();
      double u1 = rnd.nextDouble();
      double u2 = rnd.nextDouble();
      double u3 = rnd.nextDouble();
      Climate c = climateAt(spec, i);
      t[i] = spec.start().getEpochSecond() + 3600L * i;
      // rain
      if (stormLeft == 0) {
        boolean forced = !anyStorm && i == spec.firstStormBy() && c.stormsPerDay() > 0;
        boolean dry = i >= spec.dryFrom() && i < spec.dryTo();
        if (forced || (!dry && u1 < c.stormsPerDay() / 24)) {
          stormLeft = 2 + (int) Math.floor(u2 * 5);
          double depth = forced ? c.stormDepth() : -c.stormDepth() * Math.log(1 - u3);
          stormRate = depth / stormLeft;
          anyStorm = true;
        }
      }
      boolean raining = stormLeft > 0;
      if (raining) {
        rain[i] = stormRate / 3600.0;
        stormLeft--;
        sinceStorm = 0;
      } else {
        sinceStorm++;
      }
      // clouds
      z = phiC * z + Math.sqrt(1 - phiC * phiC) * g2;
      double logit = Math.log(c.meanCloud() / (1 - c.meanCloud()));
      double cl = 1 / (1 + Math.exp(-(logit + 1.4 * z)));
      cl = raining ? Math.max(cl, 0.95) : cl + (1 - cl) * 0.5 * Math.exp(-sinceStorm / 6.0);
      cloud[i] = cl;
      // temperature
      double hour = Math.floorMod(t[i], 86400L) / 3600.0;
      double diurnal = Math.cos(2 * Math.PI * (hour - 15) / 24);
      anomaly = phiT * anomaly + 1.8 * Math.sqrt(1 - phiT * phiT) * g1;
      ta[i] = c.meanTair() + anomaly + 0.5 * c.diurnalRange() * (1 - 0.6 * cl) * diurnal
          - (raining ? 2 : 0);
      // shortwave
      sinE[i] = sinSolarElevation(t[i], lat);
      double clear = sinE[i] > 0 ? 1361 * sinE[i] * Math.pow(0.75, 1 / Math.max(sinE[i], 0.05))
          : 0;
      sw[i] = clear * (1 - 0.75 * Math.pow(cl, 3.4));
      // longwave
      double rh = raining ? 0.97 : Math.max(0.1, Math.min(1, c.relativeHumidity()
          + 0.25 * (cl - c.meanCloud()) - 0.15 * diurnal));
      double tc = ta[i] - 273.15;
      double ea = rh * 6.112 * Math.exp(17.67 * tc / (tc + 243.5));
      double epsClear = 1.24 * Math.pow(ea / ta[i], 1 / 7.0);
      lw[i] = (cl + (1 - cl) * epsClear) * Output.SIGMA * Math.pow(ta[i], 4);
      // wind
      gust = phiW * gust + Math.sqrt(1 - phiW * phiW) * g3;
      wind[i] = Math.max(0.3, c.meanWind() * (0.7 + 0.5 * Math.max(0, sinE[i])) + 0.8 * gust);
    }
    return new Weather(t, sw, lw, ta, rain, wind, cloud, sinE);
  }

  private static Climate climateAt(Spec spec, int i) {
    if (spec.shifted() == null || i < spec.shiftHour()) {
      return spec.climate();
    }
    double w = Math.min(1, (i - spec.shiftHour() + 1) / 24.0);
    return spec.climate().blend(spec.shifted(), w);
  }

  /** Sine of the solar elevation at UTC epoch second {@code t}, 0 deg E, latitude in radians. */
  static double sinSolarElevation(long t, double lat) {
    int doy = LocalDate.ofEpochDay(Math.floorDiv(t, 86400L)).getDayOfYear();
    double hour = Math.floorMod(t, 86400L) / 3600.0;
    double decl = Math.toRadians(23.44) * Math.sin(2 * Math.PI * (284 + doy) / 365.0);
    double hourAngle = Math.toRadians(15 * (hour - 12));
    return Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
  }
}
