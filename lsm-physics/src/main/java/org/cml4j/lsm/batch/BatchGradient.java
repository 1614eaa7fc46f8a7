package org.cml4j.lsm.batch;

import org.cml4j.lsm.model.Param;

/**
 * Result of a batched forward + adjoint run: each column's loss and its gradient with respect to
 * that column's constant parameters (alpha, lambda, C, hbeta, Tb, eps; units of the loss per unit
 * of the parameter; the Tb derivative includes the initial profile's dependence on Tb), plus what
 * the run held in memory for the reverse sweep.
 */
public final class BatchGradient {
  private final double[] loss;
  private final double[][] grad;
  private final Checkpointing.Plan plan;
  private final long storedStateBytes;
  private final long newtonIterations;

  BatchGradient(double[] loss, double[][] grad, Checkpointing.Plan plan, long storedStateBytes,
      long newtonIterations) {
    this.loss = loss;
    this.grad = grad;
    this.plan = plan;
    this.storedStateBytes = storedStateBytes;
    this.newtonIterations = newtonIterations;
  }

  public int columns() {
    return loss.length;
  }

  /** Loss of column {@code c}. */
  public double loss(int c) {
    return loss[c];
  }

  /** dLoss/dp for column {@code c}. */
  public double gradient(Param p, int c) {
    return grad[p.ordinal()][c];
  }

  /** Column {@code c}'s gradient indexed by {@link Param#ordinal()}. */
  public double[] gradient(int c) {
    double[] g = new double[Param.COUNT];
    for (int j = 0; j < g.length; j++) {
      g[j] = grad[j][c];
    }
    return g;
  }

  /** The checkpoint schedule used. */
  public Checkpointing.Plan plan() {
    return plan;
  }

  /** Bytes of the state storage the reverse sweep held (all workers). */
  public long storedStateBytes() {
    return storedStateBytes;
  }

  /** Surface Newton iterations of the forward sweep (recomputation not counted). */
  public long newtonIterations() {
    return newtonIterations;
  }
}
