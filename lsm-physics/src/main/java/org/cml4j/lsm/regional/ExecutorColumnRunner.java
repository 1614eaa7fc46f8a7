package org.cml4j.lsm.regional;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The default {@link ColumnRunner}: a fixed pool of threads in this JVM, fed chunk by chunk in
 * order: the calling thread reads a chunk's input ({@link ColumnChunk#load()}) when fewer than
 * {@code threads + 1} chunks are read and not yet handed to the sink, so input memory is bounded by
 * {@code threads + 1} chunks whatever the region's size, and chunks finish (and are written)
 * roughly in order. Per-column mode: one task per column
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
    ColumnFit[][] results = new ColumnFit[chunks.size()][];
    // at most threads + 1 chunks are read and not yet written: memory holds that many chunks of
    // input values, not the region (the extra one keeps every thread busy while a chunk is read)
    int window = threads + 1;
    try {
      int submitted = 0;
      int inFlight = 0;
      int pending = chunks.size();
      while (pending > 0) {
        while (submitted < chunks.size() && inFlight < window) {
          // read on this thread while the workers fit the chunks before it
          submit(pool, chunks.get(submitted).load(), submitted, fitter, results, events, failure);
          submitted++;
          inFlight++;
        }
        int e = events.take();
        if (e == FAILED) {
          throw new IllegalStateException("column worker died: " + failure.get(), failure.get());
        }
        if (e == COLUMN) {
          sink.columnsDone(1);
          continue;
        }
        sink.chunkDone(chunks.get(e), Arrays.asList(results[e]));
        results[e] = null;
        inFlight--;
        pending--;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("regional mapping interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Submits one loaded chunk: one batched task, or one task per column. */
  private void submit(ExecutorService pool, ColumnChunk chunk, int ci, ColumnFitter fitter,
      ColumnFit[][] results, BlockingQueue<Integer> events, AtomicReference<Throwable> failure) {
    ColumnFit[] out = new ColumnFit[chunk.size()];
    results[ci] = out;
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
      return;
    }
    AtomicInteger remaining = new AtomicInteger(chunk.size());
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
}
