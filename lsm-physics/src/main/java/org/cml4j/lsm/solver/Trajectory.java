package org.cml4j.lsm.solver;

import java.util.List;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * The result of a forward run: the soil state at every time level (kept for the adjoint) plus the
 * inputs that produced it. Outputs are evaluated on demand.
 */
public final class Trajectory {
  private final ModelGrid grid;
  private final ColumnParameters params;
  private final SurfaceForcing forcing;
  private final InitialState initial;
  private final double[][] states;
  private final StepSolver solver;
  private final int[] stepIterations;
  private final long solverIterations;

  Trajectory(ModelGrid grid, StepSolver solver, ColumnParameters params, SurfaceForcing forcing,
      InitialState initial, double[][] states, int[] stepIterations) {
    this.grid = grid;
    this.solver = solver;
    this.params = params;
    this.forcing = forcing;
    this.initial = initial;
    this.states = states;
    this.stepIterations = stepIterations;
    long total = 0;
    for (int it : stepIterations) {
      total += it;
    }
    this.solverIterations = total;
  }

  public ModelGrid grid() {
    return grid;
  }

  public ColumnParameters params() {
    return params;
  }

  public SurfaceForcing forcing() {
    return forcing;
  }

  public InitialState initial() {
    return initial;
  }

  /** Number of time levels. */
  public int levels() {
    return states.length;
  }

  /** The state at level {@code k} (not copied: do not modify). */
  public double[] state(int k) {
    return states[k];
  }

  /** The step solver that produced the run. */
  public StepSolver solver() {
    return solver;
  }

  /**
   * Newton iterations (exact solver) or Jacobi sweeps of each step, indexed by the new level
   * (entry 0 is 0). A copy.
   */
  public int[] stepIterations() {
    return stepIterations.clone();
  }

  /** Iterations or sweeps of the step that produced level {@code k} (k &gt;= 1). */
  public int stepIterations(int k) {
    return stepIterations[k];
  }

  /** Total Newton iterations (exact solver) or Jacobi sweeps over all steps. */
  public long solverIterations() {
    return solverIterations;
  }

  /** One output's series over all levels. */
  public double[] output(Output o) {
    double[][] m = outputs(List.of(o));
    double[] s = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      s[k] = m[k][0];
    }
    return s;
  }

  /** Outputs as [level][output]. */
  public double[][] outputs(List<Output> outputs) {
    OutputOperator op = new OutputOperator(outputs, grid);
    LevelValues v = new LevelValues();
    double[][] y = new double[states.length][outputs.size()];
    for (int k = 0; k < states.length; k++) {
      op.evaluate(states[k], v.load(params, forcing, k), y[k]);
    }
    return y;
  }
}
