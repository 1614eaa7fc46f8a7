package org.cml4j.embed.solving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.metrics.Moments;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;

/**
 * Mode 6 (model solving), learned forward surrogate inside the iterative inversion: physics runs at
 * Latin-hypercube samples of a prior box train a {@link ForwardSurrogate}; Levenberg–Marquardt
 * (Jacobian by finite differences of the surrogate) then inverts the surrogate from the same seeded
 * starts as the physics inversion. A verification step re-runs the physics at the surrogate's
 * optimum: if the physics and the surrogate disagree there by more than {@code tolerance} (RMS
 * over the fitted entries, in the observations' units or in standard deviations when units mix),
 * the inversion falls back to the physics — LM with the tangent Jacobian from the surrogate's
 * optimum. Optionally the physics-only multi-start inversion runs too, so the diagnostics report
 * the physics evaluations saved and both fitted parameter sets (cf. surrogate-assisted
 * optimisation, Razavi, Tolson and Burn 2012).
 */
public final class SurrogateInversionCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.surrogate-inversion",
      CouplingMode.MODEL_SOLVING,
      "inversion on a learned forward surrogate, verified by the physics with fallback");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final double tolerance;
  private final boolean compare;

  /**
   * @param tolerance largest accepted physics-surrogate disagreement at the optimum
   * @param compare also run the physics-only inversion and report the savings
   */
  public SurrogateInversionCoupling(CouplingDefaults defaults, double tolerance,
      boolean compare) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, false, 12);
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException(NAME + ": tolerance must be > 0, got " + tolerance);
    }
    this.tolerance = tolerance;
    this.compare = compare;
  }

  /** Tolerance 0.05, comparison on. */
  public SurrogateInversionCoupling(CouplingDefaults defaults) {
    this(defaults, Settings.standard().tolerance(), Settings.standard().compare());
  }

  /**
   * Typed settings of {@code embed.surrogate-inversion}.
   *
   * @param tolerance relative trust-region tolerance of the surrogate, in (0, 1]
   * @param compare whether the run also counts the evaluations of a plain inversion
   */
  public record Settings(double tolerance, boolean compare) {
    public Settings {
      org.cml4j.core.spi.SettingsChecks.openLow("tolerance", tolerance, 0, 1);
    }

    /** Tolerance 0.05, comparison on. */
    public static Settings standard() {
      return new Settings(0.05, true);
    }
  }

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    CalibrationProblem problem = CalibrationProblem.from(task);
    List<String> vars = problem.variables();
    List<String> fit = problem.fit();
    Map<String, Double> guess = problem.guess();
    int end = task.split().trainEnd();
    ParameterBox box = new ParameterBox(task.mechanism(), fit, guess, 3);
    // QUICK 200 samples, 300 epochs, 4 starts (was 400, 600, 8): measured equal or lower error at
    // a quarter of the CPU (issue 12, docs/BENCHMARKS.md "Quick-suite cost").
    int n = task.budget().scale(100, 200, 1000);
    PhysicsSamples samples = PhysicsSamples.draw(task, box, guess, vars, end, n, task.seed(),
        defaults.threads());
    ForwardSurrogate sur = ForwardSurrogate.train(samples, 16,
        task.budget().scale(150, 300, 2000), task.seed());
    Misfit mis = new Misfit(task, vars, end);
    int starts = task.budget().scale(3, 4, 50);
    double[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    int surrogateEvals = 0;
    for (Map<String, Double> s : GradientInversionCoupling.starts(task, fit, starts)) {
      int[] evals = {0};
      double[] u = lm(sur, mis, box, box.toU(s), evals);
      surrogateEvals += evals[0];
      double c = mis.cost(sur.predict(u));
      if (c < bestCost) {
        bestCost = c;
        best = u;
      }
    }
    double[] yPhys = PhysicsSamples.run(task, box, guess, vars, end, best);
    double disagreement = mis.rms(sur.predict(best), yPhys);
    Map<String, Double> params = new LinkedHashMap<>(guess);
    params.putAll(box.fromU(best));
    boolean fellBack = disagreement > tolerance;
    int fallbackEvals = 0;
    String calibrationId = null;
    if (fellBack) {
      Calibration c = new MechanismCalibrator(new OptimizerSettings("lm", 100, 200, 1, 1e-10))
          .calibrate(problem(task, vars, params));
      calibrationId = c.id() + " from=surrogate";
      params = new LinkedHashMap<>(c.parameters());
      fallbackEvals = c.evaluations();
    }
    long t1 = System.nanoTime();
    int physicsRuns = n + 1 + fallbackEvals;
    Diagnostics.Builder d = Diagnostics.builder().scalar("trainingRuns", n)
        .scalar("verificationRuns", 1).scalar("fallbackEvaluations", fallbackEvals)
        .scalar("fellBack", fellBack ? 1 : 0).scalar("disagreementAtOptimum", disagreement)
        .scalar("tolerance", tolerance).scalar("surrogateEvaluations", surrogateEvals)
        .scalar("physicsEvaluations", physicsRuns)
        .scalar("pcaExplainedVariance", sur.explainedVariance())
        .scalar("samplingSeconds", samples.seconds())
        .curve("surrogateTrainLoss", sur.report().trainLoss())
        .curve("surrogateValidationLoss", sur.report().valLoss());
    if (compare) {
      long c0 = System.nanoTime();
      Calibration ref = new MechanismCalibrator(new OptimizerSettings("lm", 100, 200, starts,
          1e-10)).calibrate(problem(task, vars, guess));
      d.scalar("physicsOnlyEvaluations", ref.evaluations())
          .scalar("physicsOnlySeconds", TaskSupport.since(c0))
          .scalar("physicsEvaluationsSaved", ref.evaluations() - physicsRuns);
      for (String f : fit) {
        d.scalar("physicsOnly_" + f, ref.parameters().get(f));
      }
    }
    Frame pred = TaskSupport.simulate(task, params, Map.of(),
        TaskSupport.simulableTargets(task));
    Map<String, Double> fitted = new LinkedHashMap<>();
    for (String f : fit) {
      fitted.put(f, params.get(f));
    }
    return new Result(pred, fitted, d.build(), TaskSupport.config("samples", n, "components", 16,
        "tolerance", tolerance, "starts", starts, "box", "x3 / Tb +-5 K / alpha +-0.15"), 0)
        .timed((t1 - t0) * 1e-9, 0).withCalibration(calibrationId);
  }

  /** The task's shared calibration problem on {@code vars} from {@code guess}. */
  static CalibrationProblem problem(CouplingTask task, List<String> vars,
      Map<String, Double> guess) {
    return CalibrationProblem.from(task).withVariables(vars).withGuess(guess);
  }

  /** LM on the surrogate from {@code u0}; finite-difference Jacobian. */
  static double[] lm(ForwardSurrogate sur, Misfit mis, ParameterBox box, double[] u0,
      int[] evals) {
    int d = u0.length;
    double h = 1e-4;
    LeastSquaresBuilder b = new LeastSquaresBuilder().start(u0).target(new double[mis.count()])
        .model(u -> {
          double[] x = u.toArray();
          double[] r = mis.residuals(sur.predict(x));
          double[][] j = new double[r.length][d];
          for (int i = 0; i < d; i++) {
            double[] xp = x.clone();
            xp[i] += h;
            double[] rp = mis.residuals(sur.predict(xp));
            for (int m = 0; m < r.length; m++) {
              j[m][i] = (rp[m] - r[m]) / h;
            }
          }
          evals[0] += d + 1;
          return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r, false),
              new Array2DRowRealMatrix(j, false));
        })
        .parameterValidator(u -> new ArrayRealVector(box.toU(box.fromU(u.toArray())), false))
        .lazyEvaluation(false).maxEvaluations(200).maxIterations(200);
    try {
      return box.toU(box.fromU(new LevenbergMarquardtOptimizer().optimize(b.build()).getPoint()
          .toArray()));
    } catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException e) {
      return u0;
    }
  }

  /** Weighted residuals of flattened outputs against the task's training observations. */
  static final class Misfit {
    private final int[] index;
    private final double[] obs;
    private final double[] weight;

    Misfit(CouplingTask task, List<String> vars, int end) {
      boolean sameUnit = vars.stream().map(v -> task.observations().spec(v).unit()).distinct()
          .count() == 1;
      List<int[]> idx = new ArrayList<>();
      List<double[]> ow = new ArrayList<>();
      for (int k = 0; k < vars.size(); k++) {
        double[] o = task.observations().values(vars.get(k), 0, end);
        Moments mo = Moments.of(o);
        double w = sameUnit || mo.count() < 2 ? 1 : 1 / Math.sqrt(Math.max(1e-6, mo.variance()));
        for (int t = 0; t < end; t++) {
          if (!Double.isNaN(o[t])) {
            idx.add(new int[] {k * end + t});
            ow.add(new double[] {o[t], w});
          }
        }
      }
      index = idx.stream().mapToInt(i -> i[0]).toArray();
      obs = ow.stream().mapToDouble(x -> x[0]).toArray();
      weight = ow.stream().mapToDouble(x -> x[1]).toArray();
    }

    int count() {
      return index.length;
    }

    double[] residuals(double[] y) {
      double[] r = new double[index.length];
      for (int m = 0; m < r.length; m++) {
        r[m] = (y[index[m]] - obs[m]) * weight[m];
      }
      return r;
    }

    double cost(double[] y) {
      double c = 0;
      for (double r : residuals(y)) {
        c += r * r;
      }
      return c;
    }

    /** RMS weighted difference of two flattened outputs over the observed entries. */
    double rms(double[] a, double[] b) {
      double s = 0;
      for (int m = 0; m < index.length; m++) {
        double dd = (a[index[m]] - b[index[m]]) * weight[m];
        s += dd * dd;
      }
      return Math.sqrt(s / index.length);
    }
  }
}
