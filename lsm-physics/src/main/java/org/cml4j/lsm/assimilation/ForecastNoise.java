package org.cml4j.lsm.assimilation;

import java.util.Random;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;

/**
 * The model-error (forecast-noise) model of a {@link ColumnEnsembleFilter}: how each member's
 * forecast step is perturbed. Two models: {@link SurfaceStateNoise} (white additive noise on the
 * near-surface temperatures) and {@link SurfaceFluxNoise} (an AR(1) heat flux added to the
 * surface energy balance through LWdown). Augmented parameters have their own random walk
 * ({@link EnsembleSettings#parameterWalk}).
 */
public interface ForecastNoise {
  /**
   * Starts the noise of one filter run; draws any initial noise state from {@code rnd}.
   *
   * @param members ensemble size
   * @param grid model grid (node depths, time step)
   */
  Run start(int members, ModelGrid grid, Random rnd);

  /** The noise of one run (may keep per-member memory); used by one thread. */
  interface Run {
    /** Before member {@code i}'s step: may perturb its parameters and forcing {@code v}. */
    default void beforeStep(int i, LevelValues v, Random rnd) {}

    /**
     * After member {@code i}'s step (and any {@link ForecastCorrection}): may perturb its forecast
     * {@code next} in place. The bottom (Dirichlet) node must stay unchanged.
     */
    default void afterStep(int i, double[] next, Random rnd) {}
  }
}
