package org.cml4j.lsm.solver;

import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.solver.StepKernel;

/**
 * One backward-Euler step of the simple column model (Huang, Heaney &amp; van Reeuwijk 2025) from
 * any state with any parameter values: what ensembles, emulators and learned corrections need
 * inside their own time loops. Wraps {@link StepKernel}'s exact solve and caches the elimination
 * factors while the diffusion number is unchanged. Also exposes the split of the step into the
 * column's implicit response and the surface-node (energy-balance) update, for surface
 * emulators. Not thread-safe (scratch arrays); use one per thread.
 */
public final class ColumnStepper {
  private final ModelGrid grid;
  private final double[] q;
  private final double[] p;
  private double lastR = Double.NaN;

  public ColumnStepper(ModelGrid grid) {
    this.grid = grid;
    this.q = new double[grid.nodes()];
    this.p = new double[grid.nodes()];
  }

  public ModelGrid grid() {
    return grid;
  }

  /** Steps {@code prev} to {@code next} with the level's parameters and forcing {@code v}. */
  public void step(double[] prev, double[] next, LevelValues v) {
    double r = factors(v);
    StepKernel.solveExact(prev, next, v, r, StepKernel.a(v, grid.dt(), grid.dx()), q, p);
  }

  /**
   * First half of a step: eliminates the column from the bottom and returns {@code P1}, the part of
   * the new 1 cm temperature not explained by the new surface temperature ({@code T1' = P1 + Q1
   * T0'}). Follow with {@link #surfaceCoefficients} and {@link #backSubstitute}.
   */
  public double eliminate(double[] prev, LevelValues v) {
    double r = factors(v);
    int n = prev.length;
    p[n - 1] = v.tb;
    for (int i = n - 2; i >= 1; i--) {
      p[i] = (prev[i] + r * p[i + 1]) * q[i] / r;
    }
    return p[1];
  }

  /** {@code Q1}, valid after {@link #eliminate}. */
  public double q1() {
    return q[1];
  }

  /** Second half of a step: given the new surface temperature, fills the rest of {@code next}. */
  public void backSubstitute(double surface, double[] next) {
    next[0] = surface;
    for (int i = 1; i < next.length; i++) {
      next[i] = p[i] + q[i] * next[i - 1];
    }
  }

  /** Diffusion number r = lambda dt / (C dx^2) of a level. */
  public double r(LevelValues v) {
    return StepKernel.r(v, grid.dt(), grid.dx());
  }

  /** Surface flux factor a = 2 dt / (C dx). */
  public double a(LevelValues v) {
    return StepKernel.a(v, grid.dt(), grid.dx());
  }

  private double factors(LevelValues v) {
    double r = StepKernel.r(v, grid.dt(), grid.dx());
    if (r != lastR) {
      StepKernel.eliminationFactors(r, grid.nodes(), q);
      lastR = r;
    }
    return r;
  }
}
