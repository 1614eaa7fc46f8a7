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
 * is told each time a start finishes (for progress bars). A start that fails (the model rejects a
 * state the optimiser reached, the optimiser diverges) is not swallowed and does not abort the
 * others: it comes back as a {@link #failed} result carrying its reason ({@link #isFailed}), and the
 * run fails only when every start fails. An {@link Error} (e.g. OutOfMemoryError) is rethrown.
 */
public final class MultiStart {
  /** Prefix of the stop reason of a failed start. */
  public static final String FAILED = "failed: ";

  private MultiStart() {}

  /**
   * The result recorded for a start that threw: no fitted values (empty {@code named}, NaN loss),
   * the start as {@code fitted}, and the reason {@code "failed: <message>"}.
   */
  public static FitResult failed(double[] start, Throwable cause, double wallSeconds) {
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new FitResult("failed", start.clone(), start.clone(), java.util.Map.of(), Double.NaN, 0,
        0, 0, false, FAILED + msg, wallSeconds);
  }

  /** Whether {@code r} is a start that failed ({@link #failed}). */
  public static boolean isFailed(FitResult r) {
    return r.stopReason() != null && r.stopReason().startsWith(FAILED);
  }

  /**
   * Throws when every result failed: an {@link IllegalArgumentException} (bad input, exit code 2)
   * when each start failed on a value the model rejects, else an {@link IllegalStateException}.
   * The message names the first reasons.
   */
  public static void requireOneSuccess(List<FitResult> results, List<Throwable> causes) {
    if (results.isEmpty() || results.stream().anyMatch(r -> !isFailed(r))) {
      return;
    }
    java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
    for (FitResult r : results) {
      reasons.add(r.stopReason().substring(FAILED.length()));
    }
    String msg = "all " + results.size() + " starts failed (the data window may be too short or "
        + "the observations inconsistent with the model); reasons: "
        + String.join("; ", reasons.stream().limit(3).toList());
    boolean input = !causes.isEmpty()
        && causes.stream().allMatch(c -> c instanceof IllegalArgumentException);
    throw input ? new IllegalArgumentException(msg) : new IllegalStateException(msg);
  }

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
      List<Throwable> causes = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        int idx = i;
        futures.add(pool.submit(() -> {
          long t0 = System.nanoTime();
          FitResult r;
          try {
            r = fitter.apply(idx, starts.get(idx));
          } catch (RuntimeException e) {
            synchronized (causes) {
              causes.add(e);
            }
            r = failed(starts.get(idx), e, (System.nanoTime() - t0) * 1e-9);
          }
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
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException("start " + i + " failed: " + e.getCause().getMessage(),
              e.getCause());
        }
      }
      requireOneSuccess(out, causes);
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("multi-start interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
