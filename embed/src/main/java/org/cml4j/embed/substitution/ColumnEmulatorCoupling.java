package org.cml4j.embed.substitution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.learning.ForcingScenarios;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.embed.physics.ProfileOutputs;
import org.cml4j.embed.timing.Timing;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.RichColumnModel;
import org.cml4j.lsm.rich.RichTrajectory;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.lsm.rich.SurfaceSpec;

/**
 * Mode 4 (model substitution), whole-step emulator at coarse resolution: an MLP replaces the
 * entire hourly column step. Its state is the temperature at a dozen coarse depths (the bottom
 * held at Tb); from the state and the forcing at both ends of the hour it predicts the hourly
 * change, and is rolled out autoregressively. The change is a ridge-regression backbone (which
 * carries the linear, stable diffusion part of the step; its spectral radius is reported) plus
 * an MLP for the remainder (the radiative, nonlinear surface). It is trained on an expensive
 * reference — the same physics on a fine grid ({@link Config#fineNodes} nodes over the column, 1 mm by default, and
 * {@link Config#fineSubsteps} sub-steps per hour, 1 minute by default), run with the parameters
 * calibrated on the training period over the training forcing and perturbed copies — with noise
 * injected into the input states so that the rollout corrects its own drift (Sanchez-Gonzalez et
 * al. 2020). Diagnostics compare the emulator and the coarse physics to the fine reference over the
 * whole run, and time all three: where the reference costs milliseconds per hour the emulator
 * pays off. Timings are medians of interleaved repeats with equal warm-ups ({@link Timing}).
 */
public final class ColumnEmulatorCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.column-emulator",
      CouplingMode.MODEL_SUBSTITUTION,
      "MLP emulator of the whole hourly column step at coarse resolution, trained on a 1 mm / 1"
      + " min reference");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final Config config;

  /**
   * Emulator settings.
   *
   * @param fineNodes nodes of the fine reference over the column depth
   * @param fineSubsteps sub-steps per hour of the fine reference
   * @param depths state depths [m], from 0 to the column bottom (last, held at Tb)
   * @param hidden hidden layer widths
   * @param inputNoise standard deviation of the noise injected into training input states [K]
   * @param timing how the emulator and the reference are timed against each other (same
   *     warm-ups and repeats, interleaved, over the first {@code timing.steps()} hours); the
   *     timings are diagnostics only
   */
  public record Config(int fineNodes, int fineSubsteps, double[] depths, int[] hidden,
      double inputNoise, Timing.Plan timing) {
    public Config {
      org.cml4j.core.spi.SettingsChecks.range("fineNodes", fineNodes, 11, 100001);
      org.cml4j.core.spi.SettingsChecks.range("fineSubsteps", fineSubsteps, 1, 3600);
      org.cml4j.core.spi.SettingsChecks.range("inputNoise", inputNoise, 0, 10);
      org.cml4j.core.spi.SettingsChecks.present("timing", timing, "a timing plan");
      if (depths == null || depths.length < 3 || depths[0] != 0) {
        throw new org.cml4j.core.spi.InvalidSettingException(null, "depths",
            java.util.Arrays.toString(depths), "at least 3 depths [m] starting at 0");
      }
      if (hidden == null || hidden.length < 1 || java.util.Arrays.stream(hidden).anyMatch(
          h -> h < 1 || h > 4096)) {
        throw new org.cml4j.core.spi.InvalidSettingException(null, "hidden",
            java.util.Arrays.toString(hidden), "1 or more layer widths in [1, 4096]");
      }
      depths = depths.clone();
      hidden = hidden.clone();
    }

    /**
     * 1 mm / 1 min reference, 13 depths (0–1 m), 64x64 tanh, 0.05 K input noise, the standard
     * timing plan.
     */
    public static Config standard() {
      return new Config(1001, 60, new double[] {0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2,
          0.3, 0.5, 0.75, 1.0}, new int[] {64, 64}, 0.05, Timing.Plan.standard());
    }

    /** Same with another reference resolution. */
    public Config withReference(int nodes, int substeps) {
      return new Config(nodes, substeps, depths, hidden, inputNoise, timing);
    }

    /** Same with another timing plan. */
    public Config withTiming(Timing.Plan plan) {
      return new Config(fineNodes, fineSubsteps, depths, hidden, inputNoise, plan);
    }
  }

  public ColumnEmulatorCoupling(CouplingDefaults defaults, Config config) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, true, 24);
    this.config = config;
  }

  public ColumnEmulatorCoupling(CouplingDefaults defaults) {
    this(defaults, Config.standard());
  }

  /** The fine reference for calibrated parameters. */
  RichColumnModel reference(CalibratedColumn col) {
    Map<String, Double> p = col.parameters();
    return new RichColumnModel(config.fineNodes(), col.grid().depth(), col.grid().dt(),
        config.fineSubsteps(), SoilProperties.uniform(p.get("lambda"), p.get("C")), true);
  }

  static SurfaceSpec surface(Map<String, Double> p) {
    return SurfaceSpec.constant(p.get("alpha"), p.get("eps"), p.get("Tb"), p.get("hbeta"));
  }

  @Override
  protected Result run(CouplingTask task) {
    double bottom = config.depths()[config.depths().length - 1];
    double colDepth = TaskSupport.lsm(task, NAME).columnModel().grid().depth();
    if (Math.abs(bottom - colDepth) > 1e-9) {
      throw new IllegalArgumentException(NAME + ": the last emulator depth " + bottom
          + " m must be the column bottom " + colDepth + " m");
    }
    long t0 = System.nanoTime();
    Calibration cal = EmulatorSupport.calibrate(task, defaults);
    CalibratedColumn col = EmulatorSupport.column(task, NAME, cal.parameters());
    RichColumnModel ref = reference(col);
    SurfaceSpec surf = surface(col.parameters());
    double[] fineInit = ref.interpolatedState(col.grid().nodeDepths(), col.initial());
    // quick: 3 scenarios, 60 epochs (was 6 and 120 before issue 12's cost cut; the twin's error
    // did not grow, docs/BENCHMARKS.md "Quick-suite cost")
    int scenarios = task.budget().scale(3, 3, 12);
    int trainEnd = task.split().trainEnd();
    if (trainEnd < 24) {
      throw new IllegalArgumentException(NAME + ": the training period has " + trainEnd
          + " steps; at least 24 are needed");
    }
    List<SurfaceForcing> sc = ForcingScenarios.of(col.forcing().slice(0, trainEnd), scenarios,
        task.seed());
    Random rnd = new Random(task.seed() + 3);
    StepEmulator.Pairs train = new StepEmulator.Pairs(config.depths(), config.inputNoise());
    StepEmulator.Pairs val = new StepEmulator.Pairs(config.depths(), config.inputNoise());
    double[] z = ref.nodeDepths();
    for (int s = 0; s < sc.size(); s++) {
      double[] init = fineInit.clone();
      double shift = s == 0 ? 0 : 3 * rnd.nextGaussian();
      for (int i = 0; i < init.length - 1; i++) {
        init[i] += shift * Math.exp(-z[i] / 0.3);
      }
      RichTrajectory tr = ref.run(surf, sc.get(s), null, init);
      boolean last = s == sc.size() - 1;
      (last ? val : train).add(tr, sc.get(s), last ? null : rnd);
    }
    LearnerSpec spec = LearnerSpec.mlp(config.hidden())
        .withEpochs(task.budget().scale(40, 60, 300)).withBatchSize(128)
        .withLearningRate(2e-3).withPatience(20).withSeed(task.seed());
    StepEmulator.Trained trained = StepEmulator.train(train, val, spec);
    StepEmulator fast = trained.emulator();
    TrainingReport rep = trained.report();
    long t1 = System.nanoTime();
    double[] x0 = sample(ref, fineInit);
    double[][] emu = fast.rollout(x0, col.forcing());
    RichTrajectory fine = ref.run(surf, col.forcing(), null, fineInit);
    double[][] coarseStates = col.run(col.physics());
    // timing (diagnostics only): the same window, warm-ups and repeats on every side
    int steps = Math.min(config.timing().steps(), col.levels() - 1);
    SurfaceForcing fw = col.forcing().slice(0, steps + 1);
    CalibratedColumn cw = col.with(fw, col.initial());
    Timing.Comparison vsRef = Timing.compare(config.timing(), () -> fast.rollout(x0, fw),
        () -> ref.run(surf, fw, null, fineInit));
    Timing.Comparison vsCoarse = Timing.compare(config.timing(), () -> cw.run(cw.physics()),
        () -> fast.rollout(x0, fw));
    double emuUs = vsRef.fastMedian() * 1e6 / steps;
    double fineUs = vsRef.slowMedian() * 1e6 / steps;
    double coarseUs = vsCoarse.fastMedian() * 1e6 / steps;
    List<String> targets = TaskSupport.simulableTargets(task);
    double[][] ye = ProfileOutputs.evaluate(targets, config.depths(), emu, col.forcing(),
        col.parameters());
    double[][] yf = new double[targets.size()][];
    for (int j = 0; j < targets.size(); j++) {
      yf[j] = fine.output(targets.get(j));
    }
    double[][] yc = col.outputs(coarseStates, 0, targets);
    Map<String, double[]> pred = new LinkedHashMap<>();
    for (int j = 0; j < targets.size(); j++) {
      pred.put(targets.get(j), ye[j]);
    }
    Diagnostics.Builder d = Diagnostics.builder().scalar("trainingPairs", train.size())
        .scalar("epochs", rep.epochs()).scalar("trainSeconds", rep.seconds())
        .scalar("emulatorStepMicros", emuUs).scalar("referenceStepMicros", fineUs)
        .scalar("coarsePhysicsStepMicros", coarseUs)
        .scalar("speedupVsReference", vsRef.speedupMedian())
        .scalar("speedupVsReferenceMin", vsRef.speedupMin())
        .scalar("speedupVsReferenceMax", vsRef.speedupMax())
        .scalar("emulatorStepCpuMicros", vsRef.cpu().fastMedian() * 1e6 / steps)
        .scalar("referenceStepCpuMicros", vsRef.cpu().slowMedian() * 1e6 / steps)
        .scalar("speedupVsReferenceCpu", vsRef.cpu().speedupMedian())
        .scalar("speedupVsReferenceCpuMin", vsRef.cpu().speedupMin())
        .scalar("speedupVsReferenceCpuMax", vsRef.cpu().speedupMax())
        .scalar("timingRepeats", config.timing().repeats())
        .scalar("linearSpectralRadius", fast.spectralRadius())
        .scalar("physicsEvaluations", cal.evaluations() + scenarios + 1)
        .curve("trainLoss", rep.trainLoss()).curve("validationLoss", rep.valLoss())
        .note("reference: " + config.fineNodes() + " nodes, " + config.fineSubsteps()
            + " sub-steps per hour; emulator state at " + java.util.Arrays.toString(
                config.depths()) + " m; times are medians of " + config.timing().repeats()
            + " interleaved repeats after " + config.timing().warmup() + " warm-ups, both sides"
            + " over the first " + steps + " hours");
    EmulatorSupport.compare(d, targets, ye, yf, "Reference");
    Diagnostics.Builder dc = Diagnostics.builder();
    EmulatorSupport.compare(dc, targets, yc, yf, "Reference");
    d.addAll(dc.build(), "coarsePhysics_");
    long t2 = System.nanoTime();
    return new Result(TaskSupport.frame(task, pred), cal.fitted(), d.build(), TaskSupport.config(
        "network", spec, "scenarios", scenarios, "referenceNodes", config.fineNodes(),
        "referenceSubsteps", config.fineSubsteps(), "inputNoise", config.inputNoise()), 0)
        .timed((t1 - t0) * 1e-9, (t2 - t1) * 1e-9).withCalibration(cal.id());
  }

  private double[] sample(RichColumnModel ref, double[] fineState) {
    double[] out = new double[config.depths().length];
    double h = ref.dx();
    for (int j = 0; j < out.length; j++) {
      double pos = config.depths()[j] / h;
      int i = Math.min((int) Math.floor(pos + 1e-9), fineState.length - 2);
      double w = pos - i;
      out[j] = w < 1e-9 ? fineState[i] : (1 - w) * fineState[i] + w * fineState[i + 1];
    }
    return out;
  }
}
