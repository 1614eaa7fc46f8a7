package org.cml4j.lsm.batch;

import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * Keeps the per-worker workspaces of the most recent kind of run (same outputs, directions,
 * checkpoint plan, horizon and chunk width) so that repeated calls, e.g. one per optimiser step,
 * allocate nothing. A new kind of run drops the old workspaces; workspaces larger than
 * {@link #MAX_BYTES} are never kept. Thread-safe.
 */
final class WorkspaceCache {
  /** Largest workspace worth keeping between runs [bytes]. */
  static final long MAX_BYTES = 64L << 20;
  private static final int MAX_KEPT = 8;

  private Object key;
  private final ArrayDeque<Object> free = new ArrayDeque<>();

  /** A cached workspace for {@code key} or a new one from {@code make}. */
  @SuppressWarnings("unchecked")
  synchronized <W> W take(Object key, int width, IntFunction<W> make) {
    if (key.equals(this.key) && !free.isEmpty()) {
      return (W) free.pop();
    }
    return make.apply(width);
  }

  /** Returns a workspace of {@code bytes} for reuse by runs with the same key. */
  synchronized void give(Object key, Object workspace, long bytes) {
    if (bytes > MAX_BYTES) {
      return;
    }
    if (!key.equals(this.key)) {
      this.key = key;
      free.clear();
    }
    if (free.size() < MAX_KEPT) {
      free.push(workspace);
    }
  }
}
