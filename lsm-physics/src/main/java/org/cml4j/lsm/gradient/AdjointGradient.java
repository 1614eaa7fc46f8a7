package org.cml4j.lsm.gradient;

import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;

/**
 * Gradient of a scalar (a loss, or a vector-Jacobian product {@code seed . outputs}) with respect to
 * every input of a run: each parameter at each time level, the initial state and the forcing.
 *
 * <p>When the initial state depends on Tb (e.g. uniform Tb), the initial-condition path is included
 * in {@code params[TB][0]} (so {@link #constant(Param)} of Tb is the full derivative), and
 * {@link #initialState()} still reports the gradient with respect to the level-0 profile itself.
 *
 * @param params [param ordinal][level] derivative with respect to the value at each level
 * @param initialState derivative with respect to the level-0 temperature of each node [per K]
 * @param forcing [KDOWN|LDOWN|TA][level], see {@link OutputOperator#KDOWN}
 */
public record AdjointGradient(double[][] params, double[] initialState, double[][] forcing) {

  /** Derivative with respect to a constant parameter: the sum over levels. */
  public double constant(Param p) {
    double s = 0;
    for (double v : params[p.ordinal()]) {
      s += v;
    }
    return s;
  }

  /** Derivative with respect to the value of {@code p} at each time level (a copy). */
  public double[] series(Param p) {
    return params[p.ordinal()].clone();
  }
}
