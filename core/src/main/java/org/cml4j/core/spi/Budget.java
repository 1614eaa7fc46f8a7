package org.cml4j.core.spi;

/**
 * Compute budget of one coupling run. Couplings scale their epochs, starts and iterations with
 * the {@link Effort} and must stop by {@code maxSeconds} (soft limit, checked between epochs or
 * iterations).
 *
 * @param effort how hard to try
 * @param maxSeconds wall-clock limit in seconds
 */
public record Budget(Effort effort, double maxSeconds) {
  /** Effort levels: TINY for tests (seconds), QUICK for the default benchmark, FULL for papers. */
  public enum Effort { TINY, QUICK, FULL }

  public Budget {
    if (!(maxSeconds > 0)) {
      throw new IllegalArgumentException("budget maxSeconds must be > 0, got " + maxSeconds);
    }
  }

  /** Tiny budget for unit tests. */
  public static Budget tiny() {
    return new Budget(Effort.TINY, 60);
  }

  /** The default benchmark budget. */
  public static Budget quick() {
    return new Budget(Effort.QUICK, 120);
  }

  /** Picks one of three values by effort. */
  public int scale(int tiny, int quick, int full) {
    return switch (effort) {
      case TINY -> tiny;
      case QUICK -> quick;
      case FULL -> full;
    };
  }
}
