package org.cml4j.embed.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.learning.Pca;
import org.cml4j.embed.TaskSupport;

/**
 * Mode 6 (model solving), learned amortised inverse: physics runs at Latin-hypercube samples of a
 * prior box, with Gaussian observation noise of a random level (0–{@code maxNoise}) added to copies
 * of each run, train an MLP from the principal-component scores of the observed series to the
 * parameters (in normalised log/linear coordinates). Applied to the task's observations it gives
 * the parameters in one pass; a single-start physics inversion (Levenberg–Marquardt on the tangent
 * Jacobian) then refines them. Diagnostics report the one-pass estimate and its time, the refined
 * estimate, the refinement's physics evaluations and time (cf. amortised inference,
 * Cranmer, Brehmer and Louppe 2020).
 */
public final class AmortisedInverseCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.amortised-inverse",
      CouplingMode.MODEL_SOLVING,
      "network from observed series to parameters in one pass, refined by the physics inversion");
  /** Registry name. */
  public static final String NAME = INFO.name();
  /** Largest fraction of missing training observations a network input may have. */
  public static final double MAX_GAP_FRACTION = 0.2;
  private final double maxNoise;

  /** @param maxNoise largest training noise level [observation units] */
  public AmortisedInverseCoupling(CouplingDefaults defaults, double maxNoise) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, false, 12);
    this.maxNoise = maxNoise;
  }

  /** Training noise up to 0.5 (K for temperatures). */
  public AmortisedInverseCoupling(CouplingDefaults defaults) {
    this(defaults, Settings.standard().maxNoise());
  }

  /**
   * Typed settings of {@code embed.amortised-inverse}.
   *
   * @param maxNoise largest observation noise the training samples get (K for temperatures),
   *     in [0, 10]
   */
  public record Settings(double maxNoise) {
    public Settings {
      org.cml4j.core.spi.SettingsChecks.range("maxNoise", maxNoise, 0, 10);
    }

    /** maxNoise 0.5. */
    public static Settings standard() {
      return new Settings(0.5);
    }
  }

  /**
   * A trained amortised inverse for tasks sharing this task's forcing, initial observations, fitted
   * variables and training period (e.g. noisy variants of the same experiment).
   *
   * @param vars calibration variables (the refinement fits them all)
   * @param inputs the observed variables the network reads (calibration variables with few gaps)
   * @param fit fitted parameters
   * @param guess starting values of all parameters
   * @param box the prior box of the samples
   * @param pca principal components of the observed series
   * @param net the network from component scores to normalised parameters
   * @param runs physics runs used for training
   * @param report the network's training report
   * @param seconds wall time of sampling and training
   */
  public record Trained(List<String> vars, List<String> inputs, List<String> fit,
      Map<String, Double> guess, ParameterBox box, Pca pca, Learner net, int runs,
      TrainingReport report, double seconds) {
    /** Variance kept by the principal components of the observed series. */
    public double explainedVariance() {
      return pca.explainedVariance();
    }

    /** One-pass estimate of the fitted parameters from a task's training observations. */
    public Map<String, Double> estimate(CouplingTask task) {
      double[] observed = observedVector(task, inputs, task.split().trainEnd());
      double[] z = net.predict(new double[][] {pca.project(observed)})[0];
      return box.fromU(box.denormalise(z));
    }

    /** Single-start physics LM from a one-pass estimate. */
    public Calibration refine(CouplingTask task, Map<String, Double> onePass) {
      Map<String, Double> start = new LinkedHashMap<>(guess);
      start.putAll(onePass);
      return new MechanismCalibrator(new OptimizerSettings("lm", 100, 200, 1, 1e-10))
          .calibrate(SurrogateInversionCoupling.problem(task, vars, start));
    }
  }

  /** Samples the physics over the task's prior box and trains the inverse network. */
  public Trained train(CouplingTask task) {
    long t0 = System.nanoTime();
    CalibrationProblem problem = CalibrationProblem.from(task);
    List<String> vars = problem.variables();
    int end = task.split().trainEnd();
    List<String> inputs = inputVariables(task, vars);
    observedVector(task, inputs, end);
    List<String> fit = problem.fit();
    Map<String, Double> guess = problem.guess();
    ParameterBox box = new ParameterBox(task.mechanism(), fit, guess, 3);
    // quick: 250 runs x 2 copies x 250 epochs (was 500 x 3 x 500 before issue 12's cost cut;
    // the refined result did not change on the quick twin, docs/BENCHMARKS.md "Quick-suite cost")
    int n = task.budget().scale(100, 150, 1500); // QUICK was 250: docs/BENCHMARKS.md "Quick-suite cost"
    PhysicsSamples s = PhysicsSamples.draw(task, box, guess, inputs, end, n, task.seed(),
        defaults.threads());
    int components = 20;
    Pca pca = Pca.fit(s.y(), components);
    int copies = task.budget().scale(2, 2, 4);
    Random rnd = new Random(task.seed() + 5);
    double[][] x = new double[n * copies][];
    double[][] y = new double[n * copies][];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < copies; c++) {
        double sd = c == 0 ? 0 : maxNoise * rnd.nextDouble();
        double[] v = s.y()[i].clone();
        for (int j = 0; j < v.length; j++) {
          v[j] += sd * rnd.nextGaussian();
        }
        x[i * copies + c] = pca.project(v);
        y[i * copies + c] = box.normalise(s.u()[i]);
      }
    }
    int nv = Math.max(copies, (n / 7) * copies);
    int nt = x.length - nv;
    LearnerSpec spec = LearnerSpec.mlp(64, 64).withEpochs(task.budget().scale(120, 150, 1200))
        .withBatchSize(64).withLearningRate(2e-3).withPatience(40).withSeed(task.seed());
    Learner net = Learners.create(spec, pca.components(), fit.size());
    TrainingReport rep = net.fit(java.util.Arrays.copyOf(x, nt), java.util.Arrays.copyOf(y, nt),
        java.util.Arrays.copyOfRange(x, nt, x.length), java.util.Arrays.copyOfRange(y, nt,
            x.length));
    return new Trained(vars, inputs, fit, guess, box, pca, net, n, rep,
        TaskSupport.since(t0));
  }

  /**
   * Not applicable when no calibration variable can be a network input: each input may miss at
   * most {@link #MAX_GAP_FRACTION} of its training observations (the rest are interpolated).
   */
  @Override
  protected Applicability extraChecks(CouplingTask task) {
    List<String> vars = CalibrationProblem.defaultVariables(task, task.observations());
    if (inputVariables(task, vars).isEmpty()) {
      return Applicability.no("every observed variable misses more than 20 % of its "
          + task.split().trainEnd() + " training observations (" + missingCounts(task, vars)
          + "); the network's inputs may gap-fill at most 20 %");
    }
    return Applicability.yes();
  }

  /**
   * The calibration variables the network reads: those missing at most
   * {@link #MAX_GAP_FRACTION} of their training observations, in calibration order. A gappier
   * variable is left out of the one-pass estimate only; the refinement still fits it.
   */
  static List<String> inputVariables(CouplingTask task, List<String> vars) {
    int end = task.split().trainEnd();
    return vars.stream().filter(v -> end - task.observations().countValid(v, 0, end)
        <= maxMissing(end)).toList();
  }

  private static int maxMissing(int end) {
    return (int) Math.floor(MAX_GAP_FRACTION * end);
  }

  private static String missingCounts(CouplingTask task, List<String> vars) {
    int end = task.split().trainEnd();
    return String.join(", ", vars.stream().map(v -> v + " misses "
        + (end - task.observations().countValid(v, 0, end))).toList());
  }

  @Override
  protected Result run(CouplingTask task) {
    Trained tr = train(task);
    long t1 = System.nanoTime();
    Map<String, Double> onePass = tr.estimate(task);
    double onePassSeconds = TaskSupport.since(t1);
    long r0 = System.nanoTime();
    Calibration refined = tr.refine(task, onePass);
    double refineSeconds = TaskSupport.since(r0);
    Frame pred = TaskSupport.simulate(task, refined.parameters(), Map.of(),
        TaskSupport.simulableTargets(task));
    Diagnostics.Builder d = Diagnostics.builder().scalar("trainingRuns", tr.runs())
        .scalar("trainSeconds", tr.seconds()).scalar("epochs", tr.report().epochs())
        .scalar("onePassSeconds", onePassSeconds).scalar("refineSeconds", refineSeconds)
        .scalar("refineEvaluations", refined.evaluations())
        .scalar("physicsEvaluations", tr.runs() + refined.evaluations())
        .scalar("pcaExplainedVariance", tr.explainedVariance())
        .curve("trainLoss", tr.report().trainLoss())
        .curve("validationLoss", tr.report().valLoss());
    onePass.forEach((k, v) -> d.scalar("onePass_" + k, v));
    List<String> left = tr.vars().stream().filter(v -> !tr.inputs().contains(v)).toList();
    if (!left.isEmpty()) {
      d.note("network inputs leave out " + left + " (" + missingCounts(task, left) + " of "
          + task.split().trainEnd() + " training observations, more than 20 %); the refinement"
          + " fits them");
    }
    Map<String, Double> fitted = new LinkedHashMap<>();
    for (String f : tr.fit()) {
      fitted.put(f, refined.parameters().get(f));
    }
    return new Result(pred, fitted, d.build(), TaskSupport.config("samples", tr.runs(),
        "maxNoise", maxNoise, "components", 20, "network", "64x64 tanh", "inputVariables",
        String.join(",", tr.inputs())), 0)
        .timed(tr.seconds(), onePassSeconds + refineSeconds)
        .withCalibration(refined.id() + " from=learned");
  }

  /**
   * The observed series of the fitted variables over [0, end), flattened; gaps are filled by
   * linear interpolation (at most 20 % of the entries may be missing).
   */
  static double[] observedVector(CouplingTask task, List<String> vars, int end) {
    double[] y = new double[vars.size() * end];
    for (int k = 0; k < vars.size(); k++) {
      double[] o = task.observations().values(vars.get(k), 0, end);
      int missing = 0;
      for (double v : o) {
        missing += Double.isNaN(v) ? 1 : 0;
      }
      if (missing > maxMissing(end)) {
        throw new IllegalArgumentException(NAME + ": " + vars.get(k) + " misses " + missing
            + " of " + end + " training observations; at most 20 % may be gap-filled");
      }
      System.arraycopy(CalibrationProblem.interpolateGaps(o, NAME + ": " + vars.get(k)), 0, y,
          k * end, end);
    }
    return y;
  }
}
