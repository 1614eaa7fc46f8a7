package org.cml4j.testbeds.sites;

import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.tasks.TaskCatalog;
import org.cml4j.testbeds.twin.StructuralTwin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.baseline.GapFill;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataException;
import org.cml4j.lsm.data.SiteDataReaders;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SiteRequest;
import org.cml4j.lsm.model.Output;

/**
 * Benchmark tasks from site files: the own-site family {@value #FAMILY} ({@link #build}, from a
 * {@link SiteTaskSpec}) and the shared construction behind {@link RealSiteTasks}. The data go
 * through {@link SiteExperiment} (hourly levels of the window, forcing gaps up to 3 h
 * interpolated, night-time SWdown clipped to 0). The forcing frame carries SWdown, LWdown and
 * Tair for the mechanism and, when the file has them, Rainf (missing = 0), Wind and Qair
 * [kg kg-1] (gaps interpolated, {@link GapFill}) for the learning components and the empirical
 * baselines. Observations are the observed variables as read (gaps stay NaN, the test period
 * hidden by {@link CouplingTask}); the truth adds the predicted-only variables.
 */
public final class SiteTaskBuilder {
  /** Family of the own-site tasks. */
  public static final String FAMILY = "site";
  /** Version of the own-site task construction. */
  public static final String VERSION = "1";
  /** Tag prefix carrying the SHA-256 of the input file (provenance, resume manifest). */
  public static final String INPUT_TAG = "input-sha256=";
  /** Parameters fitted unless fixed. */
  public static final List<String> FIT = StructuralTwin.FIT;
  /** Emissivity when not fixed. */
  public static final double DEFAULT_EPS = 0.95;

  private SiteTaskBuilder() {}

  /**
   * The own-site task of {@code spec}: its window of the file on hourly levels, split as the spec
   * says; observe variables visible over train and validation, observe and predict variables the
   * targets, scored on the test period; parameters in {@code fix} known, the others of
   * {@link #FIT} fitted (eps 0.95 unless fixed).
   *
   * @throws IllegalArgumentException (or {@link SiteDataException}) naming the file, variable and
   *     allowed range for an unknown variable, a window the file does not cover, a split leaving
   *     a period empty
   */
  public static BenchTask build(SiteTaskSpec spec, long seed, Budget budget) {
    String file = spec.file().toString();
    SiteDataReaders.requireFile(spec.file());
    List<String> outputs = spec.observe().stream().filter(SiteTaskBuilder::isOutput).toList();
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("site " + file + ": observe " + spec.observe()
          + " has no model output (SoilTemp_<depth m>, SurfTemp, Qg, LWup, QhQle); the column's"
          + " initial state and the physics couplings need one");
    }
    int hours = spec.hours();
    TimeSplit split = spec.split().resolve(spec.start().toInstant(), hours, file);
    Double alpha = spec.fix().get("alpha");
    List<String> fit = FIT.stream().filter(p -> !spec.fix().containsKey(p)).toList();
    if (fit.isEmpty()) {
      throw new IllegalArgumentException("site " + file + ": fix " + spec.fix().keySet()
          + " leaves no parameter of " + FIT + " to fit");
    }
    List<FitParam> fitParams = fit.stream().map(FitParam::fromSymbol).toList();
    SiteRequest req = new SiteRequest(spec.id(), spec.file(), spec.start().toInstant(),
        spec.end().toInstant(), split.validationEnd(), outputs, List.of(),
        alpha == null ? Double.NaN : alpha, fitParams, Map.of(), "");
    SiteExperiment ex = SiteExperiment.load(req);
    SiteData d = ex.data();
    if (d.size() != hours || !d.time(0).equals(spec.start().toInstant())) {
      throw SiteDataException.forFile(file, null, "the window " + spec.start() + " / "
          + spec.end() + " (" + hours + " h) is not covered by the file: it has " + d.size()
          + " hourly levels there, from " + d.time(0) + " to " + d.time(d.size() - 1)
          + "; choose a window inside the file");
    }
    List<String> targets = new ArrayList<>(spec.observe());
    targets.addAll(spec.predict());
    Frame obs = frame(d, spec.observe());
    Frame truth = frame(d, targets);
    for (String v : spec.predict()) {
      if (truth.countValid(v, split.validationEnd(), hours) == 0) {
        throw SiteDataException.forFile(file, v, "predicted variable " + v + " has no value in"
            + " the test period " + d.time(split.validationEnd()) + " to " + d.time(hours - 1));
      }
    }
    Map<String, Double> known = new java.util.LinkedHashMap<>(spec.fix());
    known.putIfAbsent("eps", DEFAULT_EPS);
    String description = String.format(java.util.Locale.ROOT, "Own site %s, %s to %s: %d h"
        + " train, %d h validation, %d h test; observed %s%s; fixed %s.", spec.file()
        .getFileName(), spec.start(), spec.end(), split.trainEnd(), split.validationEnd()
        - split.trainEnd(), hours - split.validationEnd(), spec.observe(), spec.predict()
        .isEmpty() ? "" : ", predicted only " + spec.predict(), known);
    return task(spec.id(), FAMILY, FAMILY + "-" + VERSION, ex, obs, truth, split, targets, fit,
        known, seed, budget, description, List.of(INPUT_TAG + Provenance.sha256(spec.file())));
  }

  /**
   * A site task from a loaded experiment (shared with {@link RealSiteTasks}).
   *
   * @param version version string, recorded as the {@link BenchTask#VERSION_TAG} tag
   * @param extraTags further tags (e.g. the input file's checksum)
   */
  static BenchTask task(String id, String family, String version, SiteExperiment ex, Frame obs,
      Frame truth, TimeSplit split, List<String> targets, List<String> fit,
      Map<String, Double> known, long seed, Budget budget, String description,
      List<String> extraTags) {
    CouplingTask.Builder b = CouplingTask.builder().name(id).mechanism(LsmMechanism.huang2025())
        .forcing(forcing(ex)).observations(obs).split(split).targets(targets).budget(budget)
        .seed(seed).fitParameters(fit).tag(family).tag(BenchTask.VERSION_TAG + version);
    known.forEach(b::knownParameter);
    extraTags.forEach(b::tag);
    return new BenchTask(id, family, b.build(), truth, Map.of(), description);
  }

  /** The named variables of {@code d} on its axis ({@link SiteExperiment#variable}). */
  static Frame frame(SiteData d, List<String> names) {
    Frame f = Frame.onAxis(d.times(), d.stepSeconds());
    for (String v : names) {
      if (!d.has(v) && !isOutput(v)) {
        throw SiteDataException.forFile(d.source(), v, "variable " + v + " is not in the file;"
            + " available: " + d.variableNames() + " (SurfTemp may be derived from LWup, QhQle"
            + " from Qh and Qle)");
      }
      f = f.with(v, d.has(v) ? d.variable(v) : SiteExperiment.variable(d, v));
    }
    return f;
  }

  /** Mechanism forcing of the experiment plus Rainf, Wind and Qair where the file has them. */
  static Frame forcing(SiteExperiment ex) {
    SiteData d = ex.data();
    var s = ex.forcing();
    Frame f = Frame.onAxis(d.times(), d.stepSeconds()).with(Variables.SWDOWN, s.kdown())
        .with(Variables.LWDOWN, s.ldown()).with(Variables.TAIR, s.ta());
    if (d.has("Rainf")) {
      double[] r = d.variable("Rainf");
      for (int i = 0; i < r.length; i++) {
        r[i] = Double.isNaN(r[i]) ? 0 : r[i];
      }
      f = f.with("Rainf", r);
    }
    for (String v : List.of("Wind", "Qair")) {
      double[] x = d.has(v) ? GapFill.linear(d.variable(v)) : null;
      if (x != null) {
        f = f.with(v, x);
      }
    }
    return f;
  }

  private static boolean isOutput(String name) {
    try {
      Output.parse(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
