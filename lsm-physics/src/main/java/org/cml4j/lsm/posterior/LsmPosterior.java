package org.cml4j.lsm.posterior;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.batch.BatchColumnModel;
import org.cml4j.lsm.batch.BatchLoss;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.BatchObjective;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.estimation.ParameterSpace;
import org.cml4j.lsm.gradient.Adjoint;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.Output;

/**
 * The posterior of an {@link Objective}'s parameters as a {@link LogDensity} on unconstrained
 * coordinates u = (one per fitted parameter, see {@link ParameterPrior}; then, with AR(1)
 * residuals, atanh(rho_k) per observed variable, rho uniform on (-1, 1)). The likelihood is
 * {@link GaussianLikelihood} (noise scales marginalised, Jeffreys prior); the log density
 * includes every Jacobian term.
 *
 * <p>Gradients: with the EXACT step solver and constant parameters (see
 * {@link BatchObjective#supports}) the points of a call run as the columns of batched forward +
 * adjoint calls of {@link BatchColumnModel#gradient} (groups of a fixed number of columns, see
 * the constructor) with a per-column {@link BatchLoss} (each chain's own rho); otherwise each
 * point runs the scalar model and {@link Adjoint#vjp} (both in {@link PosteriorRuns}). Counts
 * forward and adjoint runs. Thread-safe.
 */
public final class LsmPosterior implements LogDensity {
  private final Objective obj;
  private final ParameterSpace space;
  private final List<ParameterPrior> priors;
  private final GaussianLikelihood lik;
  private final boolean ar1;
  private final PosteriorRuns runs;
  private final BatchRunner runner;
  private final int groupWidth;

  /** Default points per batched call ({@link #LsmPosterior(Objective, List, boolean,
   * BatchRunner, int)}). */
  public static final int DEFAULT_GROUP = 4;

  /** With {@link #DEFAULT_GROUP} points per batched call. */
  public LsmPosterior(Objective obj, List<ParameterPrior> priors, boolean ar1, BatchRunner runner) {
    this(obj, priors, ar1, runner, DEFAULT_GROUP);
  }

  /**
   * @param priors one per fitted coordinate of {@code obj.space()}, same order
   * @param ar1 whether residuals are AR(1) (rho_k sampled)
   * @param runner threads for the groups of points, or null to force the scalar path
   * @param group points per batched call: the points of a call are cut into consecutive groups of
   *     this many columns, each run by one single-threaded batched forward + adjoint call, the
   *     groups spread over the runner's threads. The group (not the thread count) fixes which
   *     columns share a vectorised chunk, so results do not depend on the thread count.
   */
  public LsmPosterior(Objective obj, List<ParameterPrior> priors, boolean ar1, BatchRunner runner,
      int group) {
    if (group < 1) {
      throw new IllegalArgumentException("posterior: group must be >= 1 column, got " + group);
    }
    this.runner = runner;
    this.groupWidth = group;
    this.obj = obj;
    this.space = obj.space();
    if (priors.size() != space.dimension()) {
      throw new IllegalArgumentException("posterior: " + priors.size() + " priors for "
          + space.dimension() + " fitted parameters " + space.free());
    }
    for (int i = 0; i < priors.size(); i++) {
      if (priors.get(i).param() != space.free().get(i)) {
        throw new IllegalArgumentException("posterior: prior " + i + " is for "
            + priors.get(i).param().symbol() + ", the parameter is "
            + space.free().get(i).symbol());
      }
    }
    this.priors = List.copyOf(priors);
    this.lik = new GaussianLikelihood(obj.observations());
    this.ar1 = ar1;
    this.runs = new PosteriorRuns(obj, lik, runner != null && BatchObjective.supports(obj)
        ? new BatchColumnModel(obj.model().grid(), new BatchRunner(1, group)) : null);
  }

  /** Uniform priors on every fitted coordinate's bounds. */
  public static List<ParameterPrior> uniformPriors(ParameterSpace space) {
    List<ParameterPrior> p = new ArrayList<>();
    for (FitParam f : space.free()) {
      p.add(ParameterPrior.uniform(f));
    }
    return p;
  }

  /** Whether gradients run batched on {@link BatchColumnModel}. */
  public boolean batched() {
    return runs.batched();
  }

  public Objective objective() {
    return obj;
  }

  public GaussianLikelihood likelihood() {
    return lik;
  }

  public boolean ar1() {
    return ar1;
  }

  @Override
  public int dimension() {
    return space.dimension() + (ar1 ? lik.variables() : 0);
  }

  /** Names of the coordinates: parameter symbols, then rho_&lt;output&gt; with AR(1). */
  public List<String> names() {
    List<String> n = new ArrayList<>();
    for (FitParam f : space.free()) {
      n.add(f.symbol());
    }
    if (ar1) {
      for (Output o : lik.observations().outputs()) {
        n.add("rho_" + o.name());
      }
    }
    return n;
  }

  /** Units of the coordinates. */
  public List<String> units() {
    List<String> n = new ArrayList<>();
    for (FitParam f : space.free()) {
      n.add(f.unit());
    }
    if (ar1) {
      for (int k = 0; k < lik.variables(); k++) {
        n.add("-");
      }
    }
    return n;
  }

  /** Forward model runs so far. */
  public long forwardRuns() {
    return runs.forwardRuns();
  }

  /** Adjoint sweeps so far. */
  public long gradientRuns() {
    return runs.gradientRuns();
  }

  /** Unconstrained coordinates of fitted values {@code theta} (rho = 0). */
  public double[] toUnconstrained(double[] theta) {
    double[] u = new double[dimension()];
    for (int i = 0; i < theta.length; i++) {
      u[i] = priors.get(i).toUnconstrained(theta[i]);
    }
    return u;
  }

  /** Physical values (fitted parameters, then rho_k) of unconstrained {@code u}. */
  public double[] toPhysical(double[] u) {
    double[] v = new double[u.length];
    int n = space.dimension();
    for (int i = 0; i < u.length; i++) {
      v[i] = i < n ? priors.get(i).toPhysical(u[i]) : Math.tanh(u[i]);
    }
    return v;
  }

  /** d physical / d u per coordinate (the metric conversion of a covariance). */
  public double[] dPhysical(double[] u) {
    double[] v = new double[u.length];
    int n = space.dimension();
    for (int i = 0; i < u.length; i++) {
      v[i] = i < n ? priors.get(i).dPhysical(u[i]) : 1 - Math.tanh(u[i]) * Math.tanh(u[i]);
    }
    return v;
  }

  @Override
  public void evaluate(double[][] points, double[] logp, double[][] grad) {
    int n = space.dimension();
    int m = points.length;
    double[][] theta = new double[m][];
    double[][] rho = new double[m][];
    ColumnParameters[] cps = new ColumnParameters[m];
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      double[] u = points[i];
      logp[i] = 0;
      java.util.Arrays.fill(grad[i], 0);
      theta[i] = new double[n];
      for (int j = 0; j < n && logp[i] > Double.NEGATIVE_INFINITY; j++) {
        double[] pr = Double.isFinite(u[j]) ? priors.get(j).logDensity(u[j])
            : new double[] {Double.NEGATIVE_INFINITY, 0};
        logp[i] += pr[0];
        grad[i][j] = pr[1];
        theta[i][j] = priors.get(j).toPhysical(u[j]);
      }
      rho[i] = new double[lik.variables()];
      for (int k = 0; ar1 && k < rho[i].length; k++) {
        double r = Math.tanh(u[n + k]);
        if (!(Math.abs(r) < 1)) {
          logp[i] = Double.NEGATIVE_INFINITY;
          break;
        }
        rho[i][k] = r;
        logp[i] += Math.log1p(-r * r);
        grad[i][n + k] = -2 * r;
      }
      if (logp[i] > Double.NEGATIVE_INFINITY) {
        try {
          cps[i] = space.toModel(theta[i]);
          live.add(i);
        } catch (IllegalArgumentException e) {
          logp[i] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    if (live.isEmpty()) {
      return;
    }
    double[][] dTheta = new double[m][];
    double[][] dRho = new double[m][lik.variables()];
    double[] ll = new double[m];
    if (runs.batched()) {
      batchedLikelihood(live, cps, rho, ll, dTheta, dRho, theta);
    } else {
      for (int i : live) {
        runs.scalarLikelihood(i, cps[i], rho[i], ll, dTheta, dRho[i], theta[i]);
      }
    }
    for (int i : live) {
      if (!Double.isFinite(ll[i]) || dTheta[i] == null) {
        logp[i] = Double.NEGATIVE_INFINITY;
        continue;
      }
      logp[i] += ll[i];
      for (int j = 0; j < n; j++) {
        grad[i][j] += dTheta[i][j] * priors.get(j).dPhysical(points[i][j]);
      }
      for (int k = 0; ar1 && k < rho[i].length; k++) {
        grad[i][n + k] += dRho[i][k] * (1 - rho[i][k] * rho[i][k]);
      }
    }
  }

  private void batchedLikelihood(List<Integer> live, ColumnParameters[] cps, double[][] rho,
      double[] ll, double[][] dTheta, double[][] dRho, double[][] theta) {
    int groups = (live.size() + groupWidth - 1) / groupWidth;
    runner.run(groups, w -> Boolean.TRUE, (ws, from, w) -> {
      for (int q = from; q < from + w; q++) {
        List<Integer> group = live.subList(q * groupWidth,
            Math.min(live.size(), (q + 1) * groupWidth));
        try {
          runs.group(group, cps, rho, ll, dTheta, dRho, theta);
        } catch (RuntimeException e) {
          for (int i : group) {
            try {
              runs.group(List.of(i), cps, rho, ll, dTheta, dRho, theta);
            } catch (RuntimeException e1) {
              ll[i] = Double.NEGATIVE_INFINITY;
            }
          }
        }
      }
    });
  }

  /**
   * Model outputs of the observed variables at fitted values {@code thetas} ({@code [draw]
   * [level][output]}), batched when possible.
   */
  public List<double[][]> outputs(List<double[]> thetas) {
    return runs.outputs(thetas);
  }
}
