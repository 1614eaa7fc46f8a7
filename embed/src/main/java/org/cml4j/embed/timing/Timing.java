package org.cml4j.embed.timing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Fair wall-clock comparison of two code paths in one process: both get the same number of
 * untimed warm-up runs and of timed repeats, interleaved (A B, then B A, ...) so that JIT state,
 * caches and machine load are shared evenly; the result is the median of each side with its
 * spread, and the median of the per-repeat speed-ups with their range. Each sample is timed by
 * the wall clock and by the calling thread's CPU time: on a machine shared with other jobs the
 * wall clock measures the share of a core the process got, the CPU time the work itself (both
 * sides run in the calling thread). Timings are diagnostics only: nothing may depend on them (no
 * control flow, no scores).
 */
public final class Timing {
  private Timing() {}

  /**
   * How much to time.
   *
   * @param warmup untimed runs of each side before timing (>= 0)
   * @param repeats timed runs of each side (>= 1; odd gives an exact median)
   * @param steps at most this many model steps per timed run (the couplings time a window of
   *     their run of this length; >= 1)
   */
  public record Plan(int warmup, int repeats, int steps) {
    public Plan {
      if (warmup < 0 || repeats < 1 || steps < 1) {
        throw new IllegalArgumentException("timing plan needs warmup >= 0, repeats >= 1, steps"
            + " >= 1; got " + warmup + ", " + repeats + ", " + steps);
      }
    }

    /** The couplings' default: 2 warm-ups, 5 repeats of each side, windows of 48 steps. */
    public static Plan standard() {
      return new Plan(2, 5, 48);
    }
  }

  /**
   * Times per run of the two sides [s], one entry per repeat, in the order they were paired.
   *
   * @param fast wall time of the side expected to be faster (e.g. the learned model)
   * @param slow wall time of the side it replaces (e.g. the reference it emulates)
   * @param cpu the same measured as thread CPU time
   */
  public record Comparison(double[] fast, double[] slow, Comparison cpu) {
    public Comparison {
      if (fast.length != slow.length || fast.length == 0) {
        throw new IllegalArgumentException("timing comparison needs equal, non-empty repeats");
      }
      fast = fast.clone();
      slow = slow.clone();
    }

    /** Median time of the fast side [s]. */
    public double fastMedian() {
      return StatUtils.percentile(fast, 50);
    }

    /** Median time of the slow side [s]. */
    public double slowMedian() {
      return StatUtils.percentile(slow, 50);
    }

    /** Per-repeat speed-ups {@code slow[i] / fast[i]}. */
    public double[] ratios() {
      double[] r = new double[fast.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = slow[i] / fast[i];
      }
      return r;
    }

    /** Median of the per-repeat speed-ups. */
    public double speedupMedian() {
      return StatUtils.percentile(ratios(), 50);
    }

    /** Smallest per-repeat speed-up. */
    public double speedupMin() {
      return StatUtils.min(ratios());
    }

    /** Largest per-repeat speed-up. */
    public double speedupMax() {
      return StatUtils.max(ratios());
    }

    /** One line: medians with min–max of both sides and the speed-up, {@code unit} per run. */
    public String summary(double scale, String unit) {
      return String.format(java.util.Locale.ROOT,
          "fast %.4g %s (%.4g–%.4g), slow %.4g %s (%.4g–%.4g), speed-up median %.1fx"
              + " (min %.1fx, max %.1fx, %d repeats)",
          fastMedian() * scale, unit, StatUtils.min(fast) * scale, StatUtils.max(fast) * scale,
          slowMedian() * scale, unit, StatUtils.min(slow) * scale, StatUtils.max(slow) * scale,
          speedupMedian(), speedupMin(), speedupMax(), fast.length);
    }

    @Override
    public String toString() {
      return "Comparison[fast=" + Arrays.toString(fast) + ", slow=" + Arrays.toString(slow)
          + (cpu == null ? "" : ", cpu=" + cpu) + "]";
    }
  }

  /** Shortest timed sample [s]: a faster run is repeated within one sample (as JMH does). */
  public static final double MIN_SAMPLE_SECONDS = 0.02;

  /**
   * Times {@code fast} and {@code slow} with the same warm-up and repeats, interleaved. A run
   * shorter than {@link #MIN_SAMPLE_SECONDS} is repeated within each timed sample (the count
   * fixed after the warm-up) so that timer resolution and scheduler slices do not dominate; the
   * result is per run.
   *
   * @param plan warm-ups and repeats (its {@code steps} is for the caller's windows)
   */
  public static Comparison compare(Plan plan, Runnable fast, Runnable slow) {
    double lastFast = 0;
    double lastSlow = 0;
    for (int i = 0; i < plan.warmup(); i++) {
      lastFast = seconds(fast, 1)[0];
      lastSlow = seconds(slow, 1)[0];
    }
    int nf = plan.warmup() == 0 ? 1 : runsPerSample(lastFast);
    int ns = plan.warmup() == 0 ? 1 : runsPerSample(lastSlow);
    int n = plan.repeats();
    double[][] f = new double[2][n];
    double[][] sl = new double[2][n];
    for (int i = 0; i < n; i++) {
      double[] a;
      double[] b;
      if (i % 2 == 0) {
        a = seconds(fast, nf);
        b = seconds(slow, ns);
      } else {
        b = seconds(slow, ns);
        a = seconds(fast, nf);
      }
      f[0][i] = a[0];
      f[1][i] = a[1];
      sl[0][i] = b[0];
      sl[1][i] = b[1];
    }
    return new Comparison(f[0], sl[0], new Comparison(f[1], sl[1], null));
  }

  private static int runsPerSample(double runSeconds) {
    return (int) Math.max(1, Math.min(10_000, Math.ceil(MIN_SAMPLE_SECONDS / Math.max(runSeconds,
        1e-9))));
  }

  /** Mean wall and thread-CPU seconds per run over {@code n} back-to-back runs. */
  private static double[] seconds(Runnable r, int n) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      r.run();
    }
    long t1 = System.nanoTime();
    long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    double wall = (t1 - t0) * 1e-9 / n;
    return new double[] {wall, cpu ? (c1 - c0) * 1e-9 / n : wall};
  }
}
