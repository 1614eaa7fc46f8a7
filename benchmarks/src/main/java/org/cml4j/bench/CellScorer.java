package org.cml4j.bench;

import org.cml4j.testbeds.tasks.BenchTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.metrics.Moments;
import org.cml4j.core.metrics.PhysicsConsistency;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.uncertainty.ProbabilisticScores;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;

/** Scores a solution on a benchmark case's test period against its truth. */
public final class CellScorer {
  /** Energy-balance tolerance for the inconsistency fraction [W m-2]. */
  public static final double ENERGY_TOLERANCE = 10.0;

  private CellScorer() {}

  /** Paradigm label of an approach: cascade / embedding / fusion / baseline. */
  public static String paradigm(Approach a) {
    return a instanceof Coupling c ? c.paradigm().name().toLowerCase(java.util.Locale.ROOT)
        : "baseline";
  }

  /** Mode of an approach, e.g. {@code 7 input-variable constraint}; "" for baselines. */
  public static String mode(Approach a) {
    return a instanceof Coupling c ? c.mode().number() + " " + c.mode().label() : "";
  }

  /** Diagnostic scalar a coupling sets to 1 when it stopped on its wall-time safety cap. */
  public static final String TIME_CAP_HIT = "timeCapHit";

  /** A successful cell of replicate {@code replicate}. */
  public static CellResult score(BenchTask bc, Approach a, CouplingSolution s, int replicate,
      String contentKey) {
    TimeSplit sp = bc.task().split();
    int from = sp.validationEnd();
    int to = sp.size();
    List<TargetScore> scores = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, double[]> series = new LinkedHashMap<>();
    for (String t : bc.task().targets()) {
      if (!s.predictions().has(t)) {
        missing.add(t);
        continue;
      }
      double[] p = s.predictions().values(t, from, to);
      double[] o = bc.truth().values(t, from, to);
      for (int i = 0; i < p.length; i++) {
        if (!Double.isFinite(p[i])) {
          throw new IllegalStateException(a.name() + " predicted " + p[i] + " for " + t
              + " at test step " + i);
        }
      }
      Metrics.Scores m = Metrics.all(p, o);
      Metrics.Plumber2Scores q = Metrics.plumber2(p, o);
      PredictiveDistribution d = s.predictive().get(t);
      if (d == null) {
        scores.add(new TargetScore(t, m.n(), m.rmse(), m.bias(), m.kge(), q.mae(),
            q.sdDifference(), q.correlationError(), q.p5Error(), q.p95Error()));
      } else {
        ProbabilisticScores.Scores u = ProbabilisticScores.score(d, o, from, to, from);
        double[] lo = new double[to - from];
        double[] hi = new double[to - from];
        for (int i = from; i < to; i++) {
          lo[i - from] = d.quantile(i, 0.05);
          hi[i - from] = d.quantile(i, 0.95);
        }
        scores.add(new TargetScore(t, m.n(), m.rmse(), m.bias(), m.kge(), q.mae(),
            q.sdDifference(), q.correlationError(), q.p5Error(), q.p95Error(), u.crps(),
            u.coverage50(), u.coverage90(), u.width90(), u.pit(), lo, hi));
      }
      series.put(t, p);
    }
    double alpha = s.parameters().getOrDefault("alpha",
        bc.task().knownParameters().getOrDefault("alpha", 0.2));
    double incons = PhysicsConsistency.energyBalance(s.predictions(), bc.task().forcing(), alpha,
        from, to, ENERGY_TOLERANCE).map(PhysicsConsistency.EnergyBalance::inconsistentFraction)
        .orElse(Double.NaN);
    double perr = Double.NaN;
    Map<String, Double> fitted = new java.util.TreeMap<>();
    s.parameters().forEach((k, v) -> {
      if (Double.isFinite(v)) {
        fitted.put(k, v);
      }
    });
    for (var e : bc.trueParameters().entrySet()) {
      Double fit = s.parameters().get(e.getKey());
      if (fit != null && e.getValue() != 0) {
        double rel = Math.abs(fit / e.getValue() - 1);
        perr = Double.isNaN(perr) ? rel : Math.max(perr, rel);
      }
    }
    Map<String, String> config = s.provenance() == null ? Map.of() : s.provenance().config();
    Double cap = s.diagnostics() == null ? null : s.diagnostics().scalars().get(TIME_CAP_HIT);
    return new CellResult(bc.id(), bc.family(), a.name(), a.category(), paradigm(a),
        CellResult.OK, "", bc.trainingDays(), scores, missing, incons, perr, s.fitSeconds(),
        s.predictSeconds(), series, fitted, replicate, mode(a),
        config.getOrDefault("calibration", ""), cap != null && cap > 0, contentKey, config);
  }

  /** A cell that failed or does not apply. */
  public static CellResult notRun(BenchTask bc, Approach a, String status, String reason,
      double seconds, int replicate, String contentKey) {
    return new CellResult(bc.id(), bc.family(), a.name(), a.category(), paradigm(a), status,
        reason, bc.trainingDays(), List.of(), bc.task().targets(), Double.NaN, Double.NaN, seconds,
        0, Map.of(), Map.of(), replicate, mode(a), "", false, contentKey, Map.of());
  }

  /** Standard deviation of each target's truth over the test period (for normalising errors). */
  public static Map<String, Double> truthStd(BenchTask bc) {
    Map<String, Double> m = new LinkedHashMap<>();
    Frame tr = bc.truth();
    TimeSplit sp = bc.task().split();
    for (String t : bc.task().targets()) {
      double[] v = tr.values(t, sp.validationEnd(), sp.size());
      Moments mo = Moments.of(v);
      m.put(t, mo.count() < 2 ? Double.NaN : Math.sqrt(Math.max(0, mo.variance())));
    }
    return m;
  }
}
