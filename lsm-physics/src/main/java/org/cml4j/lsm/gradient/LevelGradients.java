package org.cml4j.lsm.gradient;

import java.util.Arrays;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;

/**
 * The parameter and forcing gradients of a reverse sweep, level by level: each level's terms are
 * accumulated into {@link #param} and {@link #forcing} (cleared by {@link #start}) and recorded
 * for that level by {@link #commit}; {@link #result} packages them as an {@link AdjointGradient}.
 * Shared by the implicit and the unrolled adjoint.
 */
final class LevelGradients {
  /** The current level's terms, [param ordinal] (units of the loss per unit of the parameter). */
  final double[] param = new double[Param.COUNT];
  /** The current level's forcing terms, [KDOWN|LDOWN|TA] (see {@link OutputOperator#KDOWN}). */
  final double[] forcing = new double[3];
  private final double[][] params;
  private final double[][] forcings;

  LevelGradients(int levels) {
    params = new double[Param.COUNT][levels];
    forcings = new double[3][levels];
  }

  /** Clears the current level's terms. */
  void start() {
    Arrays.fill(param, 0);
    Arrays.fill(forcing, 0);
  }

  /** Records the current level's terms as those of level {@code k}. */
  void commit(int k) {
    for (int j = 0; j < Param.COUNT; j++) {
      params[j][k] = param[j];
    }
    for (int j = 0; j < 3; j++) {
      forcings[j][k] = forcing[j];
    }
  }

  /** The recorded gradients with the level-0 state's adjoint {@code initialState}. */
  AdjointGradient result(double[] initialState) {
    return new AdjointGradient(params, initialState, forcings);
  }
}
