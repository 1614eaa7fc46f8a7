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
 * The default {@link ColumnRunner}: a fixed pool of threads in this JVM, one task per column,
 * submitted chunk by chunk so chunks finish (and are written) roughly in order. The physics runs in
 * plain Java; one column per thread keeps both cores busy without any shared state.
 */
public final class ExecutorColumnRunner implements ColumnRunner {
  private static final int COLUMN = -1;
  private static final int FAILED = -2;
  private final int threads;

  /** @param threads worker threads (at least 1) */
  public ExecutorColumnRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public String describe() {
    return "embedded (" + threads + (threads == 1 ? " thread)" : " threads)");
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
