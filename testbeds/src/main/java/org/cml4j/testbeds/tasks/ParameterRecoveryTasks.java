package org.cml4j.testbeds.tasks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/**
 * The parameter-recovery tasks: the inverse experiments of Huang, Heaney &amp; van Reeuwijk (2025)
 * on their published synthetic targets ({@code huang2025-synthetic}). The 101 hourly levels
 * (t = 0..100 h) of the targets are the training period, exactly the authors' protocol (no
 * validation); a 48 h test period continues the same truth (the authors' point-Jacobi solver with
 * the true parameters from a uniform 293 K profile; it reproduces the published targets to 1e-4 K).
 * Tagged {@link CouplingTask#TAG_PARAMETER_RECOVERY}; true parameters alpha 0.2, lambda 0.8,
 * C 2.2e6, hbeta 25, Tb 293 (eps 0.95 known); the authors' 50 final values per parameter are the
 * published spread.
 */
public final class ParameterRecoveryTasks {
  /** Version of the parameter-recovery tasks. */
  public static final String VERSION = "1";
  /** Hours of the test period after the published 101 levels. */
  public static final int TEST_HOURS = 48;
  /** Tolerance of the check that the regenerated truth matches the published targets [K]. */
  public static final double TARGET_TOLERANCE = 1e-3;

  private ParameterRecoveryTasks() {}

  /** The task id of the one- or two-depth variant. */
  public static String id(int depths) {
    return "huang2025-" + depths + "depth";
  }

  /**
   * The task with its published spread.
   *
   * @param dir the {@code huang2025-synthetic} folder
   * @param depths 2 (surface + 5 cm observed) or 1 (5 cm only)
   */
  public static Map.Entry<BenchTask, PublishedSpread> task(Path dir, int depths, long seed,
      Budget budget) {
    Huang2025Experiment e = Huang2025Experiment.load(dir, depths);
    int published = Huang2025.LEVELS;
    int levels = published + TEST_HOURS;
    SurfaceForcing f = Huang2025.forcing(levels);
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05),
        Output.soilTemperature(0.1), Output.soilTemperature(0.2), Output.soilTemperature(0.5),
        Output.GROUND_HEAT_FLUX, Output.LONGWAVE_UP, Output.TURBULENT_FLUX);
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.JACOBI).simulate(Huang2025.truth(), f,
        e.initialState());
    Frame forcing = Frame.regular(levels, 3600).with(Variables.SWDOWN, f.kdown())
        .with(Variables.LWDOWN, f.ldown()).with(Variables.TAIR, f.ta());
    Frame truth = forcing.select(List.of());
    for (Output o : outs) {
      truth = truth.with(o.name(), tr.output(o));
    }
    Observations obs = e.observations();
    Frame observed = forcing.select(List.of());
    for (int k = 0; k < obs.outputs().size(); k++) {
      String name = obs.outputs().get(k).name();
      double[] v = truth.values(name);
      double[] pub = obs.series(k);
      for (int i = 0; i < published; i++) {
        if (Math.abs(pub[i] - v[i]) > TARGET_TOLERANCE) {
          throw new IllegalStateException(String.format(Locale.ROOT, "%s: published %s at t = %d h"
              + " is %.5f K but the regenerated truth gives %.5f K (tolerance %.0e K)", dir, name,
              i, pub[i], v[i], TARGET_TOLERANCE));
        }
        v[i] = pub[i];
      }
      observed = observed.with(name, v);
    }
    Map<String, Double> trueParams = new LinkedHashMap<>();
    trueParams.put("alpha", 0.2);
    trueParams.put("lambda", 0.8);
    trueParams.put("C", 2.2e6);
    trueParams.put("hbeta", 25.0); // h (1 + 1/beta) = 15 (1 + 1/1.5)
    trueParams.put("Tb", 293.0);
    List<FitParam> fit = List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C, FitParam.HBETA,
        FitParam.TB);
    Map<String, double[]> finals = new LinkedHashMap<>();
    for (FitParam p : fit) {
      double[] v = new double[e.trialCount()];
      for (int i = 0; i < v.length; i++) {
        v[i] = e.publishedFinal(i, p);
      }
      finals.put(p.symbol(), v);
    }
    String id = id(depths);
    CouplingTask t = CouplingTask.builder().name(id)
        .mechanism(LsmMechanism.huang2025()).forcing(forcing)
        .observations(observed).split(new TimeSplit(published, published, levels))
        .targets(List.of(Variables.SURF_TEMP, "SoilTemp_0.05", "SoilTemp_0.2", Variables.QG))
        .budget(budget).seed(seed).fitParameters(fit.stream().map(FitParam::symbol).toList())
        .knownParameter("eps", 0.95).tag(CouplingTask.TAG_PARAMETER_RECOVERY)
        .tag(TaskCatalog.FAMILY_PARAMETER_RECOVERY)
        .tag(BenchTask.VERSION_TAG + "huang2025-" + VERSION).build();
    String observedText = depths == 2 ? "surface and 5 cm temperature" : "5 cm temperature only";
    String desc = "Huang et al. (2025) synthetic inversion, " + observedText + " observed for"
        + " 101 h (no noise), 48 h test; fit alpha, lambda, C, hbeta, Tb; truth alpha 0.2, lambda"
        + " 0.8, C 2.2e6, hbeta 25, Tb 293. Published: "
        + (depths == 2 ? "all five recoverable (40 of 50 starts within 0.01 of lambda)"
            : "lambda and C not recoverable from one depth") + ".";
    PublishedSpread spread = new PublishedSpread("Huang, Heaney & van Reeuwijk (2025), 50 Adam"
        + " starts (trials.csv, final" + depths + "_*; hbeta = h (1 + 1/beta))", finals);
    return Map.entry(new BenchTask(id, TaskCatalog.FAMILY_PARAMETER_RECOVERY, t, truth,
        trueParams, desc), spread);
  }
}
