package org.cml4j.testbeds.twin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.cml4j.testbeds.weather.Weather;

/**
 * The structural-twin tasks: synthetic weather ({@link SyntheticWeather}, 40 deg N, from
 * 15 June) drives the layered, moisture-dependent truth ({@link StructuralTwinModel} with
 * {@link TwinPhysics#standard()}) after a spin-up; sensors ({@link ObservationModel#standard()})
 * observe soil temperature at 5 and 20 cm, Qg, LWup, Qh and Qle with noise and gaps; the couplings
 * get the simple model ({@link LsmMechanism#huang2025()}) and must predict, over the test period,
 * soil temperature at the observed and at two unobserved depths (10 and 50 cm), Qg, LWup, and Qh
 * and Qle separately (which the simple model cannot: it only has their sum).
 *
 * <p>Variants: {@code twin} (normal weather in the test period), {@code twin-extrap} (identical
 * training data, then a heat wave with drought in the test period: +6 K, clear skies, no rain),
 * {@code twin-n<d>} (sample efficiency: a record of its own in one moisture regime,
 * {@link Climate#steadySummer()} without the dry lead, seen through its last d days of
 * observations before one test period), and, if {@link Settings#replicates()} &gt; 1,
 * {@code twin-rep<r>} / {@code twin-extrap-rep<r>} with other weather and noise seeds.
 */
public final class StructuralTwin {
  /** Version of the twin tasks (physics, weather, sensors and protocol). */
  public static final String VERSION = "1";
  /** Version of the sample-efficiency tasks (2: own record in one regime, issue 12). */
  public static final String SAMPLE_VERSION = "2";
  /** Observed soil depths [m]. */
  public static final List<Double> OBSERVED_DEPTHS = List.of(0.05, 0.2);
  /** Soil depths that are targets but never observed [m]. */
  public static final List<Double> UNOBSERVED_DEPTHS = List.of(0.1, 0.5);
  /** Depths in the truth frame [m]. */
  public static final List<Double> TRUTH_DEPTHS = List.of(0.02, 0.05, 0.1, 0.2, 0.3, 0.5);
  /** First level of the recorded period (local solar midnight). */
  public static final Instant RECORD_START = Instant.parse("2021-06-15T00:00:00Z");
  /** Site latitude [deg N]. */
  public static final double LATITUDE = 40.0;
  /** Truth grid: 1 m, 101 nodes, hourly. */
  public static final ModelGrid GRID = ModelGrid.HUANG2025;
  /** Hours before the test period in which no storm starts (both variants). */
  public static final int DRY_LEAD_HOURS = 48;
  /** Fitted parameters of the simple model. */
  public static final List<String> FIT = List.of("alpha", "lambda", "C", "hbeta", "Tb");

  private StructuralTwin() {}

  /**
   * Sizes of the twin tasks.
   *
   * @param observedDays days of observations (train + validation) of the main twin
   * @param testDays days of the test period
   * @param spinUpDays days simulated before the record (discarded)
   * @param sampleDays observation days of the sample-efficiency variants (each at most
   *     observedDays)
   * @param replicates number of weather/noise replicates of twin and twin-extrap (1 = none)
   * @param budget compute budget of the tasks
   */
  public record Settings(int observedDays, int testDays, int spinUpDays, List<Integer> sampleDays,
      int replicates, Budget budget) {
    public Settings {
      sampleDays = List.copyOf(sampleDays);
      if (observedDays < 1 || testDays < 1 || spinUpDays < 0 || replicates < 1) {
        throw new IllegalArgumentException("twin settings: observed and test days >= 1, spin-up"
            + " >= 0, replicates >= 1; got " + observedDays + ", " + testDays + ", " + spinUpDays
            + ", " + replicates);
      }
      for (int d : sampleDays) {
        if (d < 1 || d > observedDays) {
          throw new IllegalArgumentException("sample-efficiency variant of " + d + " days outside"
              + " [1, " + observedDays + "]");
        }
      }
    }
  }

  /**
   * One simulated record (spin-up removed).
   *
   * @param weather the weather including hidden drivers
   * @param truth noise-free truth
   * @param observations noisy, gappy observations of the observed variables (not yet masked)
   * @param testStart first level of the test period
   */
  public record Record(Weather weather, Frame truth, Frame observations, int testStart) {}

  /** Observed variables. */
  public static List<String> observedVariables() {
    List<String> v = new ArrayList<>();
    OBSERVED_DEPTHS.forEach(d -> v.add(Variables.soilTemperature(d)));
    v.addAll(List.of(Variables.QG, Variables.LWUP, Variables.QH, Variables.QLE));
    return v;
  }

  /** Targets: observed and unobserved soil temperatures, Qg, LWup, Qh, Qle. */
  public static List<String> targets() {
    List<String> v = new ArrayList<>();
    OBSERVED_DEPTHS.forEach(d -> v.add(Variables.soilTemperature(d)));
    UNOBSERVED_DEPTHS.forEach(d -> v.add(Variables.soilTemperature(d)));
    v.addAll(List.of(Variables.QG, Variables.LWUP, Variables.QH, Variables.QLE));
    return v;
  }

  /** Simulates one record: replicate {@code rep} (0-based), normal or extrapolation test period. */
  public static Record simulate(Settings s, boolean extrapolation, int rep, long seed) {
    int spin = s.spinUpDays() * 24;
    int obs = s.observedDays() * 24;
    return simulate(s, Climate.summer(), (start, hours) -> new SyntheticWeather.Spec(start, hours,
        LATITUDE, Climate.summer(), extrapolation ? Climate.heatWave() : null, spin + obs,
        spin + 30, spin + obs - DRY_LEAD_HOURS, spin + obs), "", rep, seed);
  }

  /**
   * The sample-efficiency record of replicate {@code rep}: as {@link #simulate} but in
   * {@link Climate#steadySummer()} throughout, with no dry spell before the test, and its own
   * weather and noise seeds.
   */
  public static Record simulateSteady(Settings s, int rep, long seed) {
    int spin = s.spinUpDays() * 24;
    return simulate(s, Climate.steadySummer(), (start, hours) -> new SyntheticWeather.Spec(start,
        hours, LATITUDE, Climate.steadySummer(), null, hours, spin + 30, 0, 0), "sample-", rep,
        seed);
  }

  /**
   * One record: the weather of {@code spec} (from its start and length in hours, spin-up
   * included), the truth run from a linear profile at {@code climate}'s mean air temperature, the
   * spin-up cut off, and the observations; seeds derived from {@code seed} with the tags
   * {@code <prefix>weather} and {@code <prefix>noise}.
   */
  private static Record simulate(Settings s, Climate climate,
      BiFunction<Instant, Integer, SyntheticWeather.Spec> spec, String prefix, int rep,
      long seed) {
    int spin = s.spinUpDays() * 24;
    int obs = s.observedDays() * 24;
    int hours = spin + obs + s.testDays() * 24;
    Twin<Frame> twin = Twin.simulate(spec.apply(RECORD_START.minusSeconds(3600L * spin), hours),
        derive(seed, prefix + "weather", rep), spin, new CoupledWaterTruth(
            new StructuralTwinModel(TwinPhysics.standard(), GRID), TRUTH_DEPTHS,
            climate.meanTair()));
    Frame obsFrame = twin.observe(ObservationModel.standard(), observedVariables(),
        derive(seed, prefix + "noise", rep)).values();
    Weather w = twin.weather();
    Frame truth = twin.truthFrame(targets());
    return new Record(w, truth, obsFrame, obs);
  }

  /** All twin tasks of {@code s}: twin, twin-extrap, twin-n&lt;d&gt; and replicates. */
  public static List<BenchTask> tasks(Settings s, long seed) {
    List<BenchTask> out = new ArrayList<>();
    for (int rep = 0; rep < s.replicates(); rep++) {
      String suffix = rep == 0 ? "" : "-rep" + (rep + 1);
      Record normal = simulate(s, false, rep, seed);
      Record extrap = simulate(s, true, rep, seed);
      out.add(task("twin" + suffix, TaskCatalog.FAMILY_TWIN, normal, s.observedDays(), s, seed,
          "Structural twin" + (rep == 0 ? "" : " (replicate " + (rep + 1) + ")") + ": "
              + s.observedDays() + " d of observations, " + s.testDays() + " d test with normal"
              + " summer weather."));
      out.add(task("twin-extrap" + suffix, TaskCatalog.FAMILY_EXTRAPOLATION, extrap,
          s.observedDays(), s, seed, "Structural twin, extrapolation"
              + (rep == 0 ? "" : " (replicate " + (rep + 1) + ")") + ": the twin's "
              + s.observedDays() + " d of observations, then a " + s.testDays() + " d test"
              + " during a heat wave with drought (+6 K, clear skies, no rain)."));
      if (rep == 0 && !s.sampleDays().isEmpty()) {
        out.addAll(sampleEfficiency(simulateSteady(s, rep, seed), s, seed, SAMPLE_VERSION));
      }
    }
    return out;
  }

  /**
   * The sample-efficiency tasks {@code twin-n<d>} on record {@code r}: its last d days of
   * observations before its test period, for every d of {@link Settings#sampleDays()}. Version 1
   * used the twin's own record (whose topsoil dries across the 14 days), version 2 the steady
   * record of {@link #simulateSteady}.
   */
  static List<BenchTask> sampleEfficiency(Record r, Settings s, long seed, String version) {
    List<BenchTask> out = new ArrayList<>();
    for (int d : s.sampleDays()) {
      out.add(task("twin-n" + d, TaskCatalog.FAMILY_SAMPLE_EFFICIENCY, r, d, s, seed,
          "Structural twin, sample efficiency: the last " + d + " d of observations of a"
              + (version.equals(SAMPLE_VERSION) ? " record in one moisture regime (a small storm"
              + " a day, no dry spell)" : " twin record") + ", same " + s.testDays()
              + " d test period for every size.", version));
    }
    return out;
  }

  private static BenchTask task(String id, String family, Record r, int days, Settings s,
      long seed, String description) {
    return task(id, family, r, days, s, seed, description, VERSION);
  }

  private static BenchTask task(String id, String family, Record r, int days, Settings s,
      long seed, String description, String version) {
    int from = r.testStart() - days * 24;
    int size = r.truth().size() - from;
    int visible = days * 24;
    int validation = Math.max(4, (int) Math.round(visible / 7.0));
    TimeSplit split = new TimeSplit(visible - validation, visible, size);
    Frame forcing = r.weather().forcingFrame().slice(from, r.truth().size());
    TwinPhysics p = TwinPhysics.standard();
    CouplingTask.Builder b = new Twin.Protocol(LsmMechanism.huang2025(), targets(), FIT,
        Map.of("eps", p.eps()), s.budget(), seed).task(id, forcing,
            r.observations().slice(from, r.truth().size()), split).tag(family)
        .tag(BenchTask.VERSION_TAG + (family.equals(TaskCatalog.FAMILY_SAMPLE_EFFICIENCY)
            ? "twin-sample-" + version : "twin-" + version));
    return new BenchTask(id, family, b.build(), r.truth().slice(from, r.truth().size()),
        Map.of("alpha", p.albedo(), "eps", p.eps(), "Tb", p.tb()),
        description + String.format(Locale.ROOT, " Split: %d h train, %d h validation, %d h"
            + " test; seed %d.", split.trainEnd(), validation, split.length(TimeSplit.Part.TEST),
            seed));
  }

  /** A seed for one purpose and replicate, derived from the catalog seed. */
  public static long derive(long seed, String purpose, int rep) {
    long x = seed * 0x9E3779B97F4A7C15L + purpose.hashCode() * 0xBF58476D1CE4E5B9L + rep;
    return new SplittableRandom(x).nextLong();
  }
}
