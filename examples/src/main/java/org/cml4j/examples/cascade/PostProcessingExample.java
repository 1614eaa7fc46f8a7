package org.cml4j.examples.cascade;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cml4j.cascade.postprocessing.DownscalingCoupling;
import org.cml4j.cascade.postprocessing.EnsembleCoupling;
import org.cml4j.cascade.postprocessing.ErrorCorrectionCoupling;
import org.cml4j.testbeds.twin.CascadeTwins;
import org.cml4j.testbeds.twin.TwinCase;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.vars.Frame;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 3, post-processing, on the structural twin ({@link CascadeTwins#structural}: the truth's
 * turbulent exchange grows by day): (a) learned error correction, (b) temporal downscaling of a
 * 3-hourly model to hourly (with the interpolated coarse model for reference), (c) the gated
 * ensemble of four physics configurations with its members, plain mean and static weights; all
 * against the calibrated physics-only baseline, test-period RMSE.
 * Run: {@code ... org.cml4j.examples.cascade.PostProcessingExample [a|b|c] [seed]}.
 */
@ExampleInfo(name = "post-processing", mode = 3, arguments = "[abc] [seed]",
    summary = "(a) error correction, (b) temporal downscaling, (c) learned ensemble weights")
public final class PostProcessingExample {
  private PostProcessingExample() {}

  /** (a) error correction vs baseline. */
  public static Comparison errorCorrection(long seed, Budget budget) {
    TwinCase c = CascadeTwins.structural(seed, budget);
    CouplingDefaults d = CouplingDefaults.standard();
    return Comparison.score("test-period RMSE, structural twin seed " + seed, c, Map.of(),
        new PhysicsOnlyBaseline(d.optimizer()), new ErrorCorrectionCoupling(d));
  }

  /** (b) downscaling (factor 3) vs baseline and the interpolated coarse model. */
  public static Comparison downscaling(long seed, Budget budget) {
    TwinCase c = CascadeTwins.structural(seed, budget);
    CouplingDefaults d = CouplingDefaults.standard();
    DownscalingCoupling.Analysis a = new DownscalingCoupling(d, 3).analyse(c.task());
    Map<String, Frame> p = new LinkedHashMap<>();
    p.put(PhysicsOnlyBaseline.NAME + " (hourly)", new PhysicsOnlyBaseline(d.optimizer())
        .solve(c.task()).predictions());
    p.put("3-hourly physics, interpolated", a.interpolated());
    p.put(DownscalingCoupling.NAME + " (3-hourly + MLP)", a.refined());
    return Comparison.score("test-period RMSE, structural twin seed " + seed, c, p);
  }

  /** (c) gated ensemble vs members, mean, static weights and baseline. */
  public static Comparison ensemble(long seed, Budget budget) {
    TwinCase c = CascadeTwins.structural(seed, budget);
    CouplingDefaults d = CouplingDefaults.standard();
    EnsembleCoupling.Analysis a = new EnsembleCoupling(d).analyse(c.task());
    Map<String, Frame> p = new LinkedHashMap<>();
    Comparison.solve(p, c.task(), new PhysicsOnlyBaseline(d.optimizer()));
    a.memberPredictions().forEach((m, f) -> p.put("member " + m, f));
    p.put("plain mean", a.mean());
    p.put("static learned weights", a.staticWeights());
    p.put(EnsembleCoupling.NAME + " (gated)", a.gated());
    return Comparison.score("test-period RMSE, structural twin seed " + seed, c, p);
  }

  public static void main(String[] args) {
    String which = args.length > 0 ? args[0] : "abc";
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    if (which.contains("a")) {
      System.out.println("(a) error correction\n" + errorCorrection(seed, Budget.tiny()).table());
    }
    if (which.contains("b")) {
      System.out.println("(b) downscaling\n" + downscaling(seed, Budget.tiny()).table());
    }
    if (which.contains("c")) {
      System.out.println("(c) ensemble\n" + ensemble(seed, Budget.tiny()).table());
    }
  }
}
