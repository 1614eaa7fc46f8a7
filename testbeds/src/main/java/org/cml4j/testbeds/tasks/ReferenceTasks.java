package org.cml4j.testbeds.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;
import org.cml4j.testbeds.sites.RealSiteTasks;

/**
 * Variants of the benchmark catalog's reference tasks ({@link TaskCatalog}) used by the
 * embedding examples: huang2025-2depth with seeded observation noise, and Phoenix with the
 * turbulent flux sum QH + QE ({@code QhQle}, the simple model's turbulent output) observed and
 * predicted.
 */
public final class ReferenceTasks {
  private ReferenceTasks() {}

  /**
   * huang2025-2depth (101 h observed, 48 h test) with Gaussian noise of {@code noiseSd} K added to
   * the observations (seeded; 0 = the published targets).
   */
  public static BenchTask huang2025TwoDepth(Path dataDir, double noiseSd, long seed,
      Budget budget) {
    BenchTask b = ParameterRecoveryTasks.task(dataDir.resolve("huang2025-synthetic"), 2, seed,
        budget).getKey();
    if (noiseSd == 0) {
      return b;
    }
    CouplingTask t = b.task();
    Frame obs = t.observations().select(List.of());
    Random rnd = new Random(seed * 7919 + 17);
    for (String v : t.observations().names()) {
      double[] x = t.observations().values(v);
      for (int i = 0; i < x.length; i++) {
        x[i] += noiseSd * rnd.nextGaussian();
      }
      obs = obs.with(t.observations().spec(v), x);
    }
    String id = b.id() + "-noise" + noiseSd;
    return new BenchTask(id, b.family(), t.toBuilder().name(id).observations(obs).build(),
        b.truth(), b.trueParameters(), b.description() + " Observation noise " + noiseSd + " K.");
  }

  /**
   * Phoenix May 2012 with {@code QhQle = Qh + Qle} observed (in the task and in the truth) and
   * {@code QhQle}, {@code LWup}, {@code SoilTemp_0.02} as targets.
   */
  public static BenchTask phoenixTurbulentSum(Path dataDir, long seed, Budget budget) {
    BenchTask b = RealSiteTasks.phoenix(dataDir, seed, budget).getKey();
    CouplingTask t = b.task();
    Frame obs = t.observations().with(Variables.QHQLE, sum(t.observations()));
    Frame truth = b.truth().with(Variables.QHQLE, sum(b.truth()));
    List<String> targets = new ArrayList<>(List.of(Variables.QHQLE, Variables.LWUP,
        "SoilTemp_0.02"));
    return new BenchTask(b.id(), b.family(), t.toBuilder().observations(obs).targets(targets)
        .build(), truth, b.trueParameters(), b.description() + " QH + QE observed as QhQle.");
  }

  private static double[] sum(Frame f) {
    double[] h = f.values(Variables.QH);
    double[] le = f.values(Variables.QLE);
    double[] s = new double[h.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = h[i] + le[i];
    }
    return s;
  }
}
