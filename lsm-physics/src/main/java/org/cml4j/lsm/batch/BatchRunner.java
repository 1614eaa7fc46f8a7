package org.cml4j.lsm.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Splits a batch of columns into chunks of at most {@link #chunk()} columns and processes them on
 * an embedded fixed thread pool (the calling thread works too). Each worker builds one workspace,
 * sized for the chunk width, and reuses it for every chunk it pulls, so the per-chunk kernels
 * allocate nothing. Small batches are spread so that every thread gets a chunk. Pool threads are
 * daemons; {@link #close()} stops them (the {@link #shared()} runner lives for the JVM).
 */
public final class BatchRunner implements AutoCloseable {
  /**
   * Default chunk width [columns]: rows of 64 doubles vectorise well under AVX2/AVX-512 and the
   * forward working set (about five 101-node x 64-column arrays, 260 kB) stays in L2.
   */
  public static final int DEFAULT_CHUNK = 64;

  private static final class Shared {
    static final BatchRunner INSTANCE =
        new BatchRunner(Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK);
  }

  private final int threads;
  private final int chunk;
  private final ExecutorService pool;

  /**
   * @param threads worker threads including the caller (1 = everything on the calling thread)
   * @param chunk maximum columns per chunk
   */
  public BatchRunner(int threads, int chunk) {
    if (threads < 1) {
      throw new IllegalArgumentException("batch runner: threads must be >= 1, got " + threads);
    }
    if (chunk < 1) {
      throw new IllegalArgumentException("batch runner: chunk must be >= 1 column, got " + chunk);
    }
    this.threads = threads;
    this.chunk = chunk;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
      Thread t = new Thread(r, "cml4j-batch");
      t.setDaemon(true);
      return t;
    });
  }

  /** One runner with one thread per available processor and {@link #DEFAULT_CHUNK}. */
  public static BatchRunner shared() {
    return Shared.INSTANCE;
  }

  public int threads() {
    return threads;
  }

  public int chunk() {
    return chunk;
  }

  /** Chunk width actually used for {@code columns} columns. */
  public int width(int columns) {
    int perThread = (columns + threads - 1) / threads;
    return Math.max(1, Math.min(chunk, perThread));
  }

  /** Work on the columns {@code [from, from + width)} with a worker's workspace. */
  @FunctionalInterface
  public interface ChunkBody<W> {
    void apply(W workspace, int from, int width);
  }

  /**
   * Runs {@code body} over all chunks of {@code columns} columns. {@code workspace} is called once
   * per worker with the chunk width. The first failure is rethrown (runtime exceptions as they are)
   * after all workers stop; remaining chunks are skipped.
   */
  public <W> void run(int columns, IntFunction<W> workspace, ChunkBody<W> body) {
    run(columns, workspace, body, ws -> { });
  }

  /**
   * As {@link #run(int, IntFunction, ChunkBody)}, handing each worker's workspace to
   * {@code release} when the worker is done (also after a failure), e.g. to cache it.
   */
  public <W> void run(int columns, IntFunction<W> workspace, ChunkBody<W> body,
      Consumer<W> release) {
    int width = width(columns);
    int chunks = (columns + width - 1) / width;
    int workers = Math.min(threads, chunks);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Runnable worker = () -> {
      W ws = null;
      try {
        for (int i = next.getAndIncrement(); i < chunks && failed.get() == 0;
            i = next.getAndIncrement()) {
          if (ws == null) {
            ws = workspace.apply(width);
          }
          int from = i * width;
          body.apply(ws, from, Math.min(width, columns - from));
        }
      } catch (RuntimeException | Error e) {
        failed.incrementAndGet();
        throw e;
      } finally {
        if (ws != null) {
          release.accept(ws);
        }
      }
    };
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 1; i < workers; i++) {
      futures.add(pool.submit(worker));
    }
    RuntimeException first = null;
    try {
      worker.run();
    } catch (RuntimeException e) {
      first = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.incrementAndGet();
        throw new IllegalStateException("batch run interrupted", e);
      } catch (ExecutionException e) {
        if (first == null) {
          Throwable c = e.getCause();
          if (c instanceof Error err) {
            throw err;
          }
          first = c instanceof RuntimeException re ? re : new IllegalStateException(c);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() {
    if (pool != null && this != Shared.INSTANCE) {
      pool.shutdownNow();
    }
  }
}
