package org.cml4j.cascade.preprocessing;

import org.cml4j.core.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.cascade.CascadeCoupling;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.learning.Series;
import org.cml4j.cascade.learning.Targets;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;

/**
 * Mode 1, transfer learning: an emulator pretrained on physics simulations over the task's
 * forcing ({@link SimulationPretraining}) is fine-tuned on the training observations (early
 * stopping on validation) and predicts the targets. The diagnostics also report, on the
 * validation period, the pretrained emulator before fine-tuning and the same network trained from
 * scratch on the same observations. Only targets that are both simulated (to pretrain on) and
 * observed in training (to fine-tune on) are predicted: for a depth never observed the emulator
 * has nothing to correct its site-specific bias with (on the catalog's twin its pretrained-only
 * error at 50 cm is several kelvin), so it is left to approaches with a calibrated physics.
 */
public final class TransferCoupling extends CascadeCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("cascade.transfer",
      CouplingMode.PREPROCESSING_AND_INITIALISATION,
      "MLP emulator pretrained on physics simulations with sampled parameters, fine-tuned on the"
      + " observations");
  /** Registry name. */
  public static final String NAME = INFO.name();

  public TransferCoupling(CouplingDefaults defaults) {
    super(INFO, Capabilities.requiring(Requirement.DIFFERENTIABLE_MECHANISM), defaults);
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    if (Targets.simulatedAndObserved(task).isEmpty()) {
      return Applicability.no("no target is both simulated by the mechanism (to pretrain on) and"
          + " observed at least " + Targets.MIN_TRAINING_OBS + " times in training (to fine-tune"
          + " on); targets " + task.targets() + ", observed " + task.observed());
    }
    return Applicability.yes();
  }

  /*
   * Quick counts (emulator epochs, fine-tuning epochs, pretraining samples and rows, scratch
   * network epochs) are a quarter of what they were before issue 12's cost cuts: normalised RMSE
   * 0.621 -> 0.615 on the quick twin and 0.993 -> 0.987 on twin-n3 (0.610 and 0.980 at half the
   * counts), the cell's CPU 2.8x / 12x lower; see docs/BENCHMARKS.md "Quick-suite cost".
   */

  /** Emulator network for the task's budget. */
  public static LearnerSpec spec(CouplingTask task) {
    return LearnerSpec.mlp(48, 48).withEpochs(task.budget().scale(15, 10, 100))
        .withBatchSize(128).withLearningRate(3e-3).withPatience(8).withSeed(task.seed());
  }

  /** Fine-tuning epochs for the task's budget. */
  public static int fineTuneEpochs(CouplingTask task) {
    return task.budget().scale(60, 50, 400);
  }

  /** Pretrains for the task's budget (samples 80/75/1000, 60/25/200 rows each). */
  public static SimulationPretraining.Pretrained pretrain(CouplingTask task, int threads) {
    return SimulationPretraining.pretrain(task, Targets.simulatedAndObserved(task),
        task.budget().scale(80, 75, 1000),
        task.budget().scale(60, 25, 200), spec(task), threads);
  }

  /** The pretrained emulator and the coupling's result, for reports and tests. */
  public record Analysis(SimulationPretraining.Pretrained pretrained, Result result) {}

  @Override
  protected Result run(CouplingTask task) {
    return analyse(task).result();
  }

  /** Pretrains, fine-tunes and predicts (no applicability check). */
  public Analysis analyse(CouplingTask task) {
    List<String> targets = Targets.simulatedAndObserved(task);
    SimulationPretraining.Pretrained pre = pretrain(task, defaults.threads());
    Frame forcing = CalibrationProblem.fillForcingGaps(task.mechanism(), task.forcing());
    double[][] x = SimulationPretraining.features(forcing);
    double[][] y = Learning.observed(task, targets);
    Learning.Periods s = Learning.periods(task, targets);
    Learner ft = SimulationPretraining.fineTune(pre.learner(), x, y, s.trainEnd(), s.valFrom(),
        s.valTo(), fineTuneEpochs(task), 1e-3);
    LearnerSpec scratchSpec = Learning.mlp(task, 48, 48).withEpochs(task.budget().scale(60, 63,
        600));
    int[] cols = SimulationPretraining.observedColumns(y, s.trainEnd());
    Learning.Trained sc = Learning.fit(scratchSpec, x, SimulationPretraining.columns(y, cols), 0,
        s.trainEnd(), s.valFrom(), s.valTo());
    long t0 = System.nanoTime();
    double[][] pf = ft.predict(x);
    double[][] p0 = pre.learner().predict(x);
    double[][] psObs = sc.learner().predict(x);
    double[][] ps = new double[x.length][targets.size()];
    for (int i = 0; i < x.length; i++) {
      java.util.Arrays.fill(ps[i], Double.NaN);
      for (int j = 0; j < cols.length; j++) {
        ps[i][cols[j]] = psObs[i][j];
      }
    }
    Frame pred = forcing.select(List.of());
    Diagnostics.Builder d = Diagnostics.builder().scalar("sampleSimulations", pre.simulations())
        .curve("pretrainValidationLoss", pre.report().valLoss());
    for (int k = 0; k < targets.size(); k++) {
      String v = targets.get(k);
      double[] o = Series.columnOf(y, k);
      double[] f = Series.columnOf(pf, k);
      d.scalar("validationRmse.pretrainedOnly." + v, Metrics.rmse(o, Series.columnOf(p0, k),
          s.valFrom(), s.valTo()))
          .scalar("validationRmse.fineTuned." + v, Metrics.rmse(o, f, s.valFrom(),
              s.valTo()))
          .scalar("validationRmse.scratch." + v, Metrics.rmse(o, Series.columnOf(ps, k),
              s.valFrom(), s.valTo()));
      pred = pred.with(task.targetSpec(v), f);
    }
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("emulator", spec(task).toString());
    cfg.put("fineTuneEpochs", Integer.toString(fineTuneEpochs(task)));
    cfg.put("fineTuneRate", "1e-3");
    return new Analysis(pre, new Result(pred, Map.of(), d.build(), cfg,
        (System.nanoTime() - t0) * 1e-9));
  }
}
