package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.Identifiability;
import org.cml4j.lsm.estimation.IdentifiabilityReport;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.ParameterSpace;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SiteRequest;
import org.cml4j.lsm.model.ColumnParameters;

/**
 * Fits one column with the code path of {@code ./cml4j estimate --site}: a {@link SiteExperiment}
 * over the column's whole record, its {@link Objective}, {@link EstimationRuns#fit} from each seeded
 * start, the best converged start, and {@link Identifiability} at it. Never throws for a bad column:
 * the failure is returned as a {@link ColumnFit} with its reason, so a run goes on. Stateless and
 * serializable, so the same instance can run in threads or on cluster executors; results depend
 * only on the column and the settings (bit-for-bit reproducible).
 */
public final class ColumnFitter implements Serializable {
  private static final long serialVersionUID = 1L;
  private final MapSettings settings;

  public ColumnFitter(MapSettings settings) {
    this.settings = settings;
  }

  public MapSettings settings() {
    return settings;
  }

  /** Parameter names of every {@link ColumnFit} this fitter returns. */
  public List<String> parameterNames() {
    List<FitParam> fit = settings.effectiveFit();
    ParameterSpace space = new ParameterSpace(fit, ColumnParameters.builder().alpha(0.2)
        .lambda(1).heatCapacity(2e6).hbeta(20).tb(290).build());
    return List.copyOf(space.named(new double[fit.size()]).keySet());
  }

  /** Fits {@code column}; a failure comes back as a failed {@link ColumnFit}. */
  public ColumnFit fit(ColumnInput column) {
    try {
      return fitOrThrow(column);
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return ColumnFit.failed(column.id(), column.lat(), column.lon(), parameterNames(),
          settings.starts(), msg);
    }
  }

  private ColumnFit fitOrThrow(ColumnInput column) {
    Prepared p = prepare(column);
    List<FitResult> rs = new ArrayList<>();
    for (double[] s : p.starts()) {
      try {
        rs.add(EstimationRuns.fit(settings.solver(), p.objective(), s));
      } catch (RuntimeException ex) {
        // one start failing (a state the model rejects, a divergence) does not end the column
        rs.add(org.cml4j.lsm.estimation.MultiStart.failed(s, ex, 0));
      }
    }
    Objective o = p.objective();
    return finish(column, rs, best -> new Identifiability().analyze(o, best.fitted(),
        settings.noiseSd()));
  }

  /** A column's objective (its site experiment) and its seeded starts. */
  record Prepared(Objective objective, List<double[]> starts) {}

  /** Loads {@code column} and sets up its inverse problem (throws for a bad column). */
  Prepared prepare(ColumnInput column) {
    SiteData d = column.load();
    List<String> observe = settings.observe().isEmpty() ? defaultObserved(d) : settings.observe();
    if (observe.isEmpty()) {
      throw new IllegalArgumentException(d.source() + ": no SoilTemp_<depth> or SurfTemp "
          + "observations to fit; variables: " + d.variableNames());
    }
    Instant start = d.time(0);
    Instant end = d.time(d.size() - 1).plusSeconds(d.stepSeconds());
    int levels = (int) ((end.getEpochSecond() - start.getEpochSecond()) / 3600);
    SiteRequest req = new SiteRequest(column.id(), Path.of(column.file()), start, end, levels,
        observe, List.of(), settings.albedo(), settings.effectiveFit(), Map.of(), "");
    SiteExperiment e = SiteExperiment.of(req, d);
    return new Prepared(e.objective(settings.stepSolver()), e.starts(settings.starts(),
        settings.seed()));
  }

  /**
   * The column's fit from the results of its starts: the best converged start and the
   * identifiability analysis {@code identify} at it (throws when no start converged).
   */
  ColumnFit finish(ColumnInput column, List<FitResult> rs,
      java.util.function.Function<FitResult, IdentifiabilityReport> identify) {
    int converged = 0;
    FitResult best = null;
    FitResult bestAny = null;
    for (FitResult r : rs) {
      if (!Double.isFinite(r.loss())) {
        continue;
      }
      if (r.converged()) {
        converged++;
        if (best == null || r.loss() < best.loss()) {
          best = r;
        }
      }
      if (bestAny == null || r.loss() < bestAny.loss()) {
        bestAny = r;
      }
    }
    String note = "";
    if (best == null) {
      if (settings.solver().equals("adam") && bestAny != null) {
        best = bestAny;
        note = "no start met Adam's stopping rule; kept the lowest loss after the step budget";
      } else {
        throw new IllegalStateException("no start converged (" + rs.size() + " tried): "
            + rs.get(rs.size() - 1).stopReason());
      }
    }
    List<String> names = parameterNames();
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = best.named().get(names.get(i));
    }
    double[] se = new double[names.size()];
    boolean[] ok = new boolean[names.size()];
    try {
      IdentifiabilityReport id = identify.apply(best);
      for (int i = 0; i < names.size(); i++) {
        IdentifiabilityReport r = id.names().contains(names.get(i)) ? id : id.reduced();
        int j = r.names().indexOf(names.get(i));
        double rel = r.standardErrors()[j];
        se[i] = names.get(i).equals(FitParam.TB.symbol()) ? rel : rel * values[i];
        ok[i] = r.identifiable()[j];
      }
    } catch (RuntimeException ex) {
      java.util.Arrays.fill(se, Double.NaN);
      note = (note.isEmpty() ? "" : note + "; ") + "identifiability analysis failed: "
          + ex.getMessage();
    }
    return new ColumnFit(column.id(), column.lat(), column.lon(), names, values, se, ok,
        best.loss(), Math.sqrt(best.loss()), best.iterations(), converged, rs.size(), ColumnFit.OK,
        note);
  }

  /** Every soil temperature of the column, shallowest first, plus SurfTemp if present. */
  static List<String> defaultObserved(SiteData d) {
    List<String> o = new ArrayList<>();
    if (d.has("SurfTemp")) {
      o.add("SurfTemp");
    }
    for (double depth : d.soilDepths()) {
      if (depth < 1) {
        o.add(SiteData.soilTempName(depth));
      }
    }
    return o;
  }
}
