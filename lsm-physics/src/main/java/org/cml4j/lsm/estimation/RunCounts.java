package org.cml4j.lsm.estimation;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe counts of the model runs an estimator paid for: forward runs and gradient sweeps
 * (adjoint or tangent). The budgets and the cost columns of the reports are read from these.
 */
public final class RunCounts {
  private final AtomicLong forward = new AtomicLong();
  private final AtomicLong gradient = new AtomicLong();

  /** Adds {@code forwardRuns} forward runs and {@code gradientRuns} gradient sweeps. */
  public void add(long forwardRuns, long gradientRuns) {
    forward.addAndGet(forwardRuns);
    gradient.addAndGet(gradientRuns);
  }

  /** Forward model runs so far. */
  public long forwardRuns() {
    return forward.get();
  }

  /** Adjoint or tangent sweeps so far. */
  public long gradientRuns() {
    return gradient.get();
  }
}
