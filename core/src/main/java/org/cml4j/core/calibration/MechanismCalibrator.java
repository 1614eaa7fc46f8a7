package org.cml4j.core.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;

/**
 * Calibrates constant parameters of any differentiable {@link MechanismModel} against observed
 * variables with multi-start Levenberg–Marquardt (Commons Math 3.6.1) on the model's tangent
 * Jacobian. Positive parameters are optimised in log space; every step is clamped to the
 * parameters' physical bounds. Residuals of each variable are divided by that variable's standard
 * deviation over the fitted period, so kelvins and W m-2 can be fitted together.
 */
public final class MechanismCalibrator {
  private final OptimizerSettings settings;

  public MechanismCalibrator(OptimizerSettings settings) {
    this.settings = settings;
  }

  /**
   * The calibration problem.
   *
   * @param mechanism the model
   * @param forcing forcing frame over the run
   * @param observations observed variables (NaN = missing), same axis
   * @param variables observed variables to fit (each simulable)
   * @param from first time index whose residuals count
   * @param to end (exclusive) of the fitted period
   * @param fit names of the parameters to fit
   * @param guess first-guess values (missing ones: nominal); fixed parameters also come from here
   * @param initialObservations passed to the model's initial state
   * @param seed seed of the random starts after the first (which is the guess)
   */
  public record Problem(MechanismModel mechanism, Frame forcing, Frame observations,
      List<String> variables, int from, int to, List<String> fit, Map<String, Double> guess,
      Map<String, Double> initialObservations, long seed) {}

  /** Runs the multi-start calibration and returns the best start. */
  public Calibration calibrate(Problem pb) {
    if (!pb.mechanism().differentiable()) {
      throw new IllegalArgumentException("mechanism " + pb.mechanism().name()
          + " has no tangent model; LM calibration needs one");
    }
    for (String v : pb.variables()) {
      if (!pb.mechanism().canSimulate(v)) {
        throw new IllegalArgumentException("cannot calibrate against " + v + ": mechanism "
            + pb.mechanism().name() + " does not simulate it");
      }
    }
    List<ParameterInfo> infos = pb.fit().stream().map(pb.mechanism()::parameter).toList();
    Residuals res = new Residuals(pb);
    Random rnd = new Random(pb.seed());
    Calibration best = null;
    int iterations = 0;
    int evaluations = 0;
    for (int s = 0; s < settings.starts(); s++) {
      double[] u0 = new double[infos.size()];
      for (int i = 0; i < u0.length; i++) {
        ParameterInfo p = infos.get(i);
        double g = pb.guess().getOrDefault(p.name(), p.nominal());
        if (s > 0) {
          g = p.positive() ? g * Math.exp(1.4 * (rnd.nextDouble() - 0.5))
              : g + 0.1 * (rnd.nextDouble() - 0.5) * (p.upper() - p.lower());
        }
        u0[i] = toU(p, clamp(p, g));
      }
      int[] evals = {0};
      LeastSquaresProblem problem = new LeastSquaresBuilder().start(u0)
          .target(new double[res.count()])
          .model(u -> {
            evals[0]++;
            return res.evaluate(infos, u.toArray());
          })
          .parameterValidator(u -> {
            double[] x = u.toArray();
            for (int i = 0; i < x.length; i++) {
              x[i] = toU(infos.get(i), clamp(infos.get(i), fromU(infos.get(i), x[i])));
            }
            return new ArrayRealVector(x, false);
          })
          .lazyEvaluation(false).maxEvaluations(settings.maxEvaluations())
          .maxIterations(settings.maxIterations()).build();
      LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
          .withCostRelativeTolerance(settings.relativeTolerance())
          .withParameterRelativeTolerance(settings.relativeTolerance());
      double[] u;
      boolean converged;
      try {
        LeastSquaresOptimizer.Optimum opt = lm.optimize(problem);
        u = opt.getPoint().toArray();
        iterations += opt.getIterations();
        converged = true;
      } catch (TooManyEvaluationsException | TooManyIterationsException
          | ConvergenceException e) {
        u = res.bestU == null ? u0 : res.bestU;
        iterations += settings.maxIterations();
        converged = false;
      }
      evaluations += evals[0];
      Map<String, Double> fitted = new LinkedHashMap<>();
      for (int i = 0; i < u.length; i++) {
        fitted.put(infos.get(i).name(), clamp(infos.get(i), fromU(infos.get(i), u[i])));
      }
      Map<String, Double> all = res.parameters(fitted);
      ModelRun run = pb.mechanism().run(res.input(all));
      double cost = res.cost(run);
      if (best == null || cost < best.cost()) {
        best = new Calibration(all, fitted, cost, Math.sqrt(2 * cost / Math.max(1, res.count())),
            0, 0, 0, converged, run);
      }
      res.bestU = null;
    }
    return new Calibration(best.parameters(), best.fitted(), best.cost(),
        best.rmsWeightedResidual(), iterations, evaluations, settings.starts(), best.converged(),
        best.run());
  }

  /** Strictly inside the bounds ({@link ParameterInfo#clampInside}); positive stays positive. */
  static double clamp(ParameterInfo p, double v) {
    double c = p.clampInside(v);
    return p.positive() ? Math.max(c, 1e-9 * Math.max(1, Math.abs(p.nominal()))) : c;
  }

  private static double toU(ParameterInfo p, double v) {
    return p.positive() ? Math.log(v) : v;
  }

  private static double fromU(ParameterInfo p, double u) {
    return p.positive() ? Math.exp(u) : u;
  }

  /** Weighted residuals and their Jacobian in optimiser coordinates. */
  private static final class Residuals {
    private final Problem pb;
    private final double[] weight;
    private final List<int[]> valid = new ArrayList<>();
    private final double[][] obs;
    private double[] bestU;

    Residuals(Problem pb) {
      this.pb = pb;
      int nv = pb.variables().size();
      weight = new double[nv];
      obs = new double[nv][];
      for (int k = 0; k < nv; k++) {
        obs[k] = pb.observations().values(pb.variables().get(k));
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (int t = pb.from(); t < pb.to(); t++) {
          if (!Double.isNaN(obs[k][t])) {
            valid.add(new int[] {t, k});
            sum += obs[k][t];
            sum2 += obs[k][t] * obs[k][t];
            n++;
          }
        }
        if (n < 2) {
          throw new IllegalArgumentException("variable " + pb.variables().get(k) + " has " + n
              + " observations in steps [" + pb.from() + ", " + pb.to() + "); need at least 2");
        }
        double var = sum2 / n - (sum / n) * (sum / n);
        weight[k] = 1 / Math.sqrt(Math.max(var, 1e-6));
      }
    }

    int count() {
      return valid.size();
    }

    Map<String, Double> parameters(Map<String, Double> fitted) {
      Map<String, Double> all = new LinkedHashMap<>(pb.guess());
      all.putAll(fitted);
      return all;
    }

    ModelInput input(Map<String, Double> params) {
      return new ModelInput(pb.forcing(), params, Map.of(), pb.variables(),
          pb.initialObservations());
    }

    double cost(ModelRun run) {
      double c = 0;
      for (int[] tk : valid) {
        double r = (run.outputs().values(pb.variables().get(tk[1]))[tk[0]] - obs[tk[1]][tk[0]])
            * weight[tk[1]];
        c += 0.5 * r * r;
      }
      return c;
    }

    Pair<RealVector, RealMatrix> evaluate(List<ParameterInfo> infos, double[] u) {
      Map<String, Double> fitted = new LinkedHashMap<>();
      double[] dTheta = new double[u.length];
      for (int i = 0; i < u.length; i++) {
        double th = clamp(infos.get(i), fromU(infos.get(i), u[i]));
        fitted.put(infos.get(i).name(), th);
        dTheta[i] = infos.get(i).positive() ? th : 1;
      }
      ModelRun run = pb.mechanism().run(input(parameters(fitted)));
      double[][][] jac = run.jacobian(infos.stream().map(ParameterInfo::name).toList());
      double[][] sim = new double[pb.variables().size()][];
      for (int k = 0; k < sim.length; k++) {
        sim[k] = run.outputs().values(pb.variables().get(k));
      }
      double[] r = new double[valid.size()];
      double[][] j = new double[valid.size()][u.length];
      for (int m = 0; m < r.length; m++) {
        int t = valid.get(m)[0];
        int k = valid.get(m)[1];
        r[m] = (sim[k][t] - obs[k][t]) * weight[k];
        if (!Double.isFinite(r[m])) {
          throw new IllegalStateException("mechanism produced " + sim[k][t] + " for "
              + pb.variables().get(k) + " at step " + t + " with parameters " + fitted);
        }
        for (int i = 0; i < u.length; i++) {
          j[m][i] = jac[t][k][i] * weight[k] * dTheta[i];
        }
      }
      bestU = u.clone();
      return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(j, false));
    }
  }
}
