package org.cml4j.lsm.batch;

/**
 * A scalar loss of one column's output series, with its derivative (the adjoint seed). Called on
 * worker threads, once per column after that column's forward sweep, so implementations must be
 * thread-safe (stateless or read-only).
 */
@FunctionalInterface
public interface BatchLoss {

  /**
   * @param column index of the column in the batch
   * @param y outputs {@code [level][output]} (read-only, valid during the call)
   * @param seed zeroed {@code [level][output]}; receives dLoss/dy
   * @return the loss (must be finite)
   */
  double evaluate(int column, double[][] y, double[][] seed);

  /**
   * The vector-Jacobian product of one fixed seed for every column: loss = sum seed . y, so the
   * gradient is that of {@code Adjoint.vjp(trajectory, outputs, seed)}.
   */
  static BatchLoss vjp(double[][] seed) {
    double[][] s = new double[seed.length][];
    for (int k = 0; k < s.length; k++) {
      s[k] = seed[k].clone();
    }
    return (column, y, out) -> {
      if (y.length != s.length || y[0].length != s[0].length) {
        throw new IllegalArgumentException("VJP seed is [" + s.length + "][" + s[0].length
            + "] but the run has " + y.length + " levels of " + y[0].length + " outputs");
      }
      double sum = 0;
      for (int k = 0; k < y.length; k++) {
        for (int o = 0; o < y[k].length; o++) {
          out[k][o] = s[k][o];
          sum += s[k][o] * y[k][o];
        }
      }
      return sum;
    };
  }
}
