package org.cml4j.testbeds.twin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.testbeds.weather.Climate;
import org.cml4j.testbeds.weather.SyntheticWeather;

/**
 * Builds seeded synthetic-twin tasks for the cascade couplings. The truth is the soil heat
 * conduction + surface energy balance model of Huang et al. (2025) with two structural
 * differences from the model that is fitted: (1) its turbulent exchange coefficient grows by day,
 * {@code hbeta(t) = hbeta0 (1 + gain SWdown(t) / 800 W m-2)} (convective enhancement, which one
 * constant hbeta cannot represent), and (2) its turbulent flux is split into sensible and latent
 * heat with an evaporative fraction that falls with air temperature,
 * {@code Qle = EF max(QhQle, 0)}, {@code EF = clamp(0.75 - 0.03 (Tair - 288 K), 0.1, 0.9)},
 * {@code Qh = QhQle - Qle} (which the single hbeta cannot separate). Forcing (SWdown, LWdown,
 * Tair) comes from {@link SyntheticWeather} in the {@link Climate#changeableSpring()} climate at
 * {@value #LATITUDE} deg N, hourly from local midnight of {@link #START}; a 6-day spin-up
 * precedes the task window so the initial profile is not the model's own. Observations get
 * Gaussian noise and optionally gaps and spikes; forcing optionally gets gaps.
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
  private int observationGaps;
  private int observationGapSteps = 12;
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

  /** {@code count} gaps of {@code steps} steps in each observed variable (training period). */
  public CascadeTwin observationGaps(int count, int steps) {
    return set(() -> {
      observationGaps = count;
      observationGapSteps = steps;
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
    Instant first = START.minusSeconds(3600L * spin);
    Frame all = SyntheticWeather.generate(SyntheticWeather.Spec.of(first, steps + spin, LATITUDE,
        Climate.changeableSpring()), seed).forcingFrame()
        .select(List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR));
    double[] sw = all.values(Variables.SWDOWN);
    double[] hb = new double[sw.length];
    for (int i = 0; i < hb.length; i++) {
      hb[i] = truth.get("hbeta") * (1 + hbetaGain * sw[i] / 800);
    }
    List<String> sims = new ArrayList<>();
    LinkedHashSet<String> vars = new LinkedHashSet<>(observed);
    vars.addAll(targets);
    for (String v : vars) {
      if (!v.equals(Variables.QH) && !v.equals(Variables.QLE)) {
        sims.add(v);
      }
    }
    if (!sims.contains(Variables.QHQLE)) {
      sims.add(Variables.QHQLE);
    }
    LsmMechanism mech = LsmMechanism.huang2025();
    Map<String, Double> constants = new LinkedHashMap<>(truth);
    constants.remove("hbeta");
    Frame out = mech.run(new ModelInput(all, constants, Map.of("hbeta", hb), sims, Map.of()))
        .outputs().slice(spin, spin + steps);
    Frame forcing = all.slice(spin, spin + steps);
    Frame clean = forcing.select(List.of());
    double[] ta = forcing.values(Variables.TAIR);
    double[] turb = out.values(Variables.QHQLE);
    for (String v : vars) {
      double[] x;
      if (v.equals(Variables.QLE) || v.equals(Variables.QH)) {
        x = new double[steps];
        for (int i = 0; i < steps; i++) {
          double ef = Math.max(0.1, Math.min(0.9, 0.75 - 0.03 * (ta[i] - 288)));
          double le = ef * Math.max(turb[i], 0);
          x[i] = v.equals(Variables.QLE) ? le : turb[i] - le;
        }
      } else {
        x = out.values(v);
      }
      clean = clean.with(VariableSpec.of(v), x);
    }
    Random rnd = new Random(seed * 7919 + 13);
    Frame obs = clean.select(List.of());
    Map<String, boolean[]> spikeMap = new LinkedHashMap<>();
    TimeSplit split = TimeSplit.fractions(steps, trainFraction, validationFraction);
    for (String v : vars) {
      double sd = "K".equals(Variables.unitOf(v)) ? temperatureNoise : fluxNoise;
      double[] x = clean.values(v);
      for (int i = 0; i < steps; i++) {
        x[i] += sd * rnd.nextGaussian();
      }
      boolean[] sp = new boolean[steps];
      if (v.equals(spikeVariable)) {
        for (int k = 0; k < spikes; k++) {
          int i = 1 + rnd.nextInt(steps - 1);
          x[i] += (rnd.nextBoolean() ? 1 : -1) * spikeSize * (0.7 + 0.6 * rnd.nextDouble());
          sp[i] = true;
        }
      }
      spikeMap.put(v, sp);
      for (int k = 0; k < observationGaps; k++) {
        int from = 1 + rnd.nextInt(Math.max(1, split.trainEnd() - observationGapSteps - 1));
        Arrays.fill(x, from, Math.min(steps, from + observationGapSteps), Double.NaN);
      }
      obs = obs.with(VariableSpec.of(v), x);
    }
    Frame gappy = forcing;
    for (int k = 0; k < forcingGaps; k++) {
      int from = 1 + rnd.nextInt(steps - forcingGapSteps - 2);
      for (String f : List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR)) {
        double[] x = gappy.values(f);
        Arrays.fill(x, from, from + forcingGapSteps, Double.NaN);
        gappy = gappy.replace(gappy.spec(f), x);
      }
    }
    CouplingTask task = CouplingTask.builder().name(name + "-" + seed).mechanism(mech)
        .forcing(gappy).observations(obs.select(observed)).split(split).targets(targets)
        .budget(budget).seed(seed).fitParameters(List.of("alpha", "lambda", "C", "hbeta", "Tb"))
        .build();
    return new TwinCase(task, obs, clean, forcing, truth, spikeMap);
  }
}
