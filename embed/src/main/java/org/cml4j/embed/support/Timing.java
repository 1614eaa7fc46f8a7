package org.cml4j.embed.support;

/** Wall-clock timing of cheap code paths: warm up, then the best of several repetitions. */
public final class Timing {
  private Timing() {}

  /** Seconds of the fastest of {@code reps} runs after {@code warmup} untimed runs. */
  public static double bestOf(int warmup, int reps, Runnable r) {
    for (int i = 0; i < warmup; i++) {
      r.run();
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
    }
    return best;
  }
}
