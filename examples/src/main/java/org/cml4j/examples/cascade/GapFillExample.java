package org.cml4j.examples.cascade;

import java.util.List;
import org.cml4j.cascade.preprocessing.GapFillCoupling;
import org.cml4j.cascade.preprocessing.LearnedGapFiller;
import org.cml4j.cascade.preprocessing.SpikeDetector;
import org.cml4j.testbeds.twin.CascadeTwins;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 1, gap filling and QC, on the gappy twin ({@link CascadeTwins#gappy}: six 9 h forcing
 * gaps, observation gaps, 12 spikes in Qg): RMSE of the learned and the linear forcing fill in the
 * gaps against the true forcing; spikes found by the double-differencing test; and the
 * test-period RMSE of
 * {@code cascade.gap-fill} against the plain physics (linearly filled forcing, raw observations).
 * Run: {@code java -cp cascade/target/classes:... org.cml4j.examples.cascade.GapFillExample}.
 */
@ExampleInfo(name = "gap-fill", mode = 1, arguments = "[seed]",
    summary = "learned gap filling and spike flags vs linear interpolation, then calibrated "
        + "physics")
public final class GapFillExample {
  private GapFillExample() {}

  /**
   * What the example measured.
   *
   * @param fill RMSE in the forcing gaps: approaches "learned" / "linear" by forcing variable
   * @param spikesInjected spikes added to Qg
   * @param spikesFlagged Qg values the detector flagged
   * @param spikesFound flagged values that were injected spikes
   * @param test test-period RMSE: "physics (linear fill)" and "cascade.gap-fill" by target
   */
  public record Outcome(Comparison fill, int spikesInjected, int spikesFlagged, int spikesFound,
      Comparison test, java.util.Map<String, LearnedGapFiller.VariableReport> reports) {}

  public static Outcome run(long seed, Budget budget) {
    TwinCase c = CascadeTwins.gappy(seed, budget);
    List<String> forcingVars = List.of(Variables.SWDOWN, Variables.LWDOWN, Variables.TAIR);
    GapFillCoupling.Analysis analysis = new GapFillCoupling(CouplingDefaults.standard())
        .analyse(c.task());
    LearnedGapFiller.Filled learned = analysis.filled();
    Frame linear = CalibrationProblem.fillForcingGaps(c.task().mechanism(), c.task().forcing());
    Comparison fill = new Comparison("forcing RMSE inside the gaps (W m-2, K)");
    for (String v : forcingVars) {
      double[] gaps = c.task().forcing().values(v);
      double[] truth = c.cleanForcing().values(v);
      double[] a = learned.frame().values(v);
      double[] b = linear.values(v);
      double sa = 0;
      double sb = 0;
      int n = 0;
      for (int i = 0; i < gaps.length; i++) {
        if (Double.isNaN(gaps[i])) {
          sa += (a[i] - truth[i]) * (a[i] - truth[i]);
          sb += (b[i] - truth[i]) * (b[i] - truth[i]);
          n++;
        }
      }
      fill.put("learned", v, Math.sqrt(sa / n)).put("linear", v, Math.sqrt(sb / n));
    }
    boolean[] injected = c.spikes().get(Variables.QG);
    boolean[] flagged = SpikeDetector.hourlyFlux().flag(c.task().observations()
        .values(Variables.QG));
    int inj = 0;
    int fl = 0;
    int hit = 0;
    for (int i = 0; i < injected.length; i++) {
      double o = c.task().observations().values(Variables.QG)[i];
      inj += injected[i] && !Double.isNaN(o) && i < c.task().split().validationEnd() ? 1 : 0;
      fl += flagged[i] ? 1 : 0;
      hit += flagged[i] && injected[i] ? 1 : 0;
    }
    Frame base = new MechanismCalibrator(CouplingDefaults.standard().optimizer())
        .calibrate(c.task()).simulate(c.task().targets());
    Comparison test = new Comparison("test-period RMSE, gappy twin seed " + seed);
    for (String v : c.task().targets()) {
      test.put("physics (linear fill)", v, c.testRmse(v, base.values(v)));
      test.put(GapFillCoupling.NAME, v, c.testRmse(v, analysis.result().predictions().values(v)));
    }
    return new Outcome(fill, inj, fl, hit, test, learned.reports());
  }

  public static void main(String[] args) {
    Outcome o = run(args.length > 0 ? Long.parseLong(args[0]) : 1, Budget.tiny());
    System.out.println(o.fill().table());
    o.reports().forEach((v, r) -> System.out.printf("%s: %d missing, held-out RMSE learned %.3g,"
        + " linear %.3g, filled %s%n", v, r.missing(), r.learnedRmse(), r.linearRmse(),
        r.usedLearned() ? "by the network" : "linearly"));
    System.out.printf("Qg spikes: %d injected (visible), %d flagged, %d of them injected%n%n",
        o.spikesInjected(), o.spikesFlagged(), o.spikesFound());
    System.out.println(o.test().table());
  }
}
