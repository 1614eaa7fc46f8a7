package org.cml4j.examples.embed;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.embed.solving.AmortisedInverseCoupling;
import org.cml4j.embed.solving.GradientInversionCoupling;
import org.cml4j.embed.solving.SurrogateInversionCoupling;
import org.cml4j.embed.TaskSupport;
import org.cml4j.testbeds.tasks.ReferenceTasks;
import org.cml4j.testbeds.tasks.BenchTask;
import org.cml4j.examples.ExampleInfo;

/**
 * Mode 6 on huang2025-2depth (the paper's experiment; data from {@code shared/data}): the
 * adjoint (Adam) inversion, the surrogate-assisted inversion with physics verification and
 * fallback (physics evaluations against the physics-only LM and Adam inversions), and the
 * amortised inverse — trained once, then applied in one pass and refined on the noise-free
 * targets and on 0.1 K and 0.5 K noisy variants.
 */
@ExampleInfo(name = "solving", mode = 6, arguments = ExampleInfo.DATA,
    summary = "adjoint inversion, surrogate inside the inversion, amortised inverse + refinement")
public final class SolvingExample {
  private SolvingExample() {}

  /** Largest relative error of lambda, C, hbeta and alpha, and |Tb error| / 1 K, combined max. */
  public static double maxError(Map<String, Double> fitted, Map<String, Double> truth) {
    double e = 0;
    for (String p : List.of("alpha", "lambda", "C", "hbeta")) {
      e = Math.max(e, Math.abs(fitted.get(p) / truth.get(p) - 1));
    }
    return Math.max(e, Math.abs(fitted.get("Tb") - truth.get("Tb")) / 293);
  }

  /**
   * One amortised estimate.
   *
   * @param noise observation noise [K]
   * @param onePassError max relative error of the one-pass estimate
   * @param refinedError same after refinement
   * @param onePassSeconds time of the one pass
   * @param refineSeconds time of the refinement
   * @param refineEvaluations physics evaluations of the refinement
   */
  public record Amortised(double noise, double onePassError, double refinedError,
      double onePassSeconds, double refineSeconds, int refineEvaluations) {}

  /**
   * Outcome.
   *
   * @param adjoint fitted by the adjoint inversion
   * @param adjointRuns forward + adjoint runs of the adjoint inversion
   * @param surrogate diagnostics of the surrogate inversion
   * @param surrogateFitted fitted by the surrogate inversion
   * @param amortised amortised estimates by noise level
   * @param amortisedTrainingRuns physics runs to train the amortised inverse (once)
   * @param truth true parameters
   */
  public record Result(Map<String, Double> adjoint, double adjointRuns,
      Map<String, Double> surrogate, Map<String, Double> surrogateFitted,
      List<Amortised> amortised, int amortisedTrainingRuns, Map<String, Double> truth) {}

  public static Result run(Path dataDir, long seed) {
    CouplingDefaults d = CouplingDefaults.standard();
    BenchTask clean = ReferenceTasks.huang2025TwoDepth(dataDir, 0, seed, Budget.tiny());
    Map<String, Double> truth = clean.trueParameters();
    CouplingSolution g = new GradientInversionCoupling(d).solve(clean.task());
    CouplingSolution s = new SurrogateInversionCoupling(d).solve(clean.task());
    AmortisedInverseCoupling ai = new AmortisedInverseCoupling(d);
    AmortisedInverseCoupling.Trained tr = ai.train(clean.task());
    List<Amortised> am = new java.util.ArrayList<>();
    for (double noise : new double[] {0, 0.1, 0.5}) {
      BenchTask b = ReferenceTasks.huang2025TwoDepth(dataDir, noise, seed, Budget.tiny());
      long t0 = System.nanoTime();
      Map<String, Double> one = tr.estimate(b.task());
      double oneSec = TaskSupport.since(t0);
      long t1 = System.nanoTime();
      Calibration c = tr.refine(b.task(), one);
      double refSec = TaskSupport.since(t1);
      am.add(new Amortised(noise, maxError(one, truth), maxError(c.fitted(), truth), oneSec,
          refSec, c.evaluations()));
    }
    return new Result(g.parameters(), g.diagnostics().scalars().get("forwardRuns")
        + g.diagnostics().scalars().get("adjointRuns"), s.diagnostics().scalars(),
        new LinkedHashMap<>(s.parameters()), am, tr.runs(), truth);
  }

  public static void main(String[] args) {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Result r = run(data, 3);
    System.out.printf("adjoint (Adam) inversion: max parameter error %.2e with %.0f forward +"
        + " adjoint runs: %s%n", maxError(r.adjoint(), r.truth()), r.adjointRuns(), r.adjoint());
    System.out.printf("surrogate inversion: max error %.2e; %d training + 1 verification + %.0f"
        + " fallback evaluations (fell back: %s, disagreement %.3f K); physics-only LM %.0f"
        + " evaluations%n", maxError(r.surrogateFitted(), r.truth()),
        r.surrogate().get("trainingRuns").intValue(), r.surrogate().get("fallbackEvaluations"),
        r.surrogate().get("fellBack") > 0, r.surrogate().get("disagreementAtOptimum"),
        r.surrogate().get("physicsOnlyEvaluations"));
    System.out.println("amortised inverse, trained once on " + r.amortisedTrainingRuns()
        + " physics runs:");
    for (Amortised a : r.amortised()) {
      System.out.printf("  noise %.1f K: one pass max error %.3f in %.4f s; refined %.2e in %.3f s"
          + " (%d evaluations)%n", a.noise(), a.onePassError(), a.onePassSeconds(),
          a.refinedError(), a.refineSeconds(), a.refineEvaluations());
    }
  }
}
