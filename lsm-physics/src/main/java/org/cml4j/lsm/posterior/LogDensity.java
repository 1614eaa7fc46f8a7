package org.cml4j.lsm.posterior;

/**
 * An unnormalised log density on R^d with its gradient, evaluated at several points in one call
 * (the chains of a sampler move in lockstep, so one call can run one batched model evaluation).
 * Implementations must be deterministic: the result at a point must not depend on which other
 * points share the call or on the thread count.
 */
public interface LogDensity {

  /** Dimension d of the (unconstrained) space. */
  int dimension();

  /**
   * Evaluates {@code points.length} points.
   *
   * @param points {@code [point][d]}, read-only
   * @param logp receives log p at each point; {@code Double.NEGATIVE_INFINITY} where the density is
   *     zero or the model cannot be evaluated (the sampler then rejects)
   * @param grad receives d log p / d x {@code [point][d]} (ignored where logp is infinite)
   */
  void evaluate(double[][] points, double[] logp, double[][] grad);
}
