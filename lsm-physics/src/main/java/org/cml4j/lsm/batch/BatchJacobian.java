package org.cml4j.lsm.batch;

import java.util.List;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.Param;

/**
 * Result of a batched forward + tangent run: outputs and their derivatives with respect to a few
 * constant parameters, for every column and level ({@code d output / d param}, units of the output
 * per unit of the parameter). The Tb direction includes the initial profile's dependence on Tb.
 */
public final class BatchJacobian {
  private final BatchTrajectory trajectory;
  private final List<Param> params;
  private final double[] jac;

  BatchJacobian(BatchTrajectory trajectory, List<Param> params, double[] jac) {
    this.trajectory = trajectory;
    this.params = params;
    this.jac = jac;
  }

  /** The forward results (outputs and final states). */
  public BatchTrajectory trajectory() {
    return trajectory;
  }

  public List<Param> params() {
    return params;
  }

  /** d output_o / d params[j] for column {@code c} at level {@code k}. */
  public double derivative(int c, int k, int o, int j) {
    int m = trajectory.outputs().size();
    long i = BatchTrajectory.index(c, k, o, trajectory.levels(), m) * params.size() + j;
    return jac[(int) i];
  }

  /**
   * Copies column {@code c}'s derivatives, flat {@code [level][output][param]}, into {@code out}
   * (at least levels x outputs x params long): the bulk form of {@link #derivative}.
   */
  public void copyColumn(int c, double[] out) {
    int len = trajectory.levels() * trajectory.outputs().size() * params.size();
    System.arraycopy(jac, c * len, out, 0, len);
  }

  /** Column {@code c}'s Jacobian {@code [level][output][param]} (like {@code Tangent.jacobian}). */
  public double[][][] jacobian(int c) {
    int m = trajectory.outputs().size();
    int p = params.size();
    double[][][] out = new double[trajectory.levels()][m][p];
    for (int k = 0; k < out.length; k++) {
      for (int o = 0; o < m; o++) {
        for (int j = 0; j < p; j++) {
          out[k][o][j] = derivative(c, k, o, j);
        }
      }
    }
    return out;
  }
}
