package org.cml4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cml4j.cli.DataLocator;
import org.cml4j.cli.estimate.Huang2025Runner;
import org.cml4j.cli.estimate.PosteriorRun;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.posterior.Diagnostics;
import org.cml4j.lsm.posterior.HmcConfig;
import org.cml4j.lsm.posterior.LsmPosterior;
import org.cml4j.lsm.posterior.PosteriorResult;
import org.cml4j.lsm.posterior.PosteriorSampler;
import org.cml4j.lsm.solver.StepSolver;

/**
 * Wall-clock measurement of posterior sampling on huang2025-2depth (alpha, lambda, C, hbeta, Tb;
 * targets plus N(0, 0.1 K) noise, seed 1): time from the least-squares fit to a finished sample
 * (mode search, warm-up, draws), the smallest bulk ESS over the five parameters (and, since HMC
 * draws can be antithetic with a bulk ESS above the number of draws, the smallest ESS of the
 * squared deviations, which governs the SDs), and ESS per second, for three sides run alternately in one process, {@code repeats} times each (medians
 * reported): batched adjoint on 2 threads, batched on 1 thread, scalar adjoint (one chain after
 * the other) on 1 thread. Same seed and settings on every side. The goal is at least 1000
 * effective samples in under 10 s on 2 cores.
 *
 * <p>Run: {@code java -cp benchmarks/target/cml4j-cli.jar
 * org.cml4j.benchmarks.PosteriorSpeedBenchmark [repeats] [chains] [warmup] [draws]}
 * (defaults 3, 8, 150, 500: the settings of the two-depth test in Huang2025PosteriorTest).
 */
public final class PosteriorSpeedBenchmark {
  private PosteriorSpeedBenchmark() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int chains = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 150;
    int draws = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    Huang2025Experiment e = Huang2025Experiment.load(
        Huang2025Runner.folder(DataLocator.find(null)), 2);
    Objective base = e.objective(StepSolver.EXACT, PosteriorRun.FREE);
    Objective obj = base.withObservations(e.observations().withGaussianNoise(0.1, 1));
    double[] fit = new LevenbergMarquardtFit().fit(obj, new double[] {0.2, 0.8, 2.2e6, 25, 293})
        .fitted();
    HmcConfig cfg = new HmcConfig(chains, warmup, draws, 3, 0.8, 0.2, 2.0, 7);
    String[] sides = {"batched, 2 threads", "batched, 1 thread", "scalar, 1 thread"};
    List<List<double[]>> res = new ArrayList<>();
    for (int s = 0; s < sides.length; s++) {
      res.add(new ArrayList<>());
    }
    int load = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "processors %d, load average %.1f; %d chains x %d draws, %d "
        + "warm-up, mean 3 leapfrog steps, seed 7%n", load,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        chains, draws, warmup);
    for (int r = -1; r < repeats; r++) {
      for (int s = 0; s < sides.length; s++) {
        int threads = s == 0 ? 2 : 1;
        try (BatchRunner runner = new BatchRunner(threads, 64)) {
          LsmPosterior target = new LsmPosterior(obj, LsmPosterior.uniformPriors(obj.space()),
              false, s == 2 ? null : runner);
          long t0 = System.nanoTime();
          PosteriorResult pr = PosteriorSampler.run(target, fit, cfg);
          double wall = (System.nanoTime() - t0) * 1e-9;
          double ess = pr.minEss();
          double essVar = Double.POSITIVE_INFINITY;
          for (int j = 0; j < pr.names().size(); j++) {
            double[][] x = pr.coordinate(j, false);
            double mean = pr.marginals().get(j).mean();
            for (double[] row : x) {
              for (int i = 0; i < row.length; i++) {
                row[i] = (row[i] - mean) * (row[i] - mean);
              }
            }
            essVar = Math.min(essVar, Diagnostics.essBulk(x));
          }
          if (r >= 0) {
            res.get(s).add(new double[] {wall, ess, ess / wall, pr.gradientRuns(), pr.maxRhat(),
                essVar});
          }
          System.out.printf(Locale.ROOT, "%s %-20s %.2f s, min ESS %.0f (of the squared "
              + "deviations %.0f), %.0f ESS/s, %d gradients, max R-hat %.4f%n",
              r < 0 ? "warm-up run" : "run " + r, sides[s], wall, ess, essVar, ess / wall,
              pr.gradientRuns(), pr.maxRhat());
        }
      }
    }
    for (int s = 0; s < sides.length; s++) {
      double wall = median(res.get(s), 0);
      double ess = median(res.get(s), 1);
      double essVar = median(res.get(s), 5);
      System.out.printf(Locale.ROOT, "MEDIAN %-20s %.2f s, min ESS %.0f (squared deviations "
          + "%.0f), %.0f ESS/s; time to 1000 ESS ~ %.2f s (of the squared deviations ~ %.2f s)%n",
          sides[s], wall, ess, essVar, median(res.get(s), 2), wall * Math.max(1, 1000 / ess),
          wall * Math.max(1, 1000 / essVar));
    }
  }

  private static double median(List<double[]> rows, int col) {
    double[] v = rows.stream().mapToDouble(r -> r[col]).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
