package org.cml4j.lsm.batch;

import org.cml4j.lsm.model.Param;

/**
 * Result of a batched forward + adjoint run: each column's loss and its gradient with respect to
 * that column's parameters (alpha, lambda, C, hbeta, Tb, eps; units of the loss per unit of the
 * parameter; the Tb derivative includes the initial profile's dependence on Tb): summed over time
 * levels (the derivative for a constant parameter, like {@code AdjointGradient.constant}), and per
 * level for the parameters time-dependent in the batch ({@link #series}, like
 * {@code AdjointGradient.series}), plus what the run held in memory for the reverse sweep.
 */
public final class BatchGradient {
  private final double[] loss;
  private final double[][] grad;
  private final double[][] series;
  private final int levels;
  private final Checkpointing.Plan plan;
  private final long storedStateBytes;
  private final long newtonIterations;

  BatchGradient(double[] loss, double[][] grad, double[][] series, int levels,
      Checkpointing.Plan plan, long storedStateBytes, long newtonIterations) {
    this.loss = loss;
    this.grad = grad;
    this.series = series;
    this.levels = levels;
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

  /**
   * dLoss / d p(level k) for every level k of column {@code c} (a new array): the gradient with
   * respect to each level's value of a parameter that is time-dependent in the batch.
   *
   * @throws IllegalArgumentException if no column of the batch has a time-dependent {@code p}
   */
  public double[] series(Param p, int c) {
    double[] s = series[p.ordinal()];
    if (s == null) {
      throw new IllegalArgumentException(p.symbol() + " is constant in every column of this batch;"
          + " per-level gradients are kept for time-dependent parameters only (use gradient)");
    }
    double[] out = new double[levels];
    System.arraycopy(s, c * levels, out, 0, levels);
    return out;
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

  /**
   * Solver iterations of the forward sweep (recomputation not counted): surface Newton iterations
   * (EXACT, per chunk) or Jacobi sweeps summed over columns (JACOBI).
   */
  public long solverIterations() {
    return newtonIterations;
  }
}
