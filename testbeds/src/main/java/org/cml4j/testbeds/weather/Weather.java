package org.cml4j.testbeds.weather;

import java.util.Arrays;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Hourly near-surface weather at time levels t_0..t_{n-1}: the forcing of the structural twin and
 * two hidden drivers (cloud fraction and the sine of the solar elevation) that the truth model uses
 * but the couplings do not see. Values at level k apply to the step t_{k-1} -&gt; t_k (rain is the
 * mean rate over that hour), as in the backward-Euler convention of the column model.
 *
 * @param times UTC epoch seconds, hourly (local solar time = UTC: the site is at 0 deg E)
 * @param swdown downwelling shortwave radiation [W m-2]
 * @param lwdown downwelling longwave radiation [W m-2]
 * @param tair air temperature [K]
 * @param rainf rain rate [kg m-2 s-1] (= mm s-1)
 * @param wind wind speed [m s-1]
 * @param cloud cloud fraction [0, 1] (hidden)
 * @param sinElevation sine of the solar elevation, negative at night (hidden)
 */
public record Weather(long[] times, double[] swdown, double[] lwdown, double[] tair,
    double[] rainf, double[] wind, double[] cloud, double[] sinElevation) {
  /** Time step [s]. */
  public static final long STEP = 3600;

  public Weather {
    int n = times.length;
    for (double[] a : new double[][] {swdown, lwdown, tair, rainf, wind, cloud, sinElevation}) {
      if (a.length != n) {
        throw new IllegalArgumentException("weather series must all have " + n + " values, got "
            + a.length);
      }
    }
  }

  /** Number of time levels. */
  public int size() {
    return times.length;
  }

  /** Local solar hour of day [0, 24) of level k. */
  public double hourOfDay(int k) {
    return Math.floorMod(times[k], 86400L) / 3600.0;
  }

  /** Levels [from, to). */
  public Weather slice(int from, int to) {
    return new Weather(Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(swdown, from, to),
        Arrays.copyOfRange(lwdown, from, to), Arrays.copyOfRange(tair, from, to),
        Arrays.copyOfRange(rainf, from, to), Arrays.copyOfRange(wind, from, to),
        Arrays.copyOfRange(cloud, from, to), Arrays.copyOfRange(sinElevation, from, to));
  }

  /** The observable forcing: SWdown, LWdown, Tair, Rainf and Wind (no hidden drivers). */
  public Frame forcingFrame() {
    return Frame.onAxis(times, STEP).with(Variables.SWDOWN, swdown).with(Variables.LWDOWN, lwdown)
        .with(Variables.TAIR, tair).with("Rainf", rainf).with("Wind", wind);
  }

  /** Total rain over levels [from, to) [mm]. */
  public double rainDepth(int from, int to) {
    double s = 0;
    for (int k = from; k < to; k++) {
      s += rainf[k] * STEP;
    }
    return s;
  }
}
