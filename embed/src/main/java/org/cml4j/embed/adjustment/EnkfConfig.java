package org.cml4j.embed.adjustment;

import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.SettingsChecks;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnsembleSettings;
import org.cml4j.lsm.assimilation.SurfaceStateNoise;

/**
 * The typed settings of the couplings {@code embed.enkf}, {@code embed.enkf-model-error} and
 * {@code embed.analysis-emulator}: the {@link ColumnEnsembleFilter}'s {@link EnsembleSettings}
 * with additive surface state noise ({@link SurfaceStateNoise}) as the model-error model (ranges:
 * members [4, 10000], inflation [1, 10], stateNoise [0, 10] K, initialSpread [0, 50] K,
 * parameterSpread [0, 5], parameterWalk [0, 1], localization [0, 10] m) (stochastic EnKF of
 * Evensen 1994 with perturbed observations, Burgers et al. 1998; parameter augmentation as in
 * Moradkhani et al. 2005).
 *
 * @param members ensemble size, at least 4
 * @param inflation multiplicative inflation of forecast anomalies before each analysis (Anderson
 *     and Anderson 1999), at least 1
 * @param stateNoise additive model-error noise per step [K], one Gaussian draw per member scaled
 *     by {@code exp(-z / 0.1 m)} (errors enter at the surface)
 * @param initialSpread initial state spread [K], scaled by {@code exp(-z / 0.25 m)}
 * @param parameterSpread initial spread of augmented parameters in transformed units (log for
 *     positive parameters, so 0.3 is about 30 %; alpha in units of 0.1, Tb in K, eps in 0.05)
 * @param parameterWalk random-walk step of augmented parameters per forecast, same units
 * @param localization vertical localization half-width [m] of state updates around each
 *     observation depth (Gaspari and Cohn 1999 taper, zero beyond twice this distance); 0 = none.
 *     Parameters are never localized.
 * @param seed seed of all perturbations
 */
public record EnkfConfig(int members, double inflation, double stateNoise, double initialSpread,
    double parameterSpread, double parameterWalk, double localization, long seed) {
  public EnkfConfig {
    SettingsChecks.range("stateNoise", stateNoise, 0, 10);
    new EnsembleSettings(members, inflation, initialSpread, parameterSpread, parameterWalk,
        localization, new SurfaceStateNoise(stateNoise), seed); // checks the other ranges
  }

  /**
   * 40 members, inflation 1.02, 0.05 K state noise, 1 K initial spread, 0.3 parameter spread, 0.003
   * walk, 0.15 m localization.
   */
  public static EnkfConfig standard() {
    return new EnkfConfig(40, 1.02, 0.05, 1.0, 0.3, 0.003, 0.15, 11);
  }

  /** The filter's settings. */
  public EnsembleSettings settings() {
    return new EnsembleSettings(members, inflation, initialSpread, parameterSpread, parameterWalk,
        localization, new SurfaceStateNoise(stateNoise), seed);
  }

  public EnkfConfig withMembers(int m) {
    return new EnkfConfig(m, inflation, stateNoise, initialSpread, parameterSpread, parameterWalk,
        localization, seed);
  }

  /**
   * This configuration sized for a task: members scaled by the task's budget effort (at most 24
   * for TINY, as configured for QUICK, at least 80 for FULL) and the seed offset by the task's.
   */
  public EnkfConfig forTask(CouplingTask task) {
    return withMembers(task.budget().scale(Math.min(24, members), members, Math.max(80, members)))
        .withSeed(seed + task.seed());
  }

  public EnkfConfig withSeed(long s) {
    return new EnkfConfig(members, inflation, stateNoise, initialSpread, parameterSpread,
        parameterWalk, localization, s);
  }

  public EnkfConfig withStateNoise(double s) {
    return new EnkfConfig(members, inflation, s, initialSpread, parameterSpread, parameterWalk,
        localization, seed);
  }

  public EnkfConfig withParameterSpread(double spread, double walk) {
    return new EnkfConfig(members, inflation, stateNoise, initialSpread, spread, walk, localization,
        seed);
  }
}
