package org.cml4j.testbeds.twin;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.LayeredSoil;
import org.cml4j.lsm.rich.MoistureField;
import org.cml4j.lsm.rich.RichColumnModel;
import org.cml4j.lsm.rich.RichTrajectory;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.lsm.rich.SurfaceSpec;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;
import org.cml4j.testbeds.weather.Weather;

/**
 * A seeded embedding twin experiment, a preset of the one twin builder {@link Twin} with the truth
 * {@link RichColumnTruth}: synthetic weather ({@link SyntheticWeather} with a
 * {@link Climate}, by default {@link Climate#summer()} at {@link StructuralTwin#LATITUDE} from
 * {@link StructuralTwin#RECORD_START}, local solar midnight), a soil-moisture response to its rain
 * and a varying exchange coefficient ({@link TwinDrivers}), a truth column ({@link RichColumnModel}:
 * by default a layered soil with moisture-dependent conductivity on a 2 mm / 2 min grid, and a
 * diurnally and moisture-varying Bowen ratio), spun up for a few days, and its outputs as noisy
 * pseudo-observations of a {@link CouplingTask} for the simple model
 * ({@link LsmMechanism#huang2025()}), with the surface water content as auxiliary input
 * ({@code SoilMoist}). The noise-free truth stays available for scoring on every period. Build
 * with {@link #builder()} (spin-up, truth run).
 *
 * @param name scenario name
 * @param weather the hourly weather after spin-up (its rain drives {@code moisture})
 * @param moisture the truth's soil water content after spin-up [m3 m-3]
 * @param model the truth column
 * @param surface the truth's surface parameters after spin-up
 * @param truth the noise-free truth run
 */
public record TwinScenario(String name, Weather weather, MoistureField moisture,
    RichColumnModel model, SurfaceSpec surface, RichTrajectory truth) {
  /** Name of the auxiliary surface water-content variable. */
  public static final String SOIL_MOIST = "SoilMoist";

  /**
   * A builder; defaults: 20 days after 3 days of spin-up, seed 1, {@link Climate#summer()},
   * {@link LayeredSoil#threeLayer()} with moisture-dependent conductivity, varying Bowen ratio,
   * 501 nodes (2 mm) and 30 sub-steps (2 min), albedo 0.2, emissivity 0.95, Tb 291 K.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of hourly levels. */
  public int levels() {
    return weather.size();
  }

  /** The hourly axis of the weather (UTC = local solar time). */
  public Frame axis() {
    return Frame.onAxis(weather.times(), Weather.STEP);
  }

  /**
   * The twins' weather: {@code hours} hourly levels of {@code climate} (no climate shift, no dry
   * spell, no guaranteed storm), seeded, at {@link StructuralTwin#LATITUDE}, starting
   * {@code spinupHours} before {@link StructuralTwin#RECORD_START}.
   */
  public static Weather weather(Climate climate, int spinupHours, int hours, long seed) {
    return SyntheticWeather.generate(spec(climate, spinupHours, hours), seed);
  }

  private static SyntheticWeather.Spec spec(Climate climate, int spinupHours, int hours) {
    return SyntheticWeather.Spec.of(StructuralTwin.RECORD_START.minusSeconds(Weather.STEP
        * spinupHours), hours, StructuralTwin.LATITUDE, climate);
  }

  /** SWdown, LWdown and Tair of {@code w} as the column's forcing. */
  public static SurfaceForcing forcing(Weather w) {
    return RichColumnTruth.forcing(w);
  }

  /** Forcing frame SWdown, LWdown, Tair. */
  public Frame forcingFrame() {
    return axis().with(Variables.SWDOWN, weather.swdown()).with(Variables.LWDOWN, weather.lwdown())
        .with(Variables.TAIR, weather.tair());
  }

  /** The truth's outputs (noise-free) as a frame. */
  public Frame truthFrame(List<String> names) {
    return truth.frame(axis(), names);
  }

  /** Auxiliary inputs: surface water content {@code SoilMoist} [m3 m-3]. */
  public Frame moistureFrame() {
    return axis().with(new VariableSpec(SOIL_MOIST, "m3 m-3"), moisture.surfaceSeries());
  }

  /**
   * A coupling task on this scenario (see {@link TaskOptions}): the observed and target variables
   * seen by {@link ObservationModel#gaussian} sensors.
   */
  public CouplingTask task(TaskOptions o) {
    Set<String> vars = new LinkedHashSet<>(o.observed());
    vars.addAll(o.targets());
    List<String> names = List.copyOf(vars);
    Frame obs = ObservationModel.gaussian(o.temperatureNoise(), o.fluxNoise())
        .observe(truthFrame(names), names, weather.rainf(), o.noiseSeed());
    Map<String, Double> known = new LinkedHashMap<>();
    o.knownAlbedo().ifPresent(a -> known.put("alpha", a));
    CouplingTask.Builder b = new Twin.Protocol(o.mechanism(), o.targets(), o.fitParameters(),
        known, o.budget(), o.seed()).task(name + "/" + o.label(), forcingFrame(), obs,
            TimeSplit.fractions(levels(), o.trainFraction(), o.validationFraction()));
    if (o.moistureAuxiliary()) {
      b.auxiliary(moistureFrame());
    }
    return b.build();
  }

  /**
   * How to turn the scenario into a task.
   *
   * @param label task label suffix
   * @param mechanism the model couplings see (default the paper's column)
   * @param observed observed variables (also the assimilated/fitted ones)
   * @param targets variables to predict (also observed, for scoring)
   * @param temperatureNoise observation noise on temperatures [K]
   * @param fluxNoise observation noise on fluxes [W m-2]
   * @param noiseSeed seed of the noise
   * @param trainFraction train fraction of the axis
   * @param validationFraction validation fraction
   * @param budget compute budget
   * @param seed task seed
   * @param fitParameters parameters couplings should estimate
   * @param moistureAuxiliary whether to pass {@code SoilMoist} as auxiliary input
   * @param knownAlbedo albedo given to couplings, if any
   */
  public record TaskOptions(String label, MechanismModel mechanism, List<String> observed,
      List<String> targets, double temperatureNoise, double fluxNoise, long noiseSeed,
      double trainFraction, double validationFraction, Budget budget, long seed,
      List<String> fitParameters, boolean moistureAuxiliary,
      java.util.Optional<Double> knownAlbedo) {
    public TaskOptions {
      observed = List.copyOf(observed);
      targets = List.copyOf(targets);
      fitParameters = List.copyOf(fitParameters);
    }

    /**
     * Surface and 5 cm observed, 5 cm and 20 cm targets, 0.1 K / 5 W m-2 noise, 60/15/25 split,
     * tiny budget, lambda/C/hbeta/Tb fitted, albedo known, moisture auxiliary.
     */
    public static TaskOptions standard() {
      return new TaskOptions("standard", LsmMechanism.huang2025(),
          List.of("SurfTemp", "SoilTemp_0.05"), List.of("SoilTemp_0.05", "SoilTemp_0.2"), 0.1, 5,
          7, 0.6, 0.15, Budget.tiny(), 42, List.of("lambda", "C", "hbeta", "Tb"), true,
          java.util.Optional.of(0.2));
    }

    public TaskOptions withObserved(List<String> v) {
      return new TaskOptions(label, mechanism, v, targets, temperatureNoise, fluxNoise, noiseSeed,
          trainFraction, validationFraction, budget, seed, fitParameters, moistureAuxiliary,
          knownAlbedo);
    }

    public TaskOptions withTargets(List<String> v) {
      return new TaskOptions(label, mechanism, observed, v, temperatureNoise, fluxNoise, noiseSeed,
          trainFraction, validationFraction, budget, seed, fitParameters, moistureAuxiliary,
          knownAlbedo);
    }

    public TaskOptions withSplit(double train, double validation) {
      return new TaskOptions(label, mechanism, observed, targets, temperatureNoise, fluxNoise,
          noiseSeed, train, validation, budget, seed, fitParameters, moistureAuxiliary,
          knownAlbedo);
    }

    public TaskOptions withBudget(Budget b) {
      return new TaskOptions(label, mechanism, observed, targets, temperatureNoise, fluxNoise,
          noiseSeed, trainFraction, validationFraction, b, seed, fitParameters, moistureAuxiliary,
          knownAlbedo);
    }

    public TaskOptions withSeed(long s) {
      return new TaskOptions(label, mechanism, observed, targets, temperatureNoise, fluxNoise,
          noiseSeed, trainFraction, validationFraction, budget, s, fitParameters,
          moistureAuxiliary, knownAlbedo);
    }
  }

  /** Builder of scenarios. */
  public static final class Builder {
    private String name = "structural-twin";
    private int days = 20;
    private int spinupDays = 3;
    private long seed = 1;
    private Climate climate = Climate.summer();
    private SoilProperties soil = LayeredSoil.threeLayer();
    private int nodes = 501;
    private int substeps = 30;
    private boolean varyingBowen = true;
    private double hbeta = 25;
    private double alpha = 0.2;
    private double eps = 0.95;
    private double tb = 291;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder days(int v) {
      days = v;
      return this;
    }

    public Builder spinupDays(int v) {
      spinupDays = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** The climate of the weather (default {@link Climate#summer()}). */
    public Builder climate(Climate v) {
      climate = v;
      return this;
    }

    public Builder soil(SoilProperties v) {
      soil = v;
      return this;
    }

    /** Truth resolution: nodes over 1 m and sub-steps per hour. */
    public Builder resolution(int nodes, int substeps) {
      this.nodes = nodes;
      this.substeps = substeps;
      return this;
    }

    /** Constant exchange coefficient instead of the varying Bowen ratio. */
    public Builder constantHbeta(double v) {
      varyingBowen = false;
      hbeta = v;
      return this;
    }

    public Builder alpha(double v) {
      alpha = v;
      return this;
    }

    public Builder tb(double v) {
      tb = v;
      return this;
    }

    public TwinScenario build() {
      if (days < 2 || spinupDays < 0) {
        throw new IllegalArgumentException("twin scenario: need days >= 2 and spinupDays >= 0, got "
            + days + ", " + spinupDays);
      }
      int spin = spinupDays * 24;
      Twin<RichColumnTruth.Run> t = Twin.simulate(spec(climate, spin, spin + days * 24 + 1), seed,
          spin, new RichColumnTruth(soil, nodes, substeps, varyingBowen, hbeta, alpha, eps, tb));
      RichColumnTruth.Run r = t.run();
      return new TwinScenario(name + "-" + days + "d-seed" + seed, t.weather(), r.moisture(),
          r.model(), r.surface(), r.trajectory());
    }
  }
}
