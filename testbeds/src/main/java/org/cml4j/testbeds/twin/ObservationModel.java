package org.cml4j.testbeds.twin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * How every twin's sensors see the truth (the one sensor procedure of the twins): per variable,
 * Gaussian noise with standard deviation {@code absolute + relative |x|} (heteroscedastic, as
 * eddy-covariance random errors; Richardson et al. 2006), optional single-step spikes, and gaps.
 * Gaps are blocks of 1 to {@code 2 meanGapHours - 1} hours placed until the requested fraction of
 * each variable is missing; a sensor may also be missing in every raining hour (eddy-covariance
 * Qh and Qle: wet sonic anemometer / open-path analyser). Soil temperatures are never missing at
 * the first hour of a day, so every sample-efficiency window starts with an observed profile.
 * Outages ({@link #withOutages}) blank all variables together (a logger failure), e.g. to cut
 * gaps into a forcing record.
 *
 * <p>Random draws: by default each variable uses its own stream derived from the seed and its
 * name (adding a variable leaves the others' draws unchanged); {@link #gaussian} sensors draw from
 * one stream seeded with the seed, in the order of the variables.
 */
public final class ObservationModel {
  /** Key of the sensor shared by all soil temperatures. */
  public static final String SOIL_TEMPERATURE = "SoilTemp";
  /** Key of the sensor of variables without a sensor of their own or of their unit. */
  public static final String ANY = "*";

  /**
   * Sensor characteristics of one variable.
   *
   * @param absolute noise standard deviation [unit of the variable]
   * @param relative extra noise standard deviation as a fraction of |value| [-]
   * @param gapFraction target fraction of missing values [0, 0.9)
   * @param meanGapHours mean gap length [h]
   * @param missingInRain true if missing whenever it rains
   * @param spikes number of single-step spikes added after the noise (never at the first step)
   * @param spikeSize typical spike magnitude [unit of the variable]: each spike is
   *     {@code +-spikeSize u}, u uniform in [0.7, 1.3)
   */
  public record Sensor(double absolute, double relative, double gapFraction, int meanGapHours,
      boolean missingInRain, int spikes, double spikeSize) {
    public Sensor {
      if (!(absolute >= 0 && relative >= 0 && gapFraction >= 0 && gapFraction < 0.9
          && meanGapHours >= 1 && spikes >= 0 && spikeSize >= 0)) {
        throw new IllegalArgumentException("sensor needs noise >= 0, gap fraction in [0, 0.9),"
            + " mean gap >= 1 h, spikes >= 0 of size >= 0; got " + absolute + ", " + relative
            + ", " + gapFraction + ", " + meanGapHours + ", " + spikes + " x " + spikeSize);
      }
    }

    /** A sensor without spikes. */
    public Sensor(double absolute, double relative, double gapFraction, int meanGapHours,
        boolean missingInRain) {
      this(absolute, relative, gapFraction, meanGapHours, missingInRain, 0, 0);
    }

    /** Uniform Gaussian noise of standard deviation {@code sd}, no gaps, no spikes. */
    public static Sensor gaussian(double sd) {
      return new Sensor(sd, 0, 0, 1, false);
    }

    /** This sensor with gaps: {@code fraction} of the values in blocks of mean length [h]. */
    public Sensor withGaps(double fraction, int meanHours) {
      return new Sensor(absolute, relative, fraction, meanHours, missingInRain, spikes,
          spikeSize);
    }

    /** This sensor with {@code count} spikes of about {@code size}. */
    public Sensor withSpikes(int count, double size) {
      return new Sensor(absolute, relative, gapFraction, meanGapHours, missingInRain, count,
          size);
    }
  }

  /**
   * What the sensors recorded.
   *
   * @param values noisy, gappy observations
   * @param spikes per variable, true where a spike was added
   */
  public record Observation(Frame values, Map<String, boolean[]> spikes) {}

  private final Map<String, Sensor> sensors;
  private final boolean sharedStream;
  private final int outages;
  private final int outageHours;

  /**
   * Sensors by key: a variable name, {@link #SOIL_TEMPERATURE} for all soil temperatures,
   * {@code [unit]} (e.g. {@code [K]}) for all variables of a unit, or {@link #ANY}; each variable
   * draws from its own stream, no outages.
   */
  public ObservationModel(Map<String, Sensor> sensors) {
    this(sensors, false, 0, 1);
  }

  private ObservationModel(Map<String, Sensor> sensors, boolean sharedStream, int outages,
      int outageHours) {
    if (outages < 0 || outageHours < 1) {
      throw new IllegalArgumentException("outages: need count >= 0 and length >= 1 h, got "
          + outages + " x " + outageHours + " h");
    }
    this.sensors = Map.copyOf(sensors);
    this.sharedStream = sharedStream;
    this.outages = outages;
    this.outageHours = outageHours;
  }

  /**
   * Version-1 sensors of the structural twin: soil temperature 0.1 K, 2 % gaps (3 h); Qg
   * 5 W m-2 + 5 %, 5 % gaps (4 h); LWup 3 W m-2 + 1 %, 3 % gaps (3 h); Qh and Qle
   * 10 W m-2 + 10 %, 12 % gaps (5 h) plus rain.
   */
  public static ObservationModel standard() {
    Map<String, Sensor> m = new LinkedHashMap<>();
    m.put(SOIL_TEMPERATURE, new Sensor(0.1, 0, 0.02, 3, false));
    m.put(Variables.QG, new Sensor(5, 0.05, 0.05, 4, false));
    m.put(Variables.LWUP, new Sensor(3, 0.01, 0.03, 3, false));
    m.put(Variables.QH, new Sensor(10, 0.1, 0.12, 5, true));
    m.put(Variables.QLE, new Sensor(10, 0.1, 0.12, 5, true));
    return new ObservationModel(m);
  }

  /**
   * Uniform Gaussian sensors: {@code temperatureK} [K] on every variable in K,
   * {@code otherSd} [its unit, e.g. W m-2] on all others; one random stream in variable order.
   */
  public static ObservationModel gaussian(double temperatureK, double otherSd) {
    return new ObservationModel(Map.of("[K]", Sensor.gaussian(temperatureK), ANY,
        Sensor.gaussian(otherSd)), true, 0, 1);
  }

  /** These sensors with {@code sensor} for {@code key} (see the constructor for keys). */
  public ObservationModel with(String key, Sensor sensor) {
    Map<String, Sensor> m = new LinkedHashMap<>(sensors);
    m.put(key, sensor);
    return new ObservationModel(m, sharedStream, outages, outageHours);
  }

  /**
   * These sensors with {@code count} outages of {@code hours} hours, each blanking all observed
   * variables together, placed at random away from the first and last step.
   */
  public ObservationModel withOutages(int count, int hours) {
    return new ObservationModel(sensors, sharedStream, count, hours);
  }

  /** The sensor of a variable of {@code unit}; throws naming the known ones. */
  public Sensor sensor(String variable, String unit) {
    for (String key : List.of(variable, Variables.isSoilTemperature(variable) ? SOIL_TEMPERATURE
        : variable, "[" + unit + "]", ANY)) {
      Sensor s = sensors.get(key);
      if (s != null) {
        return s;
      }
    }
    throw new IllegalArgumentException("no sensor for " + variable + " [" + unit + "]; known: "
        + sensors.keySet());
  }

  /**
   * Observations of {@code variables} from {@code truth}: noisy, with gaps.
   *
   * @param rainf rain rate on the same axis [kg m-2 s-1] (for rain-induced gaps)
   * @param seed seed of the random draws
   */
  public Frame observe(Frame truth, List<String> variables, double[] rainf, long seed) {
    return sense(truth, variables, rainf, seed).values();
  }

  /** As {@link #observe}, also saying where spikes were added. */
  public Observation sense(Frame truth, List<String> variables, double[] rainf, long seed) {
    if (rainf.length != truth.size()) {
      throw new IllegalArgumentException("rain series has " + rainf.length + " values, the truth "
          + truth.size() + " steps");
    }
    Frame out = truth.select(List.of());
    Map<String, boolean[]> spiked = new LinkedHashMap<>();
    Random shared = sharedStream ? new Random(seed) : null;
    long[] times = truth.times();
    for (String v : variables) {
      Sensor s = sensor(v, truth.spec(v).unit());
      Random rnd = shared != null ? shared : new Random(seed * 1_000_003L + v.hashCode());
      double[] x = truth.values(v);
      for (int i = 0; i < x.length; i++) {
        x[i] += (s.absolute() + s.relative() * Math.abs(x[i])) * rnd.nextGaussian();
      }
      boolean[] sp = new boolean[x.length];
      for (int k = 0; k < s.spikes(); k++) {
        int i = 1 + rnd.nextInt(x.length - 1);
        x[i] += (rnd.nextBoolean() ? 1 : -1) * s.spikeSize() * (0.7 + 0.6 * rnd.nextDouble());
        sp[i] = true;
      }
      spiked.put(v, sp);
      boolean[] gap = gaps(x.length, s, rnd);
      boolean soil = Variables.isSoilTemperature(v);
      for (int i = 0; i < x.length; i++) {
        boolean dayStart = Math.floorMod(times[i], 86400L) == 0;
        if ((gap[i] && !(soil && dayStart)) || (s.missingInRain() && rainf[i] > 0)) {
          x[i] = Double.NaN;
        }
      }
      out = out.with(truth.spec(v), x);
    }
    return new Observation(outages > 0 ? outages(out, shared != null ? shared
        : new Random(seed * 1_000_003L + "outage".hashCode())) : out, spiked);
  }

  private Frame outages(Frame f, Random rnd) {
    int n = f.size();
    if (n < outageHours + 3) {
      throw new IllegalArgumentException("outages of " + outageHours + " h need a record of at"
          + " least " + (outageHours + 3) + " steps, got " + n);
    }
    Frame out = f;
    for (int k = 0; k < outages; k++) {
      int from = 1 + rnd.nextInt(n - outageHours - 2);
      for (String v : f.names()) {
        double[] x = out.values(v);
        java.util.Arrays.fill(x, from, from + outageHours, Double.NaN);
        out = out.replace(out.spec(v), x);
      }
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
