package org.cml4j.lsm.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.Prior;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.solver.StepSolver;

/**
 * One cell of the study that chose the site-run defaults (docs/SITE_ESTIMATION.md): a 7-day
 * Bondville 1998 window, alpha, lambda, C, hbeta and Tb fitted by Levenberg–Marquardt to the 4 and
 * 8 cm soil temperatures over the first 75 % (126 h), and the 16 and 32 cm soil temperatures
 * (never fitted) scored over the whole window (168 h).
 */
public final class BondvilleDepthStudy {
  /** The five window starts (local midnight, UTC-6), September to November 1998. */
  public static final List<Instant> WINDOWS = List.of(Instant.parse("1998-09-10T06:00:00Z"),
      Instant.parse("1998-09-24T06:00:00Z"), Instant.parse("1998-10-08T06:00:00Z"),
      Instant.parse("1998-10-22T06:00:00Z"), Instant.parse("1998-11-05T06:00:00Z"));

  private BondvilleDepthStudy() {}

  /**
   * @param rmse16 RMSE [K] at 16 cm over the window
   * @param rmse32 RMSE [K] at 32 cm over the window
   * @param fitRmse RMSE [K] of the fitted depths over the fit period
   * @param fitted best start's values by parameter name
   * @param priorDecided whether a prior term decided its parameter
   */
  public record Cell(double rmse16, double rmse32, double fitRmse, Map<String, Double> fitted,
      boolean priorDecided) {}

  /** The request of one window starting at {@code start}. */
  public static SiteRequest request(Path dataDir, Instant start) {
    return new SiteRequest("bondville-study",
        dataDir.resolve("bondville-us-bo1-1998").resolve("forcing98_with_validation.dat"), start,
        start.plus(Duration.ofDays(7)), 126, List.of("SoilTemp_0.04", "SoilTemp_0.08"),
        List.of("SoilTemp_0.16", "SoilTemp_0.32"), Double.NaN, List.of(FitParam.ALPHA,
            FitParam.LAMBDA, FitParam.C, FitParam.HBETA, FitParam.TB), Map.of(), "");
  }

  /** Fits one window with an initial state and a prior (default weight); seeded starts. */
  public static Cell run(Path dataDir, Instant start, SiteInitialState init,
      Set<SitePriors.Choice> priors, int starts, long seed, int threads) {
    return run(dataDir, start, init, priors, Prior.DEFAULT_WEIGHT, starts, seed, threads);
  }

  /** As above with prior weight {@code weight} [K^2]. */
  public static Cell run(Path dataDir, Instant start, SiteInitialState init,
      Set<SitePriors.Choice> priors, double weight, int starts, long seed, int threads) {
    SiteExperiment e = SiteExperiment.load(request(dataDir, start), init);
    Prior prior = e.prior(priors, weight);
    EstimationOutcome o = EstimationRuns.site(e, "lm", StepSolver.EXACT, GradientMode.IMPLICIT,
        prior, starts, seed, threads, d -> { });
    double r16 = Double.NaN;
    double r32 = Double.NaN;
    double s2 = 0;
    int n = 0;
    for (SeriesPanel p : o.panels()) {
      double r = Metrics.rmseObserved(p.modelled(), p.observed(), 0, p.observed().length);
      if (p.name().equals("SoilTemp_0.16")) {
        r16 = r;
      } else if (p.name().equals("SoilTemp_0.32")) {
        r32 = r;
      } else {
        double f = Metrics.rmseObserved(p.modelled(), p.observed(), 0, p.fitLevels());
        s2 += f * f;
        n++;
      }
    }
    boolean decided = o.description().contains("PRIOR DECIDED");
    return new Cell(r16, r32, Math.sqrt(s2 / n), o.starts().get(o.best()).named(), decided);
  }
}
