package org.cml4j.cascade.preprocessing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.samples.ParameterSampler;
import org.cml4j.cascade.samples.SampleGenerator;
import org.cml4j.cascade.samples.SampleSet;
import org.cml4j.cascade.samples.SamplingSpace;
import org.cml4j.cascade.samples.Simulator;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.features.SeriesFeatures;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;

/**
 * Mode 1, learned initialisation: physics-generated samples (Sobol design over plausible
 * parameter ranges, simulated over the task's training forcing and initial state) train a
 * {@link LearnedInitialiser} that maps {@link SeriesFeatures} of the observed series to the
 * parameters; its estimate seeds a single Levenberg–Marquardt start instead of the multi-start
 * calibration. The diagnostics count both the inversion's model evaluations and the sample
 * simulations (cheap forward runs without tangents, reusable for every site with the same
 * forcing window). Targets the mechanism cannot simulate are not predicted.
 */
public final class LearnedInitCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.learned-init",
      CouplingMode.PREPROCESSING_AND_INITIALISATION,
      "MLP trained on physics samples maps series features (amplitude ratios, phase lags, means)"
      + " to parameters; one LM start from there");
  /** Registry name. */
  public static final String NAME = INFO.name();

  public LearnedInitCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.differentiableMechanism(), defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    Applicability a = calibratableTargets(task);
    if (!a.applicable()) {
      return a;
    }
    if (task.split().trainEnd() < 16) {
      return Applicability.no("the training period has " + task.split().trainEnd()
          + " steps; series features need at least 16 (the harmonic fit needs "
          + SeriesFeatures.MIN_VALID + " valid values)");
    }
    List<String> vars = CalibrationProblem.defaultVariables(task, task.observations());
    if (featureVariables(task, vars).isEmpty()) {
      return Applicability.no("no observed variable has " + SeriesFeatures.MIN_VALID
          + " valid values in the " + task.split().trainEnd() + " training steps (the harmonic"
          + " fit of the series features needs them): " + validCounts(task, vars));
    }
    return Applicability.yes();
  }

  /**
   * The calibration variables whose training series carry enough valid values for the harmonic
   * features ({@link SeriesFeatures#MIN_VALID}), in calibration order (the first is the phase
   * reference). A gappy variable is left out of the initialiser's features only: the
   * Levenberg–Marquardt refinement still fits every calibration variable.
   */
  static List<String> featureVariables(CouplingTask task, List<String> vars) {
    int end = task.split().trainEnd();
    return vars.stream().filter(v -> task.observations().countValid(v, 0, end)
        >= SeriesFeatures.MIN_VALID).toList();
  }

  private static String validCounts(CouplingTask task, List<String> vars) {
    int end = task.split().trainEnd();
    return String.join(", ", vars.stream().map(v -> v + " "
        + task.observations().countValid(v, 0, end)).toList());
  }

  @Override
  protected Result run(CouplingTask task) {
    Frame obs = task.observations();
    CalibrationProblem problem = CalibrationProblem.from(task);
    List<String> vars = featureVariables(task, problem.variables());
    List<String> fit = problem.fit();
    Map<String, Double> guess = problem.guess();
    Frame forcing = problem.forcing();
    int trainEnd = task.split().trainEnd();
    SamplingSpace space = SamplingSpace.around(task.mechanism(), fit, guess);
    Simulator sim = Simulator.of(task.mechanism(), new ModelInput(forcing.slice(0, trainEnd),
        guess, Map.of(), vars, problem.initialObservations()));
    // quick: 500 samples, 100 epochs (was 1000 and 200 before issue 12's cost cut; the LM
    // reaches the same optimum, docs/BENCHMARKS.md "Quick-suite cost")
    int n = task.budget().scale(200, 250, 3000); // QUICK was 500: docs/BENCHMARKS.md "Quick-suite cost"
    SampleSet samples = new SampleGenerator(defaults.threads()).generate(sim, space,
        ParameterSampler.sobol(task.seed()), n);
    double stepHours = forcing.stepSeconds() / 3600.0;
    LearnerSpec spec = LearnerSpec.mlp(48, 48).withEpochs(task.budget().scale(60, 60, 400))
        .withBatchSize(64).withLearningRate(3e-3).withPatience(20).withSeed(task.seed());
    LearnedInitialiser init = LearnedInitialiser.train(samples, vars, 0, trainEnd, stepHours,
        0.0, spec);
    List<double[]> observed = new ArrayList<>();
    for (String v : vars) {
      observed.add(obs.values(v));
    }
    double[] estimate = init.estimate(observed);
    Map<String, Double> start = new LinkedHashMap<>(guess);
    start.putAll(space.named(estimate));
    OptimizerSettings o = defaults.optimizer();
    OptimizerSettings single = new OptimizerSettings(o.method(), o.maxIterations(),
        o.maxEvaluations(), 1, o.relativeTolerance());
    List<String> simulable = Targets.simulated(task);
    Calibration phys = new MechanismCalibrator(single).calibrate(problem.withGuess(start));
    Frame physOut = phys.simulate(simulable);
    long t0 = System.nanoTime();
    Frame pred = forcing.select(List.of());
    for (String v : simulable) {
      pred = pred.with(task.targetSpec(v), physOut.values(v));
    }
    Diagnostics.Builder d = Diagnostics.builder().scalar("physicsEvaluations", phys.evaluations())
        .scalar("lmIterations", phys.iterations())
        .scalar("sampleSimulations", samples.size() + samples.failures())
        .scalar("sampleFailures", samples.failures())
        .curve("initialiserValidationLoss", init.report().valLoss());
    double[] err = init.heldOutError();
    for (int j = 0; j < fit.size(); j++) {
      d.scalar("learnedEstimate." + fit.get(j), estimate[j])
          .scalar("heldOutUnitError." + fit.get(j), err[j]);
    }
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("samples", Integer.toString(n));
    cfg.put("sampler", "sobol");
    cfg.put("learner", spec.toString());
    cfg.put("optimizer", single.toString());
    cfg.put(Calibration.PROVENANCE_KEY, phys.id() + " from=learned");
    List<String> left = problem.variables().stream().filter(v -> !vars.contains(v)).toList();
    if (!left.isEmpty()) {
      d.note("features leave out " + left + " (fewer than " + SeriesFeatures.MIN_VALID
          + " valid training values: " + validCounts(task, left) + "); the LM fit uses them");
    }
    cfg.put("featureVariables", String.join(",", vars));
    return new Result(pred, phys.fitted(), d.note("features of " + vars + " over the training"
        + " period; one LM start from the learned estimate").build(), cfg,
        (System.nanoTime() - t0) * 1e-9);
  }
}
