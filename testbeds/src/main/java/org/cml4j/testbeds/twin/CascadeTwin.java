package org.cml4j.testbeds.twin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.testbeds.twin.ObservationModel.Sensor;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;

/**
 * Builds seeded synthetic-twin tasks for the cascade couplings: a preset of the one twin builder
 * {@link Twin}. The truth is {@link SimpleColumnTruth}: the soil heat conduction + surface energy
 * balance model of Huang et al. (2025) with a daytime gain of its exchange coefficient and an
 * evaporative-fraction split of Qh and Qle, two structural differences from the model that is
 * fitted. Forcing (SWdown, LWdown, Tair) comes from {@link SyntheticWeather} in the
 * {@link Climate#changeableSpring()} climate at {@value #LATITUDE} deg N, hourly from local
 * midnight of {@link #START}; a 6-day spin-up precedes the task window so the initial profile is
 * not the model's own. Sensors ({@link ObservationModel#gaussian}, one random stream): Gaussian
 * noise, optionally gaps and spikes; the forcing optionally gets outages of all three variables.
 */
public final class CascadeTwin {
  /** First level of the task window (UTC = local solar time; the spin-up precedes it). */
  public static final Instant START = Instant.parse("2021-05-15T00:00:00Z");
  /** Site latitude [deg N]. */
  public static final double LATITUDE = 45.0;

  private int days = 24;
  private int spinUpDays = 6;
  private long seed = 1;
  private double trainFraction = 0.5;
  private double validationFraction = 0.2;
  private List<String> observed = List.of("SoilTemp_0.05", Variables.SURF_TEMP, Variables.QG);
  private List<String> targets = List.of("SoilTemp_0.05");
  private double temperatureNoise = 0.1;
  private double fluxNoise = 8;
  private double hbetaGain = 1.0;
  private final Map<String, Double> truth = new LinkedHashMap<>(Map.of("alpha", 0.25, "lambda",
      1.1, "C", 2.6e6, "hbeta", 12.0, "Tb", 291.0, "eps", 0.95));
  private int forcingGaps;
  private int forcingGapSteps = 8;
  private double observationGapFraction;
  private int observationGapHours = 12;
  private int spikes;
  private double spikeSize = 120;
  private String spikeVariable = Variables.QG;
  private Budget budget = Budget.tiny();
  private String name = "cascade-twin";

  public CascadeTwin name(String v) {
    return set(() -> name = v);
  }

  public CascadeTwin days(int v) {
    return set(() -> days = v);
  }

  public CascadeTwin seed(long v) {
    return set(() -> seed = v);
  }

  public CascadeTwin split(double train, double validation) {
    return set(() -> {
      trainFraction = train;
      validationFraction = validation;
    });
  }

  public CascadeTwin observed(List<String> v) {
    return set(() -> observed = List.copyOf(v));
  }

  public CascadeTwin targets(List<String> v) {
    return set(() -> targets = List.copyOf(v));
  }

  public CascadeTwin noise(double temperatureK, double fluxWm2) {
    return set(() -> {
      temperatureNoise = temperatureK;
      fluxNoise = fluxWm2;
    });
  }

  /** Daytime gain of hbeta (0 = the truth has the fitted model's structure). */
  public CascadeTwin hbetaGain(double v) {
    return set(() -> hbetaGain = v);
  }

  public CascadeTwin truth(String parameter, double v) {
    return set(() -> truth.put(parameter, v));
  }

  /** {@code count} forcing gaps (all three variables) of {@code steps} steps each. */
  public CascadeTwin forcingGaps(int count, int steps) {
    return set(() -> {
      forcingGaps = count;
      forcingGapSteps = steps;
    });
  }

  /**
   * Gaps in every observed variable: {@code fraction} of its values missing, in blocks of mean
   * length {@code meanHours} [h] (see {@link ObservationModel}).
   */
  public CascadeTwin observationGaps(double fraction, int meanHours) {
    return set(() -> {
      observationGapFraction = fraction;
      observationGapHours = meanHours;
    });
  }

  /** {@code count} single-step spikes of +-{@code size} on {@code variable}. */
  public CascadeTwin spikes(String variable, int count, double size) {
    return set(() -> {
      spikeVariable = variable;
      spikes = count;
      spikeSize = size;
    });
  }

  public CascadeTwin budget(Budget v) {
    return set(() -> budget = v);
  }

  /** The one home of the fluent setters: applies {@code change} and returns this builder. */
  private CascadeTwin set(Runnable change) {
    change.run();
    return this;
  }

  /** Runs the truth and builds the task. */
  public TwinCase build() {
    int steps = days * 24;
    int spin = spinUpDays * 24;
    List<String> vars = List.copyOf(new LinkedHashSet<>(concat(observed, targets)));
    Twin<Frame> twin = Twin.simulate(SyntheticWeather.Spec.of(START.minusSeconds(3600L * spin),
        steps + spin, LATITUDE, Climate.changeableSpring()), seed, spin,
        new SimpleColumnTruth(truth, hbetaGain, vars));
    Frame clean = twin.truthFrame(vars);
    ObservationModel.Observation obs = twin.observe(sensors(), vars, seed * 7919 + 13);
    List<String> forcingVars = List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR);
    Frame forcing = twin.weather().forcingFrame().select(forcingVars);
    Frame gappy = forcingGaps == 0 ? forcing : new ObservationModel(Map.of(ObservationModel.ANY,
        ObservationModel.Sensor.gaussian(0))).withOutages(forcingGaps, forcingGapSteps)
        .observe(forcing, forcingVars, twin.weather().rainf(),
            StructuralTwin.derive(seed, "cascade-forcing-gaps", 0));
    TimeSplit split = TimeSplit.fractions(steps, trainFraction, validationFraction);
    CouplingTask task = new Twin.Protocol(LsmMechanism.huang2025(), targets,
        List.of("alpha", "lambda", "C", "hbeta", "Tb"), Map.of(), budget, seed)
        .task(name + "-" + seed, gappy, obs.values().select(observed), split).build();
    return new TwinCase(task, obs.values(), clean, forcing, truth, obs.spikes());
  }

  /**
   * The sensors: uniform Gaussian noise (temperatureNoise on K, fluxNoise on the rest), the
   * observation gaps on every variable and the spikes on spikeVariable; one random stream.
   */
  private ObservationModel sensors() {
    ObservationModel m = ObservationModel.gaussian(temperatureNoise, fluxNoise);
    if (observationGapFraction > 0) {
      m = m.with("[K]", Sensor.gaussian(temperatureNoise).withGaps(observationGapFraction,
          observationGapHours)).with(ObservationModel.ANY, Sensor.gaussian(fluxNoise)
          .withGaps(observationGapFraction, observationGapHours));
    }
    if (spikes > 0) {
      double sd = "K".equals(Variables.unitOf(spikeVariable)) ? temperatureNoise : fluxNoise;
      m = m.with(spikeVariable, Sensor.gaussian(sd).withGaps(observationGapFraction,
          observationGapHours).withSpikes(spikes, spikeSize));
    }
    return m;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
