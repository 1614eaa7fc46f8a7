package org.cml4j.lsm.batch;

import java.util.List;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;

/**
 * Result of a batched forward run: the requested outputs of every column at every time level and
 * each column's final state. Intermediate states are not kept (the batched adjoint recomputes what
 * it needs), so memory is {@code columns x levels x outputs} doubles, not {@code x nodes}.
 */
public final class BatchTrajectory {
  private final ModelGrid grid;
  private final List<Output> outputs;
  private final int columns;
  private final int levels;
  private final double[] values;
  private final double[] finalStates;
  private final long newtonIterations;

  BatchTrajectory(ModelGrid grid, List<Output> outputs, int columns, int levels, double[] values,
      double[] finalStates, long newtonIterations) {
    this.grid = grid;
    this.outputs = outputs;
    this.columns = columns;
    this.levels = levels;
    this.values = values;
    this.finalStates = finalStates;
    this.newtonIterations = newtonIterations;
  }

  /** Index of output {@code o} of column {@code c} at level {@code k} in the flat value array. */
  static long index(int c, int k, int o, int levels, int outputs) {
    return ((long) c * levels + k) * outputs + o;
  }

  /** Allocates a flat {@code [column][level][output]} array, failing clearly if too large. */
  static double[] allocate(int columns, int levels, int outputs, String what) {
    long size = (long) columns * levels * outputs;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(what + " for " + columns + " columns x " + levels
          + " levels x " + outputs + " values exceed one Java array (" + size
          + " doubles); split the batch");
    }
    return new double[(int) size];
  }

  public ModelGrid grid() {
    return grid;
  }

  public List<Output> outputs() {
    return outputs;
  }

  public int columns() {
    return columns;
  }

  public int levels() {
    return levels;
  }

  /**
   * Solver iterations: surface Newton iterations summed over chunks (EXACT; a chunk iterates as its
   * slowest column), or Jacobi sweeps summed over columns (JACOBI; each column's own count, so the
   * sum of {@code Trajectory.solverIterations()} over the columns).
   */
  public long solverIterations() {
    return newtonIterations;
  }

  /** Output {@code o} (index into {@link #outputs()}) of column {@code c} at level {@code k}. */
  public double value(int c, int k, int o) {
    return values[(int) index(c, k, o, levels, outputs.size())];
  }

  /**
   * Copies column {@code c}'s outputs, flat {@code [level][output]}, into {@code out} (at least
   * levels x outputs long): the bulk form of {@link #value}.
   */
  public void copyColumn(int c, double[] out) {
    int len = levels * outputs.size();
    System.arraycopy(values, c * len, out, 0, len);
  }

  /** One output's series for column {@code c}. */
  public double[] output(Output out, int c) {
    int o = outputs.indexOf(out);
    if (o < 0) {
      throw new IllegalArgumentException("output " + out.name() + " was not requested; have "
          + outputs);
    }
    double[] s = new double[levels];
    for (int k = 0; k < levels; k++) {
      s[k] = value(c, k, o);
    }
    return s;
  }

  /** All outputs of column {@code c}, {@code [level][output]} (like {@code Trajectory.outputs}). */
  public double[][] outputs(int c) {
    int m = outputs.size();
    double[][] y = new double[levels][m];
    for (int k = 0; k < levels; k++) {
      for (int o = 0; o < m; o++) {
        y[k][o] = value(c, k, o);
      }
    }
    return y;
  }

  /** The state of column {@code c} at the last level [K], one value per node (a copy). */
  public double[] finalState(int c) {
    int n = grid.nodes();
    double[] s = new double[n];
    System.arraycopy(finalStates, c * n, s, 0, n);
    return s;
  }
}
