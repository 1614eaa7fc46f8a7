package org.cml4j.testbeds.sites;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.data.ResampleMethod;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.data.SiteDataReaders;
import org.cml4j.lsm.model.Output;
import org.cml4j.testbeds.tasks.BenchTask;

/**
 * Real-site coupling tasks for the cascade evaluations, read in place from {@code shared/data}:
 * an hourly window (records at full hours, {@link ResampleMethod#SAMPLE} as in
 * {@code SiteExperiment}), forcing gaps of at most 3 h linearly interpolated (longer gaps are an
 * error naming the file, variable and time), observations as read (NaN = missing), and a
 * train/validation/test split in time. {@code SurfTemp} is taken from the file or derived from
 * LWup ({@code LWup = eps sigma Ts^4 + (1 - eps) LWdown}, eps 0.95).
 */
public final class SiteTasks {
  private static final int MAX_FORCING_GAP = 3;

  private SiteTasks() {}

  /**
   * West Phoenix (Urban-PLUMBER, Lipson et al. 2022), 28 days from local 2012-05-01 00:00
   * (UTC-7): half training, 15 % validation, the rest test; observed and predicted 2 cm soil
   * temperature, surface temperature from LWup, Qh and Qle; albedo known (0.172, the site's
   * midday value). Longer than the catalog's {@code phoenix-2012} (150 h observed), so learners
   * get two weeks of training data.
   */
  public static BenchTask phoenix2012(Path dataDir, Budget budget) {
    List<String> vars = List.of("SoilTemp_0.02", Variables.SURF_TEMP, Variables.QH, Variables.QLE);
    Path file = dataDir.resolve("phoenix-us-westphoenix-2012")
        .resolve("US-WestPhoenix_clean_observations_v1.nc");
    Instant a = Instant.parse("2012-05-01T07:00:00Z");
    Instant b = Instant.parse("2012-05-29T07:00:00Z");
    CouplingTask t = fromFile("phoenix-2012-may", file, a, b, 0.5, 0.15, vars, vars,
        Map.of("alpha", 0.172), budget, 2012);
    return new BenchTask(t.name(), "real-site", t, observedTruth(file, a, b, vars), Map.of(),
        "West Phoenix, 28 d of May 2012, 14 d train, 4 d validation, 10 d test");
  }

  /**
   * Bondville 1998 (Noah LSM validation file; Meyers &amp; Hollinger 2004), 28 days from local
   * 1 October 00:00 (UTC-6): half training, 15 % validation, the rest test; observed and
   * predicted soil temperatures at 2, 8 and 32 cm, IR skin temperature, ground heat flux, H and
   * LE.
   */
  public static BenchTask bondville1998(Path dataDir, Budget budget) {
    List<String> vars = List.of("SoilTemp_0.02", "SoilTemp_0.08", "SoilTemp_0.32",
        Variables.SURF_TEMP, Variables.QG, Variables.QH, Variables.QLE);
    Path file = dataDir.resolve("bondville-us-bo1-1998").resolve("forcing98_with_validation.dat");
    Instant a = Instant.parse("1998-10-01T06:00:00Z");
    Instant b = Instant.parse("1998-10-29T06:00:00Z");
    CouplingTask t = fromFile("bondville-1998-oct", file, a, b, 0.5, 0.15, vars, vars, Map.of(),
        budget, 1998);
    return new BenchTask(t.name(), "real-site", t, observedTruth(file, a, b, vars), Map.of(),
        "Bondville, 28 d of October 1998, 14 d train, 4 d validation, 10 d test");
  }

  /**
   * A task from any site file {@link SiteDataReaders} reads.
   *
   * @param observed observed variables (file names; SurfTemp may be derived from LWup)
   * @param known parameters known a priori (e.g. albedo)
   */
  public static CouplingTask fromFile(String name, Path file, Instant start, Instant end,
      double train, double validation, List<String> observed, List<String> targets,
      Map<String, Double> known, Budget budget, long seed) {
    SiteData w = SiteDataReaders.read(file, start, end);
    if (w.stepSeconds() != 3600) {
      w = w.resample(3600, ResampleMethod.SAMPLE);
    }
    Frame forcing = Frame.onAxis(w.times(), 3600);
    for (String f : List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR)) {
      double[] v = require(w, f, file);
      checkGaps(v, f, w, file);
      v = CalibrationProblem.interpolateGaps(v, file + " " + f);
      if (f.equals(Variables.SWDOWN)) {
        for (int i = 0; i < v.length; i++) {
          v[i] = Math.max(0, v[i]);
        }
      }
      forcing = forcing.with(VariableSpec.of(f), v);
    }
    Frame obs = Frame.onAxis(w.times(), 3600);
    for (String o : observed) {
      double[] v;
      if (o.equals(Variables.SURF_TEMP) && !w.has(o) && w.has(Variables.LWUP)) {
        v = surfaceTemperatureFromLwup(w.variable(Variables.LWUP),
            forcing.values(Variables.LWDOWN));
      } else {
        v = require(w, o, file).clone();
      }
      obs = obs.with(VariableSpec.of(o), v);
    }
    CouplingTask.Builder b = CouplingTask.builder().name(name)
        .mechanism(LsmMechanism.huang2025()).forcing(forcing).observations(obs)
        .split(TimeSplit.fractions(w.size(), train, validation)).targets(targets).budget(budget)
        .seed(seed);
    known.forEach(b::knownParameter);
    return b.build();
  }

  /** The full (unmasked) observations of a site task's variables, for scoring test periods. */
  public static Frame observedTruth(Path file, Instant start, Instant end, List<String> names) {
    SiteData w = SiteDataReaders.read(file, start, end);
    if (w.stepSeconds() != 3600) {
      w = w.resample(3600, ResampleMethod.SAMPLE);
    }
    Frame f = Frame.onAxis(w.times(), 3600);
    double[] lw = CalibrationProblem.interpolateGaps(require(w, Variables.LWDOWN, file), "LWdown");
    for (String n : names) {
      double[] v = n.equals(Variables.SURF_TEMP) && !w.has(n) && w.has(Variables.LWUP)
          ? surfaceTemperatureFromLwup(w.variable(Variables.LWUP), lw) : require(w, n, file);
      f = f.with(VariableSpec.of(n), v);
    }
    return f;
  }

  /** Ts = ((LWup - (1 - eps) LWdown) / (eps sigma))^(1/4), eps = 0.95. */
  public static double[] surfaceTemperatureFromLwup(double[] lwup, double[] lwdown) {
    return Output.surfaceTemperatureFromLwup(lwup, lwdown);
  }

  private static double[] require(SiteData w, String name, Path file) {
    if (!w.has(name)) {
      throw SiteDataException.forFile(file.toString(), name, "variable " + name
          + " is not in the file; available: " + w.variableNames());
    }
    return w.variable(name);
  }

  private static void checkGaps(double[] v, String name, SiteData w, Path file) {
    int run = 0;
    for (int i = 0; i < v.length; i++) {
      run = Double.isNaN(v[i]) ? run + 1 : 0;
      if (run > MAX_FORCING_GAP) {
        throw SiteDataException.forFile(file.toString(), name, "forcing gap longer than "
            + MAX_FORCING_GAP + " h ending at " + w.time(i) + "; choose another window");
      }
    }
  }
}
