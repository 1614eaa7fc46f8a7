package org.cml4j.core.learn;

/**
 * A differentiable regression network as networks trained through a mechanism's adjoint need it
 * ({@link org.cml4j.core.learn.adjoint.AdjointNetwork}): forward pass, vector-Jacobian product
 * with respect to the parameters for an upstream gradient (e.g. one supplied by the physics
 * adjoint), and flat parameter access for an external optimiser. Rows are time steps. Every
 * {@link Learner} is one.
 */
public interface Regressor {
  /** Number of input columns. */
  int nIn();

  /** Number of output columns. */
  int nOut();

  /** Outputs [rows][nOut] for inputs [rows][nIn] (original units). */
  double[][] predict(double[][] x);

  /** Gradient of {@code sum_tj dLdy[t][j] * predict(x)[t][j]} with respect to {@link #params()}. */
  double[] backprop(double[][] x, double[][] dLdy);

  /** Copy of the flattened parameters. */
  double[] params();

  /** Replaces the parameters. */
  void setParams(double[] p);
}
