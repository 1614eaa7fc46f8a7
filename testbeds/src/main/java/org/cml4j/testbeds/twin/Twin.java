package org.cml4j.testbeds.twin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.cml4j.testbeds.weather.Weather;

/**
 * The one twin builder: synthetic weather ({@link SyntheticWeather}, spin-up included), a truth
 * run ({@link TwinTruth}) with the spin-up cut off, sensors ({@link ObservationModel}) and a task
 * protocol ({@link Protocol}). The benchmark's structural twin ({@link StructuralTwin}), the
 * embedding twin ({@link TwinScenario}) and the cascade twin ({@link CascadeTwin}) are presets of
 * it.
 *
 * @param weather the hourly weather after spin-up
 * @param run the truth's run after spin-up
 * @param truth the truth that made {@code run}
 * @param <R> the truth's run type
 */
public record Twin<R>(Weather weather, R run, TwinTruth<R> truth) {
  /**
   * Generates the weather of {@code spec} (whose first {@code spinUpHours} levels are spin-up)
   * with {@code weatherSeed}, runs {@code truth} over it and keeps the levels after the spin-up.
   */
  public static <R> Twin<R> simulate(SyntheticWeather.Spec spec, long weatherSeed,
      int spinUpHours, TwinTruth<R> truth) {
    if (spinUpHours < 0 || spinUpHours >= spec.hours()) {
      throw new IllegalArgumentException("twin spin-up of " + spinUpHours + " h outside [0, "
          + spec.hours() + ") h of weather");
    }
    Weather all = SyntheticWeather.generate(spec, weatherSeed);
    return new Twin<>(all.slice(spinUpHours, all.size()), truth.run(all, spinUpHours), truth);
  }

  /** Number of hourly levels after spin-up. */
  public int levels() {
    return weather.size();
  }

  /** The noise-free truth of (at least) {@code variables}. */
  public Frame truthFrame(List<String> variables) {
    return truth.frame(run, weather, variables);
  }

  /** What {@code sensors} record of {@code variables}, drawn with {@code seed}. */
  public ObservationModel.Observation observe(ObservationModel sensors, List<String> variables,
      long seed) {
    return sensors.sense(truthFrame(variables), variables, weather.rainf(), seed);
  }

  /**
   * How a twin becomes a coupling task: what the couplings are given besides forcing and
   * observations.
   *
   * @param mechanism the model couplings see
   * @param targets variables to predict
   * @param fitParameters parameters couplings should estimate
   * @param knownParameters parameters given to couplings (name to value, in SI units)
   * @param budget compute budget
   * @param seed task seed
   */
  public record Protocol(MechanismModel mechanism, List<String> targets,
      List<String> fitParameters, Map<String, Double> knownParameters, Budget budget, long seed) {
    public Protocol {
      targets = List.copyOf(targets);
      fitParameters = List.copyOf(fitParameters);
      knownParameters = java.util.Collections.unmodifiableMap(
          new LinkedHashMap<>(knownParameters));
    }

    /** A task builder named {@code name} on {@code forcing} and {@code observations}. */
    public CouplingTask.Builder task(String name, Frame forcing, Frame observations,
        TimeSplit split) {
      CouplingTask.Builder b = CouplingTask.builder().name(name).mechanism(mechanism)
          .forcing(forcing).observations(observations).split(split).targets(targets)
          .budget(budget).seed(seed).fitParameters(fitParameters);
      knownParameters.forEach(b::knownParameter);
      return b;
    }
  }
}
