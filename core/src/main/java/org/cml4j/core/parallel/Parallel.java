package org.cml4j.core.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Independent work items on a pool of a given number of threads (not the common pool, so a
 * {@code --threads} setting holds). Each item must write only its own results: then the outcome
 * does not depend on the thread count.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code body} for {@code i = 0 .. n-1} on {@code threads} threads (in order on the caller's
   * thread when {@code threads <= 1}). A runtime exception of an item is rethrown as it is.
   *
   * @param what what the items do, for the message of an interruption or checked failure
   */
  public static void forEach(int n, int threads, String what, IntConsumer body) {
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
      Throwable c = e.getCause();
      // a task failing on another thread arrives as a copy wrapping the original, once per
      // fork/join level it crossed (the stream's and the pool's): unwrap every copy
      while (c != null && c.getCause() != null && c.getCause().getClass() == c.getClass()) {
        c = c.getCause();
      }
      throw c instanceof RuntimeException r ? r
          : new IllegalStateException(what + " failed: " + c, c);
    } finally {
      pool.shutdown();
    }
  }
}
