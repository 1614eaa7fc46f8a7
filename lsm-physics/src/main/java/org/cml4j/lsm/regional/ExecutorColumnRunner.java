package org.cml4j.lsm.regional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link ColumnRunner}: a fixed pool of threads in this JVM, submitted chunk by chunk
 * so chunks finish (and are written) roughly in order. Per-column mode: one task per column
 * ({@link ColumnFitter#fit}). Batched mode (the default of {@code cml4j map}): one task per chunk,
 * fitted in lockstep by {@link BatchedColumnFitter} on the task's thread, so results do not depend
 * on the thread count. The physics runs in plain Java without any shared state.
 */
public final class ExecutorColumnRunner implements ColumnRunner {
  private static final int COLUMN = -1;
  private static final int FAILED = -2;
  private final int threads;
  private final boolean batched;

  /** Per-column fitting. @param threads worker threads (at least 1) */
  public ExecutorColumnRunner(int threads) {
    this(threads, false);
  }

  /**
   * @param threads worker threads (at least 1)
   * @param batched fit each chunk in lockstep with {@link BatchedColumnFitter}
   */
  public ExecutorColumnRunner(int threads, boolean batched) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.batched = batched;
  }

  @Override
  public String describe() {
    return "embedded (" + threads + (threads == 1 ? " thread" : " threads")
        + (batched ? ", batched)" : ")");
  }

  @Override
  public void run(List<ColumnChunk> chunks, ColumnFitter fitter, ChunkSink sink)
      throws IOException {
    if (chunks.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "cml4j-map");
      t.setDaemon(true);
      return t;
    });
    // events from workers: a finished chunk index, COLUMN for one finished column, FAILED
    BlockingQueue<Integer> events = new LinkedBlockingQueue<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<ColumnFit[]> results = new ArrayList<>();
    try {
      for (int c = 0; c < chunks.size(); c++) {
        ColumnChunk chunk = chunks.get(c);
        ColumnFit[] out = new ColumnFit[chunk.size()];
        results.add(out);
        AtomicInteger remaining = new AtomicInteger(chunk.size());
        int ci = c;
        if (batched) {
          BatchedColumnFitter bf = new BatchedColumnFitter(fitter);
          pool.execute(() -> {
            try {
              List<ColumnFit> fits = bf.fit(chunk.columns());
              for (int i = 0; i < out.length; i++) {
                out[i] = fits.get(i);
                events.add(COLUMN);
              }
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
              events.add(FAILED);
              return;
            }
            events.add(ci);
          });
          continue;
        }
        for (int i = 0; i < chunk.size(); i++) {
          int idx = i;
          pool.execute(() -> {
            try {
              out[idx] = fitter.fit(chunk.columns().get(idx));
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
              events.add(FAILED);
              return;
            }
            events.add(COLUMN);
            if (remaining.decrementAndGet() == 0) {
              events.add(ci);
            }
          });
        }
      }
      int pending = chunks.size();
      while (pending > 0) {
        int e = events.take();
        if (e == FAILED) {
          throw new IllegalStateException("column worker died: " + failure.get(), failure.get());
        }
        if (e == COLUMN) {
          sink.columnsDone(1);
          continue;
        }
        sink.chunkDone(chunks.get(e), Arrays.asList(results.get(e)));
        results.set(e, null);
        pending--;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("regional mapping interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
