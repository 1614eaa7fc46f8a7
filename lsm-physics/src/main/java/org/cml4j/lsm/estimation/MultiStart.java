package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * Runs one inversion per start on a fixed thread pool. Results come back in start order; a listener
 * is told each time a start finishes (for progress bars). A failing start is reported with its index
 * and the cause, not swallowed.
 */
public final class MultiStart {
  private MultiStart() {}

  /**
   * @param fitter (start index, start vector) -&gt; result
   * @param threads worker threads (1 = sequential)
   * @param onDone called with the number of finished starts
   */
  public static List<FitResult> run(List<double[]> starts,
      BiFunction<Integer, double[], FitResult> fitter, int threads, IntConsumer onDone) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "cml4j-multistart");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FitResult>> futures = new ArrayList<>();
      int[] done = {0};
      for (int i = 0; i < starts.size(); i++) {
        int idx = i;
        futures.add(pool.submit(() -> {
          FitResult r = fitter.apply(idx, starts.get(idx));
          synchronized (done) {
            done[0]++;
            onDone.accept(done[0]);
          }
          return r;
        }));
      }
      List<FitResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("start " + i + " failed: " + e.getCause().getMessage(),
              e.getCause());
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("multi-start interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
