package org.cml4j.lsm.posterior;

/**
 * An unnormalised log density on R^d with its gradient, evaluated at several points in one call
 * (the chains of a sampler move in lockstep, so one call can run one batched model evaluation).
 * Implementations must be deterministic: the same sequence of calls must give the same results
 * on any number of threads (a batched implementation may let points that share a call differ in
 * the last bits, as long as the grouping depends only on the call).
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
