package org.cml4j.examples.embed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.adjustment.EnkfConfig;
import org.cml4j.embed.adjustment.EnkfCoupling;
import org.cml4j.embed.adjustment.EnkfSetup;
import org.cml4j.examples.ExampleInfo;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.assimilation.EnsembleSettings;
import org.cml4j.lsm.assimilation.ObservationSeries;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;
import org.cml4j.testbeds.sites.RealSiteTasks;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.testbeds.twin.TwinScenario;
import org.cml4j.testbeds.weather.Climate;

/**
 * Mode 5, ensemble Kalman filter: (a) a twin (15 days of {@link Climate#summer()} weather, as
 * the embedding twins' {@link TwinScenario#weather}) whose truth is the simple model with lambda
 * 1.3, C 2.8e6, hbeta 32, observed hourly at the surface (0.3 K noise) and 5 cm (0.1 K); the filter
 * starts from the nominal parameters (0.8, 2.2e6, 20) with 30 % spread and estimates them with the
 * state; the analysis at the unobserved 20 cm is compared with the free run. (b) Bondville, 1–7
 * October 1998 (the catalog task's observed week): the 2 and 8 cm soil temperatures are
 * assimilated (state plus hbeta, first-guess prior, 0.2 K model noise), the 4, 16, 32 and 64 cm
 * ones verify the analysis against the free run of the same ensemble.
 */
@ExampleInfo(name = "assimilation", mode = 5, arguments = ExampleInfo.DATA,
    summary = "EnKF with parameter augmentation: twin and Bondville October 1998")
public final class AssimilationExample {
  private AssimilationExample() {}

  /** Twin outcome: RMSE at 20 cm and final parameter means. */
  public record Twin(double analysisRmse20, double freeRmse20, Map<String, Double> truth,
      Map<String, Double> prior, Map<String, Double> estimate, Map<String, Double> spread,
      double seconds) {}

  /** Bondville outcome: per verification depth the analysis and free-run RMSE. */
  public record Site(Map<String, Double> analysis, Map<String, Double> free,
      Map<String, Double> parameters) {}

  public static Twin twin(long seed) {
    int levels = 15 * 24 + 1;
    SurfaceForcing f = TwinScenario.forcing(TwinScenario.weather(Climate.summer(), 0, levels,
        seed));
    ColumnParameters truth = ColumnParameters.builder().alpha(0.2).lambda(1.3)
        .heatCapacity(2.8e6).hbeta(32).tb(291).build();
    Trajectory tr = SoilColumnModel.huang2025(StepSolver.EXACT).simulate(truth, f);
    Random rnd = new Random(seed);
    double[] ts = tr.output(Output.SURFACE_TEMPERATURE);
    double[] t5 = tr.output(Output.soilTemperature(0.05));
    for (int i = 0; i < levels; i++) {
      ts[i] += 0.3 * rnd.nextGaussian();
      t5[i] += 0.1 * rnd.nextGaussian();
    }
    LsmMechanism mech = LsmMechanism.huang2025();
    Map<String, Double> prior = Map.of("alpha", 0.2, "lambda", 0.8, "C", 2.2e6, "hbeta", 20.0,
        "Tb", 291.0, "eps", 0.95);
    ColumnEnsembleFilter filter = new ColumnEnsembleFilter(ModelGrid.HUANG2025, f, prior,
        List.of(mech.parameter("lambda"), mech.parameter("C"), mech.parameter("hbeta")),
        InitialState.uniformTb());
    List<Output> outs = List.of(Output.soilTemperature(0.2));
    EnsembleSettings cfg = EnkfConfig.standard().withSeed(seed).settings();
    EnkfResult a = filter.run(List.of(new ObservationSeries(Output.SURFACE_TEMPERATURE, ts, 0.3),
        new ObservationSeries(Output.soilTemperature(0.05), t5, 0.1)), cfg, levels, outs, null);
    EnkfResult free = filter.run(List.of(), cfg, levels, outs, null);
    double[] t20 = tr.output(Output.soilTemperature(0.2));
    Map<String, Double> est = new LinkedHashMap<>();
    Map<String, Double> spread = new LinkedHashMap<>();
    for (int j = 0; j < a.parameters().size(); j++) {
      est.put(a.parameters().get(j), a.parameterMean()[levels - 1][j]);
      spread.put(a.parameters().get(j), a.parameterSpread()[levels - 1][j]);
    }
    return new Twin(TaskSupport.rmse(a.output("SoilTemp_0.2"), t20, 0, levels),
        TaskSupport.rmse(free.output("SoilTemp_0.2"), t20, 0, levels),
        Map.of("lambda", 1.3, "C", 2.8e6, "hbeta", 32.0), prior, est, spread, a.seconds());
  }

  /** Bondville October 1998 (data from {@code dataDir}). */
  public static Site bondville(Path dataDir, long seed) {
    BenchTask b = RealSiteTasks.bondville(dataDir, seed, Budget.tiny());
    CouplingTask task = b.task();
    List<String> verify = List.of("SoilTemp_0.04", "SoilTemp_0.16", "SoilTemp_0.32",
        "SoilTemp_0.64");
    CouplingSolution s = new EnkfCoupling(CouplingDefaults.standard(),
        EnkfConfig.standard().withStateNoise(0.2).withSeed(seed), EnkfSetup.defaults()
            .withCalibratedPrior(false).assimilating(List.of("SoilTemp_0.02", "SoilTemp_0.08"))
            .augmenting(List.of("hbeta"))).solve(task);
    Map<String, Double> an = new LinkedHashMap<>();
    Map<String, Double> fr = new LinkedHashMap<>();
    for (String v : verify) {
      an.put(v, s.diagnostics().scalars().get("analysisRmse_" + v));
      fr.put(v, s.diagnostics().scalars().get("freeRunRmse_" + v));
    }
    return new Site(an, fr, s.parameters());
  }

  public static void main(String[] args) {
    Twin t = twin(5);
    System.out.printf("twin: 20 cm analysis RMSE %.3f K vs free run %.3f K (%.2f s)%n",
        t.analysisRmse20(), t.freeRmse20(), t.seconds());
    System.out.println("  truth " + t.truth() + "\n  prior " + t.prior() + "\n  estimate "
        + t.estimate() + " +- " + t.spread());
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    if (data.resolve("bondville-us-bo1-1998").toFile().isDirectory()) {
      Site s = bondville(data, 5);
      ExampleSupport.print("Bondville analysis RMSE", s.analysis());
      ExampleSupport.print("Bondville free-run RMSE", s.free());
      System.out.println("  parameters " + s.parameters());
    } else {
      System.out.println("Bondville skipped: " + data.toAbsolutePath() + " has no"
          + " bondville-us-bo1-1998 folder");
    }
  }
}
