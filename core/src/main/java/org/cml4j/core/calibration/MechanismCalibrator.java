package org.cml4j.core.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;

/**
 * The one calibrator of cml4j (the algorithm of a {@link CalibrationProblem}; its solution is a
 * {@link Calibration}): constant parameters of any differentiable {@link MechanismModel} fitted to
 * observed variables by multi-start Levenberg–Marquardt ({@link BoundedLevenbergMarquardt}, Commons
 * Math 3.6.1) on the model's tangent Jacobian. Positive parameters are optimised in log space;
 * every step is clamped strictly inside the parameters' physical bounds. Residuals of each variable
 * are divided by that variable's standard deviation over the fitted period, so kelvins and W m-2
 * can be fitted together. The first start is the problem's guess; start {@code s > 0} multiplies
 * positive parameters by {@code exp(1.4 (U - 0.5))} and shifts the others by {@code 0.1 (U - 0.5)}
 * of their range, U uniform from {@code new Random(seed)}. The best start (lowest cost) wins.
 */
public final class MechanismCalibrator {
  private final OptimizerSettings settings;

  public MechanismCalibrator(OptimizerSettings settings) {
    this.settings = settings;
  }

  /** The settings (budgets per start, number of starts, tolerance). */
  public OptimizerSettings settings() {
    return settings;
  }

  /** Calibrates {@link CalibrationProblem#from the task's default problem}. */
  public Calibration calibrate(CouplingTask task) {
    return calibrate(CalibrationProblem.from(task));
  }

  /** Runs the multi-start calibration and returns the best start. */
  public Calibration calibrate(CalibrationProblem pb) {
    if (pb.variables().isEmpty()) {
      throw new IllegalArgumentException("nothing to calibrate against: no observed variable the"
          + " mechanism " + pb.mechanism().name() + " can simulate has "
          + CalibrationProblem.MIN_OBSERVATIONS + " or more observations in steps [" + pb.from()
          + ", " + pb.to() + "); observed: " + pb.observations().names());
    }
    for (String v : pb.variables()) {
      if (!pb.mechanism().canSimulate(v)) {
        throw new IllegalArgumentException("cannot calibrate against " + v + ": mechanism "
            + pb.mechanism().name() + " does not simulate it");
      }
    }
    Residuals res = new Residuals(pb);
    if (pb.fit().isEmpty()) {
      Map<String, Double> all = res.parameters(Map.of());
      double cost = res.cost(all);
      return new Calibration(pb, all, Map.of(), cost, rms(cost, res), 0, 1, 0, true);
    }
    if (!pb.mechanism().differentiable()) {
      throw new IllegalArgumentException("mechanism " + pb.mechanism().name()
          + " has no tangent model; LM calibration needs one");
    }
    List<ParameterInfo> infos = pb.fit().stream().map(pb.mechanism()::parameter).toList();
    boolean[] logScale = new boolean[infos.size()];
    for (int i = 0; i < logScale.length; i++) {
      logScale[i] = infos.get(i).positive();
    }
    BoundedLevenbergMarquardt lm = new BoundedLevenbergMarquardt(settings.maxEvaluations(),
        settings.maxIterations(), settings.relativeTolerance());
    Random rnd = new Random(pb.seed());
    Map<String, Double> bestFitted = null;
    double bestCost = Double.POSITIVE_INFINITY;
    boolean bestConverged = false;
    int iterations = 0;
    int evaluations = 0;
    for (int s = 0; s < settings.starts(); s++) {
      double[] g0 = new double[infos.size()];
      for (int i = 0; i < g0.length; i++) {
        ParameterInfo p = infos.get(i);
        double g = pb.guess().getOrDefault(p.name(), p.nominal());
        if (s > 0) {
          g = p.positive() ? g * Math.exp(1.4 * (rnd.nextDouble() - 0.5))
              : g + 0.1 * (rnd.nextDouble() - 0.5) * (p.upper() - p.lower());
        }
        g0[i] = g;
      }
      BoundedLevenbergMarquardt.Outcome o = lm.minimise(th -> res.evaluate(infos, th),
          res.count(), g0, logScale, th -> clampAll(infos, th));
      iterations += o.iterations();
      evaluations += o.evaluations();
      Map<String, Double> fitted = new LinkedHashMap<>();
      for (int i = 0; i < infos.size(); i++) {
        fitted.put(infos.get(i).name(), o.theta()[i]);
      }
      double cost = res.cost(res.parameters(fitted));
      if (bestFitted == null || cost < bestCost) {
        bestFitted = fitted;
        bestCost = cost;
        bestConverged = o.converged();
      }
    }
    return new Calibration(pb, res.parameters(bestFitted), bestFitted, bestCost,
        rms(bestCost, res), iterations, evaluations, settings.starts(), bestConverged);
  }

  private static double rms(double cost, Residuals res) {
    return Math.sqrt(2 * cost / Math.max(1, res.count()));
  }

  private static double[] clampAll(List<ParameterInfo> infos, double[] theta) {
    double[] t = new double[theta.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = clamp(infos.get(i), theta[i]);
    }
    return t;
  }

  /** Strictly inside the bounds ({@link ParameterInfo#clampInside}); positive stays positive. */
  static double clamp(ParameterInfo p, double v) {
    double c = p.clampInside(v);
    return p.positive() ? Math.max(c, 1e-9 * Math.max(1, Math.abs(p.nominal()))) : c;
  }

  /** Weighted residuals and their Jacobian with respect to the physical parameters. */
  private static final class Residuals {
    private final CalibrationProblem pb;
    private final Frame forcing;
    private final double[] weight;
    private final List<int[]> valid = new ArrayList<>();
    private final double[][] obs;

    Residuals(CalibrationProblem pb) {
      this.pb = pb;
      this.forcing = pb.forcing().slice(0, pb.to());
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
        if (n < CalibrationProblem.MIN_OBSERVATIONS) {
          throw new IllegalArgumentException("variable " + pb.variables().get(k) + " has " + n
              + " observations in steps [" + pb.from() + ", " + pb.to() + "); need at least "
              + CalibrationProblem.MIN_OBSERVATIONS);
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
      return new ModelInput(forcing, params, Map.of(), pb.variables(), pb.initialObservations());
    }

    double cost(Map<String, Double> params) {
      ModelRun run = pb.mechanism().run(input(params));
      double c = 0;
      for (int[] tk : valid) {
        double r = (run.outputs().values(pb.variables().get(tk[1]))[tk[0]] - obs[tk[1]][tk[0]])
            * weight[tk[1]];
        c += 0.5 * r * r;
      }
      return c;
    }

    BoundedLevenbergMarquardt.Evaluation evaluate(List<ParameterInfo> infos, double[] theta) {
      Map<String, Double> fitted = new LinkedHashMap<>();
      for (int i = 0; i < theta.length; i++) {
        fitted.put(infos.get(i).name(), theta[i]);
      }
      ModelRun run = pb.mechanism().run(input(parameters(fitted)));
      double[][][] jac = run.jacobian(infos.stream().map(ParameterInfo::name).toList());
      double[][] sim = new double[pb.variables().size()][];
      for (int k = 0; k < sim.length; k++) {
        sim[k] = run.outputs().values(pb.variables().get(k));
      }
      double[] r = new double[valid.size()];
      double[][] j = new double[valid.size()][theta.length];
      for (int m = 0; m < r.length; m++) {
        int t = valid.get(m)[0];
        int k = valid.get(m)[1];
        r[m] = (sim[k][t] - obs[k][t]) * weight[k];
        if (!Double.isFinite(r[m])) {
          throw new IllegalStateException("mechanism produced " + sim[k][t] + " for "
              + pb.variables().get(k) + " at step " + t + " with parameters " + fitted);
        }
        for (int i = 0; i < theta.length; i++) {
          j[m][i] = jac[t][k][i] * weight[k];
        }
      }
      return new BoundedLevenbergMarquardt.Evaluation(r, j);
    }
  }
}
