package org.cml4j.lsm.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.cml4j.lsm.estimation.AdamConfig;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.AdamOptimizer;
import org.cml4j.lsm.estimation.BatchLeastSquares;
import org.cml4j.lsm.estimation.BatchObjective;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.Identifiability;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.MultiStart;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.solver.Trajectory;

/** Runs multi-start estimations and packages them as {@link EstimationOutcome}s. */
public final class EstimationRuns {
  private EstimationRuns() {}

  /** Fits one start with "adam" (paper settings) or "lm". */
  public static FitResult fit(String solver, Objective o, double[] start) {
    switch (solver) {
      case "adam": return new AdamOptimizer(AdamConfig.huang2025(o.space())).fit(o, start);
      case "lm": return new LevenbergMarquardtFit().fit(o, start);
      default: throw new IllegalArgumentException("unknown solver '" + solver + "'; known: adam, lm");
    }
  }

  /**
   * Fits every start. Adam on an objective the batched kernel speeds up (exact step solver) runs
   * all starts in lockstep as one vectorised batch per step ({@link AdamOptimizer#fitAll}; the
   * authors' Jacobi configuration stays one start per thread: batched it gives the same results,
   * 1e-11 relative, at the same cost, see {@link BatchObjective#supports}); Levenberg–Marquardt
   * on such an objective fits all starts in lockstep on the batched kernel ({@link BatchLeastSquares#fitAll}: the same optimum as one
   * Commons Math LM per start to 1e-6 relative, tested); anything else runs one start per thread
   * ({@link MultiStart}). Results are in start order and do not depend on {@code threads}. A start that fails is recorded
   * ({@link MultiStart#failed}) and the others go on: when the batch fails (one start's state is
   * rejected by the model, or diverges), the starts are refitted one per thread so each failure
   * is attributed to its own start. Fails only when every start fails
   * ({@link MultiStart#requireOneSuccess}).
   */
  public static List<FitResult> fitAll(String solver, Objective o, List<double[]> starts,
      int threads, IntConsumer progress) {
    if (solver.equals("adam") && o.prior().isEmpty() && BatchObjective.supports(o)) {
      try (BatchRunner runner = new BatchRunner(Math.max(1, threads), BatchRunner.DEFAULT_CHUNK)) {
        return new AdamOptimizer(AdamConfig.huang2025(o.space()))
            .fitAll(new BatchObjective(o, runner), starts, progress);
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        // fall through: one start per thread, each failure recorded against its start
      }
    }
    if (solver.equals("lm") && o.prior().isEmpty() && BatchLeastSquares.supports(o)) {
      try {
        return BatchLeastSquares.fitAll(o, starts, threads, progress);
      } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
        // fall through: one start per thread, each failure recorded against its start
      }
    }
    return MultiStart.run(starts, (i, s) -> fit(solver, o, s), threads, progress);
  }

  /** Runs a site experiment with the implicit adjoint gradient. */
  public static EstimationOutcome site(SiteExperiment e, String solver, StepSolver step, int starts,
      long seed, int threads, IntConsumer progress) {
    return site(e, solver, step, GradientMode.IMPLICIT, starts, seed, threads, progress);
  }

  /** Runs a site experiment; {@code gradient} is the loss gradient Adam uses. */
  public static EstimationOutcome site(SiteExperiment e, String solver, StepSolver step,
      GradientMode gradient, int starts, long seed, int threads, IntConsumer progress) {
    return site(e, solver, step, gradient, org.cml4j.lsm.estimation.Prior.none(), starts, seed,
        threads, progress);
  }

  /**
   * Runs a site experiment penalised by {@code prior}; the description names the initial state,
   * the prior and its diagnostics ({@link org.cml4j.lsm.estimation.Prior#report}), flagging a
   * parameter the prior decided.
   */
  public static EstimationOutcome site(SiteExperiment e, String solver, StepSolver step,
      GradientMode gradient, org.cml4j.lsm.estimation.Prior prior, int starts, long seed,
      int threads, IntConsumer progress) {
    long t0 = System.nanoTime();
    Objective o = e.objective(step).withGradientMode(gradient).withPrior(prior);
    int nObs = o.observations().count();
    int nPar = o.space().dimension();
    if (nObs <= nPar) {
      SiteRequest r = e.request();
      throw new IllegalArgumentException("the fit window " + r.start() + " .. " + r.start()
          .plus(java.time.Duration.ofHours(r.fitHours())) + " has " + nObs + " observations for "
          + nPar + " fitted parameters " + o.space().free() + ": too short for this fit (need more"
          + " observations than parameters); give a longer --start/--end window or fewer --fit"
          + " parameters");
    }
    List<FitResult> rs = fitAll(solver, o, e.starts(starts, seed), threads, progress);
    int best = best(rs);
    double[] theta = rs.get(best).fitted();
    IdentifiabilityReport id = null;
    String idNote = "";
    try {
      id = new Identifiability().analyze(o, theta, Double.NaN);
    } catch (RuntimeException ex) {
      idNote = " Identifiability not assessed: " + ex.getMessage() + ".";
    }
    String priorNote = " " + (prior.isEmpty() ? "No prior."
        : prior.report(o, theta).text() + " Prior weight " + prior.weight() + " K^2.");
    Trajectory tr = o.simulate(theta);
    int fit = e.request().fitHours();
    List<PredictionScore> scores = new ArrayList<>();
    List<SeriesPanel> panels = new ArrayList<>();
    for (int i = 0; i < e.observed().size(); i++) {
      addSeries(e.observed().get(i), e.observedSeries(i), tr, fit, "observed", e, scores, panels);
    }
    for (int i = 0; i < e.predicted().size(); i++) {
      addSeries(e.predicted().get(i), e.predictedSeries(i), tr, fit, "predicted", e, scores, panels);
    }
    SiteRequest r = e.request();
    String desc = String.format(java.util.Locale.ROOT, "Site file %s, window %s .. %s (%d hourly"
        + " levels: %d fitted, %d validation). Observed: %s. Predicted: %s. Albedo %s. 101-node 1 m"
        + " column; %s step solver. %s", r.file().getFileName(), r.start(), r.end(), e.levels(),
        fit, e.levels() - fit, r.observe(), r.predict(),
        Double.isNaN(r.albedo()) ? "fitted" : "fixed at " + r.albedo(), step,
        e.initialChoice().describe()) + priorNote + idNote;
    return new EstimationOutcome(r.name(), desc, solver, step.name(), names(o), units(o), rs, best,
        summary(rs), id, scores, panels, e.published(), r.publishedNote(),
        (System.nanoTime() - t0) * 1e-9);
  }

  private static void addSeries(Output out, double[] obs, Trajectory tr, int fit, String role,
      SiteExperiment e, List<PredictionScore> scores, List<SeriesPanel> panels) {
    double[] mod = e.windowPart(tr.output(out));
    scores.add(score(out, obs, mod, 0, fit, "fit"));
    if (fit < obs.length) {
      scores.add(score(out, obs, mod, fit, obs.length, "validation"));
    }
    panels.add(new SeriesPanel(out.name(), out.unit(), e.hours(), obs, mod, fit, role));
  }

  /** RMSE and bias over levels [from, to), ignoring missing observations. */
  public static PredictionScore score(Output out, double[] obs, double[] mod, int from, int to,
      String period) {
    double s2 = 0;
    double s1 = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(obs[i])) {
        double d = mod[i] - obs[i];
        s2 += d * d;
        s1 += d;
        n++;
      }
    }
    return new PredictionScore(out.name(), out.unit(), period, n == 0 ? Double.NaN : Math.sqrt(s2 / n),
        n == 0 ? Double.NaN : s1 / n, n);
  }

  /**
   * Index of the result with the lowest finite loss (the first start that did not fail if none is
   * finite; 0 if all failed).
   */
  public static int best(List<FitResult> rs) {
    int b = 0;
    for (int i = 0; i < rs.size(); i++) {
      if (!MultiStart.isFailed(rs.get(i))) {
        b = i;
        break;
      }
    }
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rs.size(); i++) {
      if (!MultiStart.isFailed(rs.get(i)) && rs.get(i).loss() < min) {
        min = rs.get(i).loss();
        b = i;
      }
    }
    return b;
  }

  /** Parameter names (plus derived hbeta when h and beta are fitted). */
  public static List<String> names(Objective o) {
    return new ArrayList<>(o.space().named(new double[o.space().dimension()]).keySet().stream()
        .toList());
  }

  /** Units matching {@link #names(Objective)}. */
  public static List<String> units(Objective o) {
    List<String> u = new ArrayList<>();
    for (FitParam p : o.space().free()) {
      u.add(p.unit());
    }
    if (o.space().free().contains(FitParam.H)) {
      u.add(FitParam.HBETA.unit());
    }
    return u;
  }

  /**
   * Median, min, max and interquartile range of each named value over the starts that did not fail
   * ({@link MultiStart#isFailed}); empty when every start failed.
   */
  public static Map<String, Map<String, Double>> summary(List<FitResult> all) {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    List<FitResult> rs = all.stream().filter(r -> !MultiStart.isFailed(r)).toList();
    if (rs.isEmpty()) {
      return m;
    }
    for (String name : rs.get(0).named().keySet()) {
      double[] v = rs.stream().mapToDouble(r -> r.named().get(name)).sorted().toArray();
      Map<String, Double> s = new LinkedHashMap<>();
      s.put("median", quantile(v, 0.5));
      s.put("min", v[0]);
      s.put("max", v[v.length - 1]);
      s.put("iqr", quantile(v, 0.75) - quantile(v, 0.25));
      m.put(name, s);
    }
    return m;
  }

  /** Median of unsorted values. */
  public static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return quantile(v, 0.5);
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
  }
}
