package org.cml4j.testbeds.twin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * How the structural twin's sensors see the truth: Gaussian noise with standard deviation
 * {@code absolute + relative |x|} (heteroscedastic, as eddy-covariance random errors; Richardson et
 * al. 2006) and gaps. Gaps are blocks of 1 to {@code 2 meanGapHours - 1} hours placed until the
 * requested fraction of each variable is missing; eddy-covariance fluxes (Qh, Qle) are also missing
 * in every raining hour (wet sonic anemometer / open-path analyser). Soil temperatures are never
 * missing at the first hour of a day, so every sample-efficiency window starts with an observed
 * profile.
 */
public final class ObservationModel {
  /**
   * Sensor characteristics of one variable.
   *
   * @param absolute noise standard deviation [unit of the variable]
   * @param relative extra noise standard deviation as a fraction of |value| [-]
   * @param gapFraction target fraction of missing values [0, 1)
   * @param meanGapHours mean gap length [h]
   * @param missingInRain true if missing whenever it rains
   */
  public record Sensor(double absolute, double relative, double gapFraction, int meanGapHours,
      boolean missingInRain) {
    public Sensor {
      if (!(absolute >= 0 && relative >= 0 && gapFraction >= 0 && gapFraction < 0.9
          && meanGapHours >= 1)) {
        throw new IllegalArgumentException("sensor needs noise >= 0, gap fraction in [0, 0.9)"
            + " and mean gap >= 1 h; got " + absolute + ", " + relative + ", " + gapFraction
            + ", " + meanGapHours);
      }
    }
  }

  private final Map<String, Sensor> sensors;

  /** Sensors by variable name (soil temperatures may share the key {@code SoilTemp}). */
  public ObservationModel(Map<String, Sensor> sensors) {
    this.sensors = Map.copyOf(sensors);
  }

  /**
   * Version-1 sensors: soil temperature 0.1 K, 2 % gaps (3 h); Qg 5 W m-2 + 5 %, 5 % gaps (4 h);
   * LWup 3 W m-2 + 1 %, 3 % gaps (3 h); Qh and Qle 10 W m-2 + 10 %, 12 % gaps (5 h) plus rain.
   */
  public static ObservationModel standard() {
    Map<String, Sensor> m = new LinkedHashMap<>();
    m.put("SoilTemp", new Sensor(0.1, 0, 0.02, 3, false));
    m.put(Variables.QG, new Sensor(5, 0.05, 0.05, 4, false));
    m.put(Variables.LWUP, new Sensor(3, 0.01, 0.03, 3, false));
    m.put(Variables.QH, new Sensor(10, 0.1, 0.12, 5, true));
    m.put(Variables.QLE, new Sensor(10, 0.1, 0.12, 5, true));
    return new ObservationModel(m);
  }

  /** The sensor of a variable; throws naming the known ones. */
  public Sensor sensor(String variable) {
    Sensor s = sensors.get(Variables.isSoilTemperature(variable) ? "SoilTemp" : variable);
    if (s == null) {
      s = sensors.get(variable);
    }
    if (s == null) {
      throw new IllegalArgumentException("no sensor for " + variable + "; known: "
          + sensors.keySet());
    }
    return s;
  }

  /**
   * Observations of {@code variables} from {@code truth}: noisy, with gaps.
   *
   * @param rainf rain rate on the same axis [kg m-2 s-1] (for rain-induced gaps)
   * @param seed seed; each variable uses its own stream derived from it and its name
   */
  public Frame observe(Frame truth, List<String> variables, double[] rainf, long seed) {
    Frame out = truth.select(List.of());
    for (String v : variables) {
      Sensor s = sensor(v);
      Random rnd = new Random(seed * 1_000_003L + v.hashCode());
      double[] x = truth.values(v);
      for (int i = 0; i < x.length; i++) {
        x[i] += (s.absolute() + s.relative() * Math.abs(x[i])) * rnd.nextGaussian();
      }
      boolean[] gap = gaps(x.length, s, rnd);
      boolean soil = Variables.isSoilTemperature(v);
      long[] times = truth.times();
      for (int i = 0; i < x.length; i++) {
        boolean dayStart = Math.floorMod(times[i], 86400L) == 0;
        if ((gap[i] && !(soil && dayStart)) || (s.missingInRain() && rainf[i] > 0)) {
          x[i] = Double.NaN;
        }
      }
      out = out.with(truth.spec(v), x);
    }
    return out;
  }

  private static boolean[] gaps(int n, Sensor s, Random rnd) {
    boolean[] g = new boolean[n];
    int target = (int) Math.round(s.gapFraction() * n);
    int missing = 0;
    for (int tries = 0; missing < target && tries < 100 * n; tries++) {
      int len = 1 + rnd.nextInt(2 * s.meanGapHours() - 1);
      int start = rnd.nextInt(n);
      for (int i = start; i < Math.min(n, start + len) && missing < target; i++) {
        if (!g[i]) {
          g[i] = true;
          missing++;
        }
      }
    }
    return g;
  }
}
