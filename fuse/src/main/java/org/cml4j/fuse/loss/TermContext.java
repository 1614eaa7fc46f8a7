package org.cml4j.fuse.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a {@link PhysicsTerm} sees while its SameDiff expression is built: the graph, the network's
 * outputs in physical units, the network re-evaluated on perturbed inputs, normalised row weights
 * (which rows physics terms apply to) and the time step. SameDiff's cost is per op on small
 * graphs, so terms should be written with whole-matrix ops (e.g. a constant selection matrix times
 * {@link #outputs()}) rather than one op per column.
 */
public interface TermContext {
  /** The graph being built. */
  SameDiff sd();

  /** All network outputs in physical units, [rows, outputs], columns in output order. */
  SDVariable outputs();

  /** Column of an output in {@link #outputs()}; fails listing the outputs if absent. */
  int index(String name);

  /** Number of outputs. */
  int outputCount();

  /** One output [rows, 1] (a slice of {@link #outputs()}, created once per name). */
  SDVariable output(String name);

  /**
   * All outputs [rows, outputs] when input feature {@code feature} is shifted by {@code delta}
   * (in the feature's own unit) on every row, other features unchanged; weights are shared with
   * {@link #outputs()}.
   */
  SDVariable shiftedOutputs(String feature, double delta);

  /** Input feature {@code name} [rows, 1] in its own (unscaled) unit. */
  SDVariable feature(String name);

  /** Weights [rows, 1] of the physics rows, summing to 1 (a weighted mean is sum(x * w)). */
  SDVariable rowWeights();

  /**
   * Weights [rows - 1, 1] of the consecutive row pairs (t - 1, t) whose later row t is a physics
   * row, summing to 1.
   */
  SDVariable pairWeights();

  /** Number of rows (time steps) of the graph. */
  int rows();

  /** Time step between rows [s]. */
  double stepSeconds();

  /** A trainable scalar owned by the term (e.g. a log-diffusivity), created once per name. */
  SDVariable trainableScalar(String name, Double initial);

  /** A double-precision constant matrix. */
  default SDVariable constant(double[][] m) {
    return sd().constant(Nd4j.createFromArray(m));
  }

  /** A column vector [outputs, 1] with the given coefficient per output name (others 0). */
  default SDVariable combination(java.util.Map<String, Double> coefficients) {
    double[][] c = new double[outputCount()][1];
    coefficients.forEach((k, v) -> c[index(k)][0] += v);
    return constant(c);
  }
}
