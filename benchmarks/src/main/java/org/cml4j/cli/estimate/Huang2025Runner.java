package org.cml4j.cli.estimate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cml4j.bench.ProgressListener;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.Identifiability;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.Observations;
import org.cml4j.lsm.experiment.EstimationOutcome;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.experiment.PredictionScore;
import org.cml4j.lsm.experiment.SeriesPanel;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.Output;

/**
 * Runs the synthetic inverse experiments of Huang et al. (2025) (one or two observed depths) from
 * the published starts of {@code trials.csv} and assembles an {@link EstimationOutcome}.
 */
public final class Huang2025Runner {
  /** The paper's fitted coordinates (Adam default). */
  public static final List<FitParam> PAPER = List.of(FitParam.ALPHA, FitParam.H, FitParam.BETA,
      FitParam.LAMBDA, FitParam.TB, FitParam.C);
  /** The identifiable coordinates (LM default): hbeta instead of h and beta. */
  public static final List<FitParam> REDUCED = List.of(FitParam.ALPHA, FitParam.LAMBDA,
      FitParam.C, FitParam.HBETA, FitParam.TB);
  /** Folder below shared/data. */
  public static final String FOLDER = "huang2025-synthetic";

  private Huang2025Runner() {}

  /** The experiment's folder below {@code dataDir}, checked to exist. */
  public static Path folder(Path dataDir) {
    Path dir = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder " + dir + " not found (is --data "
          + dataDir + " the shared/data folder?)");
    }
    return dir;
  }

  /** Files read by the experiment. */
  public static List<Path> inputFiles(Path dataDir) {
    Path d = dataDir.resolve(FOLDER);
    return List.of(d.resolve("target_T_surface.txt"), d.resolve("target_T_5cm.txt"),
        d.resolve("trials.csv"));
  }

  /** Default coordinates for a solver. */
  public static List<FitParam> defaultFit(String solver) {
    return solver.equals("adam") ? PAPER : REDUCED;
  }

  /**
   * Runs the experiment.
   *
   * @param dataDir the shared/data folder
   * @param depths 1 (5 cm) or 2 (surface and 5 cm)
   */
  public static EstimationOutcome run(Path dataDir, int depths, EstimationSettings s,
      ProgressListener progress) {
    String name = "huang2025-" + depths + "depth";
    Huang2025Experiment e = Huang2025Experiment.load(folder(dataDir), depths,
        s.initialCondition());
    List<FitParam> fit = s.fit().isEmpty() ? defaultFit(s.solver()) : s.fit();
    if (fit.contains(FitParam.EPS)) {
      throw new IllegalArgumentException("--fit eps: " + name + " has no published starting "
          + "values for eps; choose from alpha, lambda, C, hbeta, Tb, h, beta");
    }
    if (s.starts() > e.trialCount()) {
      throw new IllegalArgumentException("--starts " + s.starts() + ": " + name + " has only "
          + e.trialCount() + " published starts");
    }
    Objective base = e.objective(s.stepSolver(), fit, s.gradient());
    Observations obs = s.noisy() ? e.observations().withGaussianNoise(s.noiseSd(), s.seed())
        : e.observations();
    Objective obj = base.withObservations(obs);
    List<double[]> starts = e.starts(fit).subList(0, s.starts());

    long t0 = System.nanoTime();
    progress.begin(name + " " + s.solver(), starts.size());
    List<FitResult> results;
    try {
      results = EstimationRuns.fitAll(s.solver(), obj, starts, s.threads(), progress::done);
    } finally {
      progress.end();
    }
    double wall = (System.nanoTime() - t0) * 1e-9;

    int best = EstimationRuns.best(results);
    double[] theta = results.get(best).fitted();
    progress.message("identifiability at the best start (#" + best + ")");
    IdentifiabilityReport ident = null;
    String identNote = "";
    try {
      ident = new Identifiability().analyze(obj, theta, s.noiseSd());
    } catch (RuntimeException ex) {
      identNote = " Identifiability not assessed: " + ex.getMessage() + ".";
    }

    List<Output> outs = obs.outputs();
    double[][] y = obj.simulate(theta).outputs(outs);
    double[] hours = new double[obs.levels()];
    for (int t = 0; t < hours.length; t++) {
      hours[t] = t;
    }
    List<PredictionScore> scores = new ArrayList<>();
    List<SeriesPanel> panels = new ArrayList<>();
    for (int k = 0; k < outs.size(); k++) {
      Output o = outs.get(k);
      double[] ob = obs.series(k);
      double[] mo = new double[ob.length];
      for (int t = 0; t < mo.length; t++) {
        mo[t] = y[t][k];
      }
      scores.add(EstimationRuns.score(o, ob, mo, 0, ob.length, "fit"));
      panels.add(new SeriesPanel(o.name(), o.unit(), hours, ob, mo, ob.length, "observed"));
    }

    Map<String, Double> published = new LinkedHashMap<>();
    List<FitParam> pubParams = new ArrayList<>(fit);
    if (fit.contains(FitParam.H) && fit.contains(FitParam.BETA)) {
      pubParams.add(FitParam.HBETA);
    }
    for (FitParam p : pubParams) {
      double[] v = new double[starts.size()];
      try {
        for (int i = 0; i < v.length; i++) {
          v[i] = e.publishedFinal(i, p);
        }
      } catch (IllegalArgumentException | NullPointerException ex) {
        continue; // not published (e.g. eps)
      }
      published.put(p.symbol(), EstimationRuns.median(v));
    }
    String note = String.format(Locale.ROOT, "median of the authors' final values (trials.csv, "
        + "columns final%d_*) over the same %d published starts; Adam through their Jacobi solver, "
        + "fitting alpha, h, beta, lambda, Tb, C (hbeta = h(1+1/beta))", depths, starts.size());

    List<String> names = fit.stream().map(FitParam::symbol).collect(Collectors.toList());
    List<String> units = fit.stream().map(FitParam::unit).collect(Collectors.toList());
    return new EstimationOutcome(name, description(depths, fit, s, starts.size(), e.trialCount())
        + identNote, s.solver(),
        s.stepSolver().name(), names, units, results, best, EstimationRuns.summary(results), ident,
        scores, panels, published, note, wall);
  }

  private static String description(int depths, List<FitParam> fit, EstimationSettings s,
      int starts, int published) {
    String fitted = fit.stream().map(FitParam::symbol).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT,
        "Synthetic inverse experiment of Huang, Heaney & van Reeuwijk (2025): %s observed hourly "
        + "over t = 0..100 h (%d levels) under the paper's idealised diurnal forcing "
        + "(Kdown = 800 cos(theta), Ldown = 100 W m-2, Ta = 296 K), targets generated with alpha 0.2, "
        + "lambda 0.8 W m-1 K-1, C 2.2e6 J m-3 K-1, h 15 and beta 1.5 (hbeta 25 W m-2 K-1), "
        + "Tb 293 K, eps 0.95. Fitted: %s; every other parameter is held at its true value. "
        + "Initial state: %s. Solver: %s; implicit steps solved %s%s. %d of the %d published "
        + "starts (trials.csv). Observations: %s.",
        depths == 2 ? "surface temperature and soil temperature at 5 cm" : "soil temperature at 5 cm",
        Huang2025.LEVELS, fitted,
        s.initialCondition() == Huang2025Experiment.InitialCondition.UNIFORM_293
            ? "uniform 293 K profile (Tb acts only at the bottom)"
            : "uniform Tb profile (level-0 outputs equal Tb)",
        s.solver().equals("adam") ? "Adam with the paper's learning rates and stopping rule"
            : "Levenberg-Marquardt on log coordinates with tangent-model Jacobians",
        s.stepSolver().name().equals("EXACT") ? "exactly (tridiagonal + Newton)"
            : "by the paper's point-Jacobi sweeps to 1e-4 K",
        !s.solver().equals("adam") ? ""
            : s.gradient() == GradientMode.UNROLLED
            ? ", gradient back-propagated through every sweep (as the authors' autograd)"
            : ", gradient from the adjoint of the solved steps",
        starts, published,
        s.noisy() ? String.format(Locale.ROOT, "published targets plus Gaussian noise of SD %.3g K "
            + "(seed %d)", s.noiseSd(), s.seed()) : "the published noise-free targets");
  }
}
