package org.cml4j.embed.twin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SitePresets;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Coupling tasks on the reference data of {@code shared/data} (until the project-wide task
 * catalog provides them): the paper's huang2025-2depth synthetic targets (optionally with noise)
 * and the Bondville October 1998 and Phoenix May 2012 site windows.
 */
public final class ReferenceTasks {
  private ReferenceTasks() {}

  /** Forcing frame (SWdown, LWdown, Tair) on an hourly axis from t = 0. */
  public static Frame forcingFrame(SurfaceForcing f) {
    return Frame.regular(f.length(), 3600).with(Variables.SWDOWN, f.kdown())
        .with(Variables.LWDOWN, f.ldown()).with(Variables.TAIR, f.ta());
  }

  /**
   * huang2025-2depth: the paper's forcing and its surface and 5 cm targets (101 hourly levels),
   * Gaussian noise of {@code noiseSd} K added (seeded; 0 = the published targets), split 81 / 10 /
   * 10 levels, tagged parameter-recovery, fitting alpha, lambda, C, hbeta, Tb (eps 0.95).
   */
  public static CouplingTask huang2025TwoDepth(Path dataDir, double noiseSd, long noiseSeed,
      Budget budget) {
    Huang2025Experiment e = Huang2025Experiment.load(dataDir.resolve("huang2025-synthetic"), 2);
    double[] ts = e.observations().series(0);
    double[] t5 = e.observations().series(1);
    Random rnd = new Random(noiseSeed);
    for (int i = 0; i < ts.length; i++) {
      ts[i] += noiseSd * rnd.nextGaussian();
      t5[i] += noiseSd * rnd.nextGaussian();
    }
    Frame f = forcingFrame(Huang2025.forcing(Huang2025.LEVELS));
    Frame obs = f.select(List.of()).with(Variables.SURF_TEMP, ts).with("SoilTemp_0.05", t5);
    return CouplingTask.builder().name("huang2025-2depth" + (noiseSd > 0 ? "-noise" + noiseSd
        : "")).mechanism(LsmMechanism.huang2025()).forcing(f).observations(obs)
        .split(new TimeSplit(81, 91, Huang2025.LEVELS)).targets(List.of("SurfTemp",
            "SoilTemp_0.05")).budget(budget).seed(noiseSeed)
        .fitParameters(List.of("alpha", "lambda", "C", "hbeta", "Tb"))
        .knownParameter("eps", 0.95).tag(CouplingTask.TAG_PARAMETER_RECOVERY).build();
  }

  /**
   * A site window as a task: forcing, and the preset's observed and predicted variables as
   * observations (the predicted ones are the default targets).
   *
   * @param trainLevels training levels; validation is the next {@code validationLevels}
   */
  public static CouplingTask site(SiteExperiment e, List<String> targets, int trainLevels,
      int validationLevels, Budget budget, long seed) {
    Frame f = forcingFrame(e.forcing());
    Frame obs = f.select(List.of());
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < e.observed().size(); i++) {
      obs = add(obs, e.observed().get(i), e.observedSeries(i), seen);
    }
    for (int i = 0; i < e.predicted().size(); i++) {
      obs = add(obs, e.predicted().get(i), e.predictedSeries(i), seen);
    }
    List<String> fit = new ArrayList<>();
    e.request().fit().forEach(p -> fit.add(p.symbol()));
    CouplingTask.Builder b = CouplingTask.builder().name(e.request().name())
        .mechanism(LsmMechanism.huang2025()).forcing(f).observations(obs)
        .split(new TimeSplit(trainLevels, trainLevels + validationLevels, f.size()))
        .targets(targets).budget(budget).seed(seed).fitParameters(fit);
    if (!Double.isNaN(e.request().albedo())) {
      b.knownParameter("alpha", e.request().albedo());
    }
    return b.build();
  }

  private static Frame add(Frame obs, Output o, double[] v, Set<String> seen) {
    if (!seen.add(o.name())) {
      return obs;
    }
    return obs.with(new VariableSpec(o.name(), o.unit()), v);
  }

  /** Bondville 1–14 October 1998 (336 levels). */
  public static SiteExperiment bondville(Path dataDir) {
    return SiteExperiment.load(SitePresets.bondville1998(dataDir));
  }

  /** Phoenix 1–9 May 2012 (200 levels). */
  public static SiteExperiment phoenix(Path dataDir) {
    return SiteExperiment.load(SitePresets.phoenix2012(dataDir));
  }
}
