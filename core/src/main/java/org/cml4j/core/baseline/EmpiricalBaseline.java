package org.cml4j.core.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * The empirical benchmarks of PLUMBER (Best et al. 2015, J. Hydrometeorol. 16, 1425–1442) and
 * PLUMBER2 (Abramowitz et al. 2024, Biogeosciences 21, 5517–5538): every target is regressed on
 * instantaneous forcing only, no physics, no memory.
 *
 * <ul>
 *   <li>{@code baseline.1lin}: linear regression on SWdown;
 *   <li>{@code baseline.2lin}: linear regression on SWdown and Tair;
 *   <li>{@code baseline.3km27}: k-means (27 clusters) on SWdown, Tair and humidity, one linear
 *       regression on those three per cluster ({@link ClusterRegression}).
 * </ul>
 *
 * <p>Protocol here (PLUMBER trains out of sample on other sites; cml4j tasks are single-site, so
 * "out of sample" means out of period): fitted on every step before the test period (training
 * and validation periods: the models have no hyperparameter to choose, and the couplings see the
 * validation observations too), predicting every target observed there on the whole axis; scored
 * on the test period like every approach. Humidity is the first of Qair, RH, VPD the forcing
 * carries (the site tasks add the file's Qair, e.g. phoenix-2012); without any (the twins,
 * Bondville) the downwelling longwave
 * LWdown, which rises with atmospheric water vapour (Brutsaert 1975), stands in and the
 * substitution is recorded in the provenance and diagnostics; without LWdown either, 3km27 is not
 * applicable. Predictors are standardised on the training rows. Training rows with a NaN
 * predictor or target are skipped; at prediction a NaN predictor step is filled by linear
 * interpolation in time (nearest value at the ends), so no output is NaN. Degenerate fits follow
 * {@link LinearFit} (constant or collinear predictors dropped) and {@link ClusterRegression}
 * (small clusters use the all-row regression). Deterministic: k-means is seeded with the task
 * seed.
 */
public final class EmpiricalBaseline extends AbstractBaseline {
  /** Minimum number of complete training rows of a target for it to be predicted. */
  public static final int MIN_TARGET_ROWS = 12;
  /** Humidity forcing names, in order of preference. */
  public static final List<String> HUMIDITY = List.of("Qair", "RH", "VPD");

  /** The three benchmarks. */
  public enum Kind {
    ONE_LIN("baseline.1lin", 1, 1), TWO_LIN("baseline.2lin", 2, 1),
    THREE_KM27("baseline.3km27", 3, 27);

    private final String approachName;
    private final int predictors;
    private final int clusters;

    Kind(String approachName, int predictors, int clusters) {
      this.approachName = approachName;
      this.predictors = predictors;
      this.clusters = clusters;
    }

    /** The approach name, e.g. {@code baseline.2lin}. */
    public String approachName() {
      return approachName;
    }
  }

  private final Kind kind;

  public EmpiricalBaseline(Kind kind) {
    super(kind.approachName, description(kind), "baseline (empirical)");
    this.kind = kind;
  }

  private static String description(Kind kind) {
    return switch (kind) {
      case ONE_LIN -> "empirical benchmark (PLUMBER 1lin): linear regression on SWdown";
      case TWO_LIN -> "empirical benchmark (PLUMBER 2lin): linear regression on SWdown, Tair";
      case THREE_KM27 -> "empirical benchmark (PLUMBER 3km27): 27 k-means clusters on SWdown,"
          + " Tair, humidity (LWdown if none), a linear regression per cluster";
    };
  }

  /** 1lin, 2lin and 3km27, in that order. */
  public static List<EmpiricalBaseline> all() {
    return Arrays.stream(Kind.values()).map(EmpiricalBaseline::new).toList();
  }

  /** Names of the three benchmarks. */
  public static List<String> names() {
    return Arrays.stream(Kind.values()).map(Kind::approachName).toList();
  }





  /** The predictor names on this forcing, or an explanation why there are none. */
  Predictors predictors(Frame forcing) {
    List<String> p = new ArrayList<>();
    for (String v : List.of(Variables.SWDOWN, Variables.TAIR).subList(0,
        Math.min(2, kind.predictors))) {
      if (!forcing.has(v)) {
        return new Predictors(null, "the forcing has no " + v + " (it has " + forcing.names()
            + ")");
      }
      p.add(v);
    }
    if (kind.predictors < 3) {
      return new Predictors(p, "");
    }
    String hum = HUMIDITY.stream().filter(forcing::has).findFirst().orElse(null);
    if (hum == null && !forcing.has(Variables.LWDOWN)) {
      return new Predictors(null, "the forcing has no humidity (" + String.join(", ", HUMIDITY)
          + ") and no LWdown to stand in for it (it has " + forcing.names() + ")");
    }
    p.add(hum != null ? hum : Variables.LWDOWN);
    return new Predictors(p, hum != null ? "" : "LWdown stands in for humidity: the forcing"
        + " carries none of " + HUMIDITY);
  }

  record Predictors(List<String> names, String note) {}

  /** Targets with at least {@link #MIN_TARGET_ROWS} complete rows before the test period. */
  List<String> fittableTargets(CouplingTask t, List<String> predictors) {
    int end = t.split().validationEnd();
    boolean[] ok = completeRows(t.forcing(), predictors, end);
    List<String> out = new ArrayList<>();
    for (String v : t.targets()) {
      if (!t.observations().has(v)) {
        continue;
      }
      double[] y = t.observations().values(v, 0, end);
      int n = 0;
      for (int i = 0; i < end; i++) {
        n += ok[i] && !Double.isNaN(y[i]) ? 1 : 0;
      }
      if (n >= MIN_TARGET_ROWS) {
        out.add(v);
      }
    }
    return out;
  }

  @Override
  public Applicability applicability(CouplingTask t) {
    Predictors p = predictors(t.forcing());
    if (p.names() == null) {
      return Applicability.no(p.note());
    }
    return fittableTargets(t, p.names()).isEmpty() ? Applicability.no("no target has "
        + MIN_TARGET_ROWS + " observations with complete forcing " + p.names()
        + " before the test period") : Applicability.yes();
  }

  @Override
  public CouplingSolution solve(CouplingTask t) {
    Applicability a = applicability(t);
    if (!a.applicable()) {
      throw new IllegalArgumentException(name() + " cannot solve task " + t.name() + ": "
          + a.reason());
    }
    long t0 = System.nanoTime();
    Predictors pr = predictors(t.forcing());
    List<String> vars = pr.names();
    List<String> targets = fittableTargets(t, vars);
    int n = t.forcing().size();
    int end = t.split().validationEnd();
    boolean[] ok = completeRows(t.forcing(), vars, end);
    double[][] x = new double[n][vars.size()];
    int filled = 0;
    for (int j = 0; j < vars.size(); j++) {
      double[] raw = t.forcing().values(vars.get(j));
      double[] f = GapFill.linear(raw);
      if (f == null) {
        throw new IllegalArgumentException(name() + ": forcing " + vars.get(j) + " of task "
            + t.name() + " has no value at all");
      }
      for (int i = 0; i < n; i++) {
        filled += Double.isNaN(raw[i]) ? 1 : 0;
        x[i][j] = f[i];
      }
    }
    List<double[]> trainRows = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (ok[i]) {
        trainRows.add(x[i]);
      }
    }
    Standardizer z = Standardizer.fit(trainRows.toArray(double[][]::new), name() + " predictors");
    double[][] zx = z.transform(x);
    List<double[]> zTrain = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (ok[i]) {
        zTrain.add(zx[i]);
      }
    }
    ClusterRegression cr = ClusterRegression.cluster(zTrain.toArray(double[][]::new),
        kind.clusters, t.seed());
    Diagnostics.Builder d = Diagnostics.builder().scalar("trainingRows", zTrain.size())
        .scalar("clusters", cr.clusters()).scalar("filledInputSteps", filled);
    if (!pr.note().isEmpty()) {
      d.note(pr.note());
    }
    List<ClusterRegression.Fitted> fits = new ArrayList<>();
    for (String v : targets) {
      double[] y = t.observations().values(v, 0, end);
      List<double[]> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < end; i++) {
        if (ok[i] && !Double.isNaN(y[i])) {
          xs.add(zx[i]);
          ys.add(y[i]);
        }
      }
      ClusterRegression.Fitted f = cr.fit(xs.toArray(double[][]::new),
          ys.stream().mapToDouble(Double::doubleValue).toArray());
      fits.add(f);
      d.scalar("ownClusterFits_" + v, f.ownFits()).scalar("predictorsUsed_" + v,
          f.global().used());
    }
    long t1 = System.nanoTime();
    Frame pred = t.forcing().select(List.of());
    for (int k = 0; k < targets.size(); k++) {
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = fits.get(k).predict(zx[i]);
      }
      pred = pred.with(t.targetSpec(targets.get(k)), col);
    }
    long t2 = System.nanoTime();
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("predictors", vars.toString());
    cfg.put("clusters", Integer.toString(kind.clusters));
    cfg.put("trainingSteps", "[0, " + end + ")");
    if (!pr.note().isEmpty()) {
      cfg.put("substitute", pr.note());
    }
    return new CouplingSolution(name(), pred, Map.of(), d.build(), (t1 - t0) * 1e-9,
        (t2 - t1) * 1e-9, RunProvenance.of(name(), "cml4j-core", cfg, t.seed(), t.fingerprint()));
  }

  /** Rows {@code [0, end)} whose predictors are all non-NaN. */
  private static boolean[] completeRows(Frame f, List<String> vars, int end) {
    boolean[] ok = new boolean[end];
    Arrays.fill(ok, true);
    for (String v : vars) {
      double[] s = f.values(v, 0, end);
      for (int i = 0; i < end; i++) {
        ok[i] &= Double.isFinite(s[i]);
      }
    }
    return ok;
  }
}
