package org.cml4j.core.spi;

import java.util.Locale;

/**
 * Compute budget of one coupling run. Couplings derive every count that decides their result —
 * epochs, starts, iterations, evaluations — from the {@link Effort} (see {@link #scale}), so the
 * same seed gives the same result on an idle or a busy machine and on any number of threads.
 *
 * <p>{@code maxSeconds} is only a <em>safety cap</em> on wall time, set far above what a run
 * needs (the tiny and quick suites never reach it, even on a heavily shared 2-core machine): it
 * keeps a runaway run from blocking a benchmark, nothing more. A run that hits it stops early and
 * says so through a {@link SafetyCap}: its diagnostics carry {@link #TIME_CAP_HIT} = 1 and a note
 * "wall-time safety cap of N s hit after E epochs"; such a result depends on the machine and is
 * flagged as such (results.csv column {@code timeCapHit}).
 *
 * @param effort how hard to try: sets the counts
 * @param maxSeconds wall-time safety cap in seconds (not a stopping rule; hitting it is reported)
 */
public record Budget(Effort effort, double maxSeconds) {
  /** Diagnostics key: 1 if the run stopped at the wall-time safety cap, 0 (or absent) if not. */
  public static final String TIME_CAP_HIT = "timeCapHit";

  /** Effort levels: TINY for tests (seconds), QUICK for the default benchmark, FULL for papers. */
  public enum Effort { TINY, QUICK, FULL }

  public Budget {
    if (!(maxSeconds > 0)) {
      throw new IllegalArgumentException("budget maxSeconds must be > 0, got " + maxSeconds);
    }
  }

  /** Tiny budget for unit tests (safety cap 600 s; tiny runs take seconds). */
  public static Budget tiny() {
    return new Budget(Effort.TINY, 600);
  }

  /** The default benchmark budget (safety cap 1800 s; quick runs take well under a minute). */
  public static Budget quick() {
    return new Budget(Effort.QUICK, 1800);
  }

  /** Picks one of three values by effort. */
  public int scale(int tiny, int quick, int full) {
    return switch (effort) {
      case TINY -> tiny;
      case QUICK -> quick;
      case FULL -> full;
    };
  }

  /** Starts the wall-time safety cap of one run (call once, when the run starts). */
  public SafetyCap startCap() {
    return new SafetyCap(maxSeconds);
  }

  /**
   * The wall-time safety cap of one run: loops call {@link #tick} after each epoch or
   * iteration and stop when it says so; the run then reports the hit with {@link #report}. Not
   * thread-safe (one per run).
   */
  public static final class SafetyCap {
    private final double seconds;
    private final long start = System.nanoTime();
    private boolean hit;
    private int epochs;
    private int epochsAtHit;

    private SafetyCap(double seconds) {
      this.seconds = seconds;
    }

    /** A cap of {@code seconds} from now (for code that runs outside a coupling task). */
    public static SafetyCap of(double seconds) {
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("safety cap must be > 0 s, got " + seconds);
      }
      return new SafetyCap(seconds);
    }

    /** The cap [s]. */
    public double seconds() {
      return seconds;
    }

    /**
     * Counts one more epoch (or iteration) of the run and returns true once the wall time since
     * the start exceeds the cap (then remembered, with the epochs counted so far, for the
     * report); the caller stops. Phases of one run (pretraining, training) share the count.
     */
    public boolean tick() {
      epochs++;
      if (!hit && (System.nanoTime() - start) * 1e-9 > seconds) {
        hit = true;
        epochsAtHit = epochs;
      }
      return hit;
    }

    /** Whether the cap was hit. */
    public boolean hit() {
      return hit;
    }

    /** Epochs completed when the cap was hit (0 if it was not). */
    public int epochsAtHit() {
      return epochsAtHit;
    }

    /**
     * Adds {@link #TIME_CAP_HIT} (1 or 0) and, if hit, the note
     * "wall-time safety cap of N s hit after E epochs".
     */
    public Diagnostics.Builder report(Diagnostics.Builder d) {
      d.scalar(TIME_CAP_HIT, hit ? 1 : 0);
      if (hit) {
        d.note(note());
      }
      return d;
    }

    /** The note of a hit cap. */
    public String note() {
      return String.format(Locale.ROOT, "wall-time safety cap of %s s hit after %d epochs",
          seconds >= 1 ? String.format(Locale.ROOT, "%.0f", seconds)
              : String.format(Locale.ROOT, "%.3g", seconds), epochsAtHit);
    }
  }
}
