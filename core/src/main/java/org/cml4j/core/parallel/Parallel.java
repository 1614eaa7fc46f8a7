package org.cml4j.core.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Independent work items {@code 0..n-1} run on a private pool (never the common pool, so the
 * caller's thread count is the one used). Each item writes its own result slot, so the outcome is
 * the same on any number of threads.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code body} for every index, in order on the calling thread when {@code threads <= 1},
   * otherwise on a pool of {@code threads} workers.
   *
   * @param what what is run, for the messages (e.g. {@code "sample generation"})
   * @throws RuntimeException the first failure of {@code body}, as thrown
   * @throws IllegalStateException if the calling thread is interrupted while waiting
   */
  public static void forEachIndex(int n, int threads, String what, IntConsumer body) {
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
