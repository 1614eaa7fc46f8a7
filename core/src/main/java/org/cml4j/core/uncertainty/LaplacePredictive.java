package org.cml4j.core.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.random.Well19937c;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.PosteriorSamples;
import org.cml4j.core.spi.PredictiveDistribution;
import org.cml4j.core.vars.Frame;

/**
 * Posterior predictive of the calibrated physics by a Laplace (Gaussian) approximation at the
 * least-squares optimum: the tangent Jacobian J of the calibrated variables on the training period
 * gives the parameter covariance Σ = (Σ_k J_kᵀJ_k / σ_k²)⁻¹ (σ_k² the mean squared training
 * residual of variable k; pseudo-inverse by SVD for unidentifiable directions); the parameter
 * spread of target v at step t is sqrt(J_v,t Σ J_v,tᵀ); a noise scale from the {@link HeldOut}
 * residuals is added in quadrature so the mean predictive variance matches the mean squared
 * held-out residual. Residuals are treated as independent (hourly residuals are autocorrelated,
 * which makes Σ too small; the noise term, fitted on held-out residuals, absorbs most of it). A
 * target without held-out residuals (never observed) gets its parameter spread plus the
 * {@link StructuralError} scale transferred from the observed targets.
 * {@code ./cml4j estimate --posterior} samples the exact posterior by HMC instead
 * ({@code org.cml4j.lsm.posterior}).
 */
public final class LaplacePredictive {
  /** Posterior draws returned as {@link PosteriorSamples}. */
  public static final int DRAWS = 200;

  private LaplacePredictive() {}

  /**
   * Predictive distributions and parameter draws.
   *
   * @param predictive per predicted target: laplace+noise for targets with held-out observations,
   *     laplace+structural for the others ({@link StructuralError}; left out only when no target
   *     has held-out observations)
   * @param posterior Gaussian draws of the fitted parameters (null if Σ is not positive definite
   *     or nothing was fitted)
   * @param parameterSd the Laplace standard deviation of each fitted parameter
   */
  public record Result(Map<String, PredictiveDistribution> predictive, PosteriorSamples posterior,
      Map<String, Double> parameterSd) {}

  /**
   * The Laplace predictive of {@code targets} around {@code point} (the calibrated physics'
   * predictions, or a correction of them whose spread the physics dominates).
   */
  public static Result of(Calibration cal, CouplingTask task, List<String> targets, Frame point) {
    CalibrationProblem pb = cal.problem();
    List<String> names = new ArrayList<>(cal.fitted().keySet());
    List<String> outs = new ArrayList<>(new LinkedHashSet<>(pb.variables()));
    targets.stream().filter(t -> !outs.contains(t) && task.mechanism().canSimulate(t))
        .forEach(outs::add);
    int p = names.size();
    double[][][] jac = null;
    double[][] cov = new double[p][p];
    if (p > 0) {
      ModelRun run = pb.mechanism().run(new ModelInput(pb.forcing(), cal.parameters(), Map.of(),
          outs, pb.initialObservations()));
      jac = run.jacobian(names);
      double[][] fisher = new double[p][p];
      for (int k = 0; k < pb.variables().size(); k++) {
        String v = pb.variables().get(k);
        double[] sim = run.outputs().values(v);
        double[] obs = pb.observations().values(v);
        double ss = 0;
        int n = 0;
        for (int t = pb.from(); t < pb.to(); t++) {
          if (Double.isFinite(obs[t]) && Double.isFinite(sim[t])) {
            ss += (sim[t] - obs[t]) * (sim[t] - obs[t]);
            n++;
          }
        }
        double s2 = Math.max(ss / Math.max(1, n), 1e-12);
        for (int t = pb.from(); t < pb.to(); t++) {
          if (Double.isFinite(obs[t]) && Double.isFinite(sim[t])) {
            for (int i = 0; i < p; i++) {
              for (int j = 0; j < p; j++) {
                fisher[i][j] += jac[t][k][i] * jac[t][k][j] / s2;
              }
            }
          }
        }
      }
      cov = new SingularValueDecomposition(new Array2DRowRealMatrix(fisher)).getSolver()
          .getInverse().getData();
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < i; j++) {
          double m = 0.5 * (cov[i][j] + cov[j][i]);
          cov[i][j] = m;
          cov[j][i] = m;
        }
      }
    }
    Map<String, PredictiveDistribution> out = new LinkedHashMap<>();
    List<StructuralError.Donor> donors = new ArrayList<>();
    Map<String, double[]> unobserved = new LinkedHashMap<>();
    Map<String, double[]> spreads = new LinkedHashMap<>();
    for (String v : targets) {
      if (!point.has(v)) {
        continue;
      }
      double[] mean = point.values(v);
      double[] sd = new double[mean.length];
      int k = outs.indexOf(v);
      if (jac != null && k >= 0) {
        for (int t = 0; t < sd.length; t++) {
          double s = 0;
          for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
              s += jac[t][k][i] * cov[i][j] * jac[t][k][j];
            }
          }
          sd[t] = Math.sqrt(Math.max(0, s));
        }
      }
      StructuralError.Donor d = StructuralError.donor(task, v, mean, sd);
      if (d == null) {
        unobserved.put(v, mean);
        spreads.put(v, sd);
        continue;
      }
      donors.add(d);
      out.put(v, Predictives.gaussian("laplace+noise" + (HeldOut.of(task, v).inSample()
          ? "(in-sample)" : ""), mean, Predictives.addInQuadrature(sd, d.scale())));
    }
    out.putAll(StructuralError.gaussians("laplace", task, unobserved, spreads, donors));
    Map<String, Double> psd = new LinkedHashMap<>();
    for (int i = 0; i < p; i++) {
      psd.put(names.get(i), Math.sqrt(Math.max(0, cov[i][i])));
    }
    return new Result(out, draws(names, cal, cov, task.seed()), psd);
  }

  /**
   * The Laplace predictive of the targets in {@code only} (a subset of {@code targets}; the other
   * targets serve as donors of the structural-error scale): for a coupling that passes the
   * calibrated physics through for the targets it does not learn.
   */
  public static Map<String, PredictiveDistribution> of(Calibration cal, CouplingTask task,
      List<String> targets, Frame point, java.util.Collection<String> only) {
    Map<String, PredictiveDistribution> out = new LinkedHashMap<>(of(cal, task, targets, point)
        .predictive());
    out.keySet().retainAll(only);
    return out;
  }

  private static PosteriorSamples draws(List<String> names, Calibration cal, double[][] cov,
      long seed) {
    if (names.isEmpty()) {
      return null;
    }
    RealMatrix l;
    try {
      l = new CholeskyDecomposition(new Array2DRowRealMatrix(cov), 1e-12, 1e-14).getL();
    } catch (NonPositiveDefiniteMatrixException
        | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      return null;
    }
    Well19937c rng = new Well19937c(seed);
    int p = names.size();
    double[][] d = new double[DRAWS][p];
    for (int s = 0; s < DRAWS; s++) {
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        z[i] = rng.nextGaussian();
      }
      for (int i = 0; i < p; i++) {
        double v = cal.fitted().get(names.get(i));
        for (int j = 0; j <= i; j++) {
          v += l.getEntry(i, j) * z[j];
        }
        d[s][i] = v;
      }
    }
    return new PosteriorSamples("laplace", names, d);
  }
}
