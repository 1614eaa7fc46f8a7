package org.cml4j.lsm.assimilation;

import org.cml4j.lsm.model.LevelValues;

/**
 * A correction applied to each member's state right after its physics forecast step, e.g. a
 * learned model-error term. Implementations may be called from one thread only.
 */
@FunctionalInterface
public interface ForecastCorrection {
  /**
   * Corrects {@code state} (the forecast for level {@code k}, modified in place).
   *
   * @param previous the state at level k-1 the forecast started from
   * @param v the member's parameters and forcing at level k
   */
  void correct(int k, double[] previous, double[] state, LevelValues v);
}
