package org.cml4j.examples.cascade;

import java.util.List;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.preprocessing.SimulationPretraining;
import org.cml4j.cascade.preprocessing.TransferCoupling;
import org.cml4j.testbeds.twin.CascadeTwins;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 1, transfer learning on the structural twin: an emulator pretrained on simulations is
 * fine-tuned on the first 24, 96 and all 288 training hours and compared, on the test period,
 * with the same network trained from scratch on those hours and with the pretrained emulator
 * alone; then {@code cascade.transfer} against the calibrated physics-only baseline.
 */
@ExampleInfo(name = "transfer", mode = 1,
    summary = "pretrain on simulations, fine-tune on few observations, vs training from scratch")
public final class TransferExample {
  /** Training-set sizes of the learning curve [h]. */
  public static final int[] SIZES = {24, 96, 288};

  private TransferExample() {}

  /**
   * @param curve the learning curve (target order of the task)
   * @param targets targets of the curve
   * @param test test-period RMSE of the coupling and the baseline
   */
  public record Outcome(List<SimulationPretraining.CurvePoint> curve, List<String> targets,
      Comparison test) {}

  public static Outcome run(long seed, Budget budget) {
    TwinCase c = CascadeTwins.structural(seed, budget);
    var task = c.task();
    CouplingDefaults d = CouplingDefaults.standard();
    TransferCoupling.Analysis a = new TransferCoupling(d).analyse(task);
    SimulationPretraining.Pretrained pre = a.pretrained();
    List<SimulationPretraining.CurvePoint> curve = SimulationPretraining.learningCurve(task,
        task.targets(), pre, SIZES, Learning.mlp(task, 48, 48),
        TransferCoupling.fineTuneEpochs(task), 1e-3, c.observed(), c.testStart(),
        task.split().size());
    CouplingSolution base = new PhysicsOnlyBaseline(d.optimizer()).solve(task);
    Comparison test = new Comparison("test-period RMSE, structural twin seed " + seed);
    for (String v : task.targets()) {
      test.put(PhysicsOnlyBaseline.NAME, v, c.testRmse(v, base.prediction(v)));
      test.put(TransferCoupling.NAME, v, c.testRmse(v, a.result().predictions().values(v)));
    }
    return new Outcome(curve, task.targets(), test);
  }

  public static void main(String[] args) {
    Outcome o = run(1, Budget.tiny());
    System.out.println("test RMSE by training hours (" + o.targets() + "):");
    for (var p : o.curve()) {
      System.out.printf("  %3d h: pretrained only %s, fine-tuned %s, from scratch %s%n",
          p.trainSteps(), fmt(p.pretrainedOnly()), fmt(p.fineTuned()), fmt(p.scratch()));
    }
    System.out.println(o.test().table());
  }

  static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.3g", v[i]));
    }
    return sb.append(']').toString();
  }
}
