package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Identifiability diagnostics (beyond Huang et al. 2025): Fisher matrix at the optimum, its
 * eigen-decomposition, standard errors, correlations, and a verdict naming the parameters and
 * combinations the chosen observations do and do not determine.
 *
 * <p>Thresholds: a positive parameter is identifiable if its relative standard error is at most
 * {@code relTol} (default 10 %), Tb if its SE is at most {@code tbTolK} (default 1 K). A direction
 * (eigenvector of F with coordinates in tolerance units) is weak when the SE along it exceeds one
 * tolerance unit; it is described as a product of powers, e.g. {@code lambda^+0.89 * C^+0.45}. For noise-free synthetic
 * observations sigma defaults to an assumed sensor error (0.1 K); otherwise it is the residual
 * standard deviation.
 */
public final class Identifiability {
  /** Assumed observation error for noise-free synthetic studies [K]. */
  public static final double DEFAULT_SENSOR_SD = 0.1;
  private final double relTol;
  private final double tbTolK;

  public Identifiability(double relTol, double tbTolK) {
    this.relTol = relTol;
    this.tbTolK = tbTolK;
  }

  public Identifiability() {
    this(0.10, 1.0);
  }

  /**
   * Analyses {@code obj} at {@code theta}.
   *
   * @param noiseSd known observation noise; NaN to use max(residual SD, 0.1 K)
   */
  public IdentifiabilityReport analyze(Objective obj, double[] theta, double noiseSd) {
    IdentifiabilityReport reduced = null;
    ParameterSpace space = obj.space();
    int iH = space.free().indexOf(FitParam.H);
    if (iH >= 0) {
      List<FitParam> red = new ArrayList<>();
      double[] rt = new double[space.dimension() - 1];
      int j = 0;
      for (int i = 0; i < space.dimension(); i++) {
        FitParam f = space.free().get(i);
        if (f == FitParam.BETA) {
          continue;
        }
        red.add(f == FitParam.H ? FitParam.HBETA : f);
        rt[j++] = f == FitParam.H ? space.named(theta).get("hbeta") : theta[i];
      }
      ParameterSpace rs = new ParameterSpace(red, space.toModel(theta));
      Objective ro = new Objective(obj.model(), obj.forcing(), obj.initial(), obj.observations(), rs);
      reduced = analyzeSpace(ro, rt, noiseSd, null);
    }
    return analyzeSpace(obj, theta, noiseSd, reduced);
  }

  private IdentifiabilityReport analyzeSpace(Objective obj, double[] theta, double noiseSd,
      IdentifiabilityReport reduced) {
    return analyzeResiduals(obj.space(), theta, obj.residuals(theta), noiseSd, reduced);
  }

  /**
   * As {@link #analyze}, from residuals and their Jacobian already computed at {@code theta} (e.g.
   * by {@link BatchLeastSquares}), for a space without the split h, beta coordinates.
   *
   * @throws IllegalArgumentException if {@code space} fits h and beta (use {@link #analyze})
   */
  public IdentifiabilityReport analyze(ParameterSpace space, double[] theta,
      Objective.Residuals res, double noiseSd) {
    if (space.free().contains(FitParam.H)) {
      throw new IllegalArgumentException("h and beta need the reduced analysis: use analyze("
          + "Objective, ...)");
    }
    return analyzeResiduals(space, theta, res, noiseSd, null);
  }

  // analyzeResiduals runs once per map column: it is kept as a sequence of small methods because
  // as one method with nested loops C2 compiled it six times (on-stack replacement after
  // deoptimisations), 2.7 s of compiler CPU per `map --synthetic 10000` run (JFR jdk.Compilation,
  // issue 17); small methods are compiled once each. Same operations in the same order.
  private IdentifiabilityReport analyzeResiduals(ParameterSpace space, double[] theta,
      Objective.Residuals res, double noiseSd, IdentifiabilityReport reduced) {
    int n = space.dimension();
    double residualSd = residualSd(res.r(), n);
    double sigma;
    String source;
    if (!Double.isNaN(noiseSd)) {
      sigma = noiseSd;
      source = "given observation noise";
    } else if (residualSd >= DEFAULT_SENSOR_SD) {
      sigma = residualSd;
      source = "residual standard deviation";
    } else {
      sigma = DEFAULT_SENSOR_SD;
      source = String.format(Locale.ROOT, "assumed sensor error (residual SD %.2g is smaller)",
          residualSd);
    }
    boolean[] positive = new boolean[n];
    double[] tol = new double[n];
    for (int i = 0; i < n; i++) {
      positive[i] = space.free().get(i).positive();
      tol[i] = positive[i] ? relTol : tbTolK;
    }
    double[][] f = fisher(res.jacobian(), theta, positive, sigma);
    checkFinite(f, space, theta);
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(f));
    double[] ev = eig.getRealEigenvalues();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
    double[] lam = new double[n];
    double[][] vec = new double[n][];
    for (int i = 0; i < n; i++) {
      lam[i] = ev[order[i]];
      vec[i] = eig.getEigenvector(order[i]).toArray();
    }
    double[][] cov = covariance(lam, vec);
    List<String> names = new ArrayList<>();
    for (FitParam p : space.free()) {
      names.add(p.symbol());
    }
    double[] se = new double[n];
    boolean[] ok = new boolean[n];
    for (int i = 0; i < n; i++) {
      se[i] = Math.sqrt(cov[i][i]);
      ok[i] = se[i] <= tol[i];
    }
    double[][] corr = correlation(cov);
    List<String> weak = weakDirections(f, tol, names, space);
    String verdict = verdict(names, se, ok, space, weak, reduced);
    return new IdentifiabilityReport(names, theta.clone(), sigma, source, f, lam, vec, se, corr, ok,
        weak, verdict, reduced);
  }

  private static double residualSd(double[] r, int n) {
    double ssr = 0;
    for (double x : r) {
      ssr += x * x;
    }
    int dof = Math.max(1, r.length - n);
    return Math.sqrt(ssr / dof);
  }

  /** Fisher matrix sum_rows g g^T / sigma^2, g the row in log coordinates for positive parameters. */
  private static double[][] fisher(double[][] jacobian, double[] theta, boolean[] positive,
      double sigma) {
    int n = theta.length;
    double[][] f = new double[n][n];
    double[] g = new double[n];
    for (double[] row : jacobian) {
      for (int i = 0; i < n; i++) {
        g[i] = positive[i] ? row[i] * theta[i] : row[i];
      }
      addOuter(f, g, sigma);
    }
    return f;
  }

  private static void addOuter(double[][] f, double[] g, double sigma) {
    int n = g.length;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        f[a][b] += g[a] * g[b] / (sigma * sigma);
      }
    }
  }

  private static void checkFinite(double[][] f, ParameterSpace space, double[] theta) {
    for (double[] row : f) {
      for (double x : row) {
        if (!Double.isFinite(x)) {
          throw new IllegalStateException("the model's sensitivities to the fitted parameters are "
              + "not finite at " + space.named(theta) + ": identifiability cannot be assessed");
        }
      }
    }
  }

  /**
   * Pseudo-inverse of the Fisher matrix from its eigenpairs (descending); an entry touched by a
   * singular direction is infinite (diagonal) or NaN (off-diagonal).
   */
  private static double[][] covariance(double[] lam, double[][] vec) {
    int n = lam.length;
    double floor = Math.max(lam[0], 1e-300) * 1e-13;
    double[][] cov = new double[n][n];
    boolean[] singularDir = new boolean[n];
    for (int k = 0; k < n; k++) {
      singularDir[k] = lam[k] <= floor;
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        cov[a][b] = covarianceEntry(lam, vec, singularDir, a, b);
      }
    }
    return cov;
  }

  private static double covarianceEntry(double[] lam, double[][] vec, boolean[] singularDir, int a,
      int b) {
    double s = 0;
    for (int k = 0; k < lam.length; k++) {
      double w = vec[k][a] * vec[k][b];
      if (singularDir[k]) {
        if (a == b && Math.abs(vec[k][a]) > 1e-6) {
          s = Double.POSITIVE_INFINITY;
        } else if (Math.abs(w) > 1e-12) {
          s = Double.NaN;
        }
        if (Double.isInfinite(s) || Double.isNaN(s)) {
          break;
        }
        continue;
      }
      s += w / lam[k];
    }
    return s;
  }

  private static double[][] correlation(double[][] cov) {
    int n = cov.length;
    double[][] corr = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        corr[a][b] = cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
      }
    }
    return corr;
  }

  /**
   * Weak directions: eigen-analysis of F in tolerance units (u_i / tol_i), so a direction is weak
   * when moving one tolerance unit along it changes the fit by less than one sigma.
   */
  private static List<String> weakDirections(double[][] f, double[] tol, List<String> names,
      ParameterSpace space) {
    int n = tol.length;
    double[][] fs = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        fs[a][b] = f[a][b] * tol[a] * tol[b];
      }
    }
    EigenDecomposition eigS = new EigenDecomposition(new Array2DRowRealMatrix(fs));
    double lamMaxS = 0;
    for (double x : eigS.getRealEigenvalues()) {
      lamMaxS = Math.max(lamMaxS, x);
    }
    List<String> weak = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double l = eigS.getRealEigenvalue(k);
      if (l < 1) {
        double seUnits = l <= lamMaxS * 1e-13 ? Double.POSITIVE_INFINITY : 1 / Math.sqrt(l);
        weak.add(describe(names, space, eigS.getEigenvector(k).toArray(), seUnits));
      }
    }
    return weak;
  }

  private static String describe(List<String> names, ParameterSpace space, double[] v,
      double seDir) {
    StringBuilder sb = new StringBuilder();
    double max = 0;
    for (double x : v) {
      max = Math.max(max, Math.abs(x));
    }
    for (int i = 0; i < v.length; i++) {
      if (Math.abs(v[i]) < 0.15 * max) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(" * ");
      }
      if (space.free().get(i).positive()) {
        sb.append(String.format(Locale.ROOT, "%s^%+.2f", names.get(i), v[i]));
      } else {
        sb.append(String.format(Locale.ROOT, "exp(%+.2f %s/K)", v[i], names.get(i)));
      }
    }
    String se = Double.isInfinite(seDir) ? "unbounded (exactly flat)"
        : String.format(Locale.ROOT, "%.1f x the identifiability tolerance", seDir);
    return sb + " is poorly constrained (standard error along it " + se + ")";
  }

  private static String verdict(List<String> names, double[] se, boolean[] ok, ParameterSpace space,
      List<String> weak, IdentifiabilityReport reduced) {
    List<String> good = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String s = !Double.isFinite(se[i]) ? "unbounded"
          : space.free().get(i).positive() ? String.format(Locale.ROOT, "%.2g %%", se[i] * 100)
          : String.format(Locale.ROOT, "%.2g K", se[i]);
      (ok[i] ? good : bad).add(names.get(i) + " (SE " + s + ")");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(good.isEmpty() ? "No parameter is identifiable" : "Identifiable: " + String.join(", ", good));
    sb.append(". ");
    sb.append(bad.isEmpty() ? "All fitted parameters are identifiable."
        : "NOT identifiable from these observations: " + String.join(", ", bad) + ".");
    for (String w : weak) {
      sb.append(" Weak combination: ").append(w).append('.');
    }
    if (reduced != null) {
      boolean hbOk = reduced.isIdentifiable("hbeta");
      double hbSe = reduced.standardErrors()[reduced.names().indexOf("hbeta")];
      sb.append(" h and beta enter the model only as hbeta = h(1+1/beta): hbeta itself is ")
          .append(hbOk ? "identifiable" : "NOT identifiable")
          .append(Double.isFinite(hbSe) ? String.format(Locale.ROOT, " (SE %.2g %%).", hbSe * 100)
              : " (SE unbounded).");
    }
    return sb.toString();
  }
}
