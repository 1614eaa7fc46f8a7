package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Stated Gaussian priors on fitted coordinates, written as extra residual rows so least squares
 * (Levenberg–Marquardt) and gradient methods see the same penalised loss: one row per term,
 * {@code sqrt(w) (g(theta) - g(mu)) / sigma}, with {@code g = ln} for a log-space term and the
 * identity otherwise. {@code w} [K^2] weighs a one-sigma prior departure against the squared
 * temperature residuals of the data ({@link #DEFAULT_WEIGHT}). Terms on coordinates that are not
 * fitted are ignored.
 */
public final class Prior {
  /**
   * Default weight w = 6 K^2: an observation error of 0.5 K with one independent residual per
   * 24 hourly levels (the residuals of a conduction model are correlated over the diurnal cycle),
   * i.e. 24 x 0.5^2. A one-sigma departure then costs as much as 24 hourly residuals of 0.5 K.
   */
  public static final double DEFAULT_WEIGHT = 6.0;
  /** Contraction below which a parameter is flagged as decided by its prior. */
  public static final double DECIDED_CONTRACTION = 0.5;
  private static final Prior NONE = new Prior(List.of(), DEFAULT_WEIGHT);

  /**
   * One Gaussian term.
   *
   * @param param the coordinate
   * @param mean prior mean (physical units)
   * @param sd prior standard deviation (physical units, or of ln(value) when {@code logSpace})
   * @param logSpace whether the term is on ln(value)
   * @param source where the mean and sd come from (for reports)
   */
  public record Term(FitParam param, double mean, double sd, boolean logSpace, String source) {
    public Term {
      if (!(sd > 0) || !Double.isFinite(mean) || (logSpace && !(mean > 0))) {
        throw new IllegalArgumentException("prior on " + param.symbol() + ": mean " + mean
            + " and sd " + sd + " must be finite, sd > 0 (mean > 0 in log space)");
      }
    }

    double g(double x) {
      return logSpace ? Math.log(x) : x;
    }

    double dg(double x) {
      return logSpace ? 1 / x : 1;
    }

    @Override
    public String toString() {
      return logSpace ? String.format(Locale.ROOT, "ln %s ~ N(ln %.4g, %.3g^2) (%s)", param.symbol(),
          mean, sd, source) : String.format(Locale.ROOT, "%s ~ N(%.5g, %.3g^2) (%s)", param.symbol(),
          mean, sd, source);
    }
  }

  private final List<Term> terms;
  private final double weight;

  /** @param weight w [K^2] &gt; 0 */
  public Prior(List<Term> terms, double weight) {
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException("prior weight must be positive, got " + weight);
    }
    this.terms = List.copyOf(terms);
    this.weight = weight;
  }

  /** No prior. */
  public static Prior none() {
    return NONE;
  }

  public List<Term> terms() {
    return terms;
  }

  public double weight() {
    return weight;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** Terms whose coordinate is fitted in {@code space}, in term order. */
  public List<Term> active(ParameterSpace space) {
    return terms.stream().filter(t -> space.free().contains(t.param())).toList();
  }

  /** Residual rows at {@code theta} (coordinates clamped as the model sees them). */
  public double[] rows(ParameterSpace space, double[] theta) {
    double[] t = space.clamp(theta);
    List<Term> a = active(space);
    double[] r = new double[a.size()];
    for (int k = 0; k < r.length; k++) {
      Term term = a.get(k);
      double x = t[space.free().indexOf(term.param())];
      r[k] = Math.sqrt(weight) * (term.g(x) - term.g(term.mean())) / term.sd();
    }
    return r;
  }

  /** d rows / d theta [row][coordinate]. */
  public double[][] jacobian(ParameterSpace space, double[] theta) {
    double[] t = space.clamp(theta);
    List<Term> a = active(space);
    double[][] j = new double[a.size()][space.dimension()];
    for (int k = 0; k < j.length; k++) {
      Term term = a.get(k);
      int i = space.free().indexOf(term.param());
      j[k][i] = Math.sqrt(weight) * term.dg(t[i]) / term.sd();
    }
    return j;
  }

  /** Sum of squared rows. */
  public double penalty(ParameterSpace space, double[] theta) {
    double s = 0;
    for (double r : rows(space, theta)) {
      s += r * r;
    }
    return s;
  }

  /** Gradient of {@link #penalty}. */
  public double[] penaltyGradient(ParameterSpace space, double[] theta) {
    double[] r = rows(space, theta);
    double[][] j = jacobian(space, theta);
    double[] g = new double[space.dimension()];
    for (int k = 0; k < r.length; k++) {
      for (int i = 0; i < g.length; i++) {
        g[i] += 2 * r[k] * j[k][i];
      }
    }
    return g;
  }

  /**
   * How much each prior term shaped the fit at {@code theta} (Gauss–Newton approximation).
   *
   * @param term the term
   * @param value fitted value
   * @param zScore (g(value) - g(mean)) / sd: the posterior shift relative to the prior sd
   * @param contraction 1 - posterior variance / prior variance of the coordinate, the posterior
   *     variance from (J_d^T J_d + J_p^T J_p)^-1 with the data and prior rows (Betancourt 2018,
   *     "Calibrating model-based inferences and decisions", arXiv 1803.08393): near 1 the data
   *     decided, near 0 the prior did
   * @param decided whether contraction &lt; {@link #DECIDED_CONTRACTION}
   */
  public record TermReport(Term term, double value, double zScore, double contraction,
      boolean decided) {}

  /**
   * @param terms one report per active term
   * @param penaltyShare the prior rows' share of the total sum of squared rows at the optimum
   */
  public record Report(List<TermReport> terms, double penaltyShare) {
    /** Whether any prior term decided its parameter. */
    public boolean anyDecided() {
      return terms.stream().anyMatch(TermReport::decided);
    }

    /** One sentence per term for report.md / results.json. */
    public String text() {
      if (terms.isEmpty()) {
        return "No prior.";
      }
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "Prior terms (penalty %.1f %% of the loss at the best"
          + " start):", 100 * penaltyShare));
      for (TermReport t : terms) {
        sb.append(String.format(Locale.ROOT, " %s: fitted %.5g, z = %.2f, contraction %.2f%s;",
            t.term(), t.value(), t.zScore(), t.contraction(),
            t.decided() ? " - PRIOR DECIDED (the data barely constrain it)" : ""));
      }
      sb.setLength(sb.length() - 1);
      return sb.append('.').toString();
    }
  }

  /** Diagnostics of this prior at {@code theta}, from the objective's stacked residual Jacobian. */
  public Report report(Objective o, double[] theta) {
    ParameterSpace space = o.space();
    List<Term> a = active(space);
    Objective.Residuals res = o.residuals(theta);
    int nData = res.r().length - a.size();
    int n = space.dimension();
    double[][] h = new double[n][n];
    double total = 0;
    double pen = 0;
    for (int row = 0; row < res.r().length; row++) {
      double[] j = res.jacobian()[row];
      total += res.r()[row] * res.r()[row];
      if (row >= nData) {
        pen += res.r()[row] * res.r()[row];
      }
      for (int p = 0; p < n; p++) {
        for (int q = 0; q < n; q++) {
          h[p][q] += j[p] * j[q];
        }
      }
    }
    RealMatrix cov = null;
    try {
      cov = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
    } catch (RuntimeException singular) {
      // leave contraction NaN
    }
    double[] t = space.clamp(theta);
    double[][] jp = jacobian(space, theta);
    List<TermReport> out = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      Term term = a.get(k);
      int i = space.free().indexOf(term.param());
      double z = (term.g(t[i]) - term.g(term.mean())) / term.sd();
      double priorInfo = 0;   // all terms on this coordinate
      for (int m = 0; m < a.size(); m++) {
        priorInfo += jp[m][i] * jp[m][i];
      }
      double c = cov == null ? Double.NaN : 1 - cov.getEntry(i, i) * priorInfo;
      out.add(new TermReport(term, t[i], z, c, Double.isFinite(c) && c < DECIDED_CONTRACTION));
    }
    return new Report(out, total > 0 ? pen / total : 0);
  }

  @Override
  public String toString() {
    return terms.isEmpty() ? "none" : terms + String.format(Locale.ROOT, ", weight %.3g K^2", weight);
  }
}
