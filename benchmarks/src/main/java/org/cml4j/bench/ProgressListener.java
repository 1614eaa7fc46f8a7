package org.cml4j.bench;

/**
 * Receives progress of a long task (e.g. the starts of a multi-start estimation). The CLI turns it
 * into a progress bar on stderr. Implementations must be thread-safe: {@link #done(int)} may be
 * called from worker threads.
 */
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() { };

  /** A task with {@code total} units of work begins (e.g. "huang2025-2depth lm", 50 starts). */
  default void begin(String task, int total) { }

  /** As {@link #begin(String, int)}, counting in {@code unit} (e.g. " columns"). */
  default void begin(String task, int total, String unit) {
    begin(task, total);
  }

  /** {@code finished} units (a running count, not an increment) are complete. */
  default void done(int finished) { }

  /** The current task is complete (successfully or not). */
  default void end() { }

  /** A one-line status message (e.g. "reading US-WestPhoenix_clean_observations_v1.nc"). */
  default void message(String text) { }

  /** Short status shown beside the bar (e.g. the current task and coupling). */
  default void status(String text) { }
}
