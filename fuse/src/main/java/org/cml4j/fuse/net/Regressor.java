package org.cml4j.fuse.net;

/**
 * A differentiable regression network as the adjoint-trained fusion couplings need it: forward
 * pass, vector-Jacobian product with respect to the parameters for an upstream gradient (e.g. one
 * supplied by the physics adjoint), and flat parameter access for an external optimiser. Rows are
 * time steps. This is the subset of {@code org.cml4j.core.learn.Learner} these couplings use.
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
