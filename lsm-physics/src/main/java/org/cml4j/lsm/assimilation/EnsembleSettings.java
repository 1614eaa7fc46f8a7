package org.cml4j.lsm.assimilation;

import org.cml4j.core.spi.SettingsChecks;

/**
 * Settings of one {@link ColumnEnsembleFilter} run (stochastic EnKF of Evensen 1994 with perturbed
 * observations, Burgers et al. 1998; parameter augmentation as in Moradkhani et al. 2005).
 *
 * @param members ensemble size, [4, 10000]
 * @param inflation multiplicative inflation of forecast anomalies before each analysis (Anderson
 *     and Anderson 1999), [1, 10]
 * @param initialSpread initial state spread [K], scaled by {@code exp(-z / 0.25 m)}, [0, 50]
 * @param parameterSpread initial spread of augmented parameters in transformed units
 *     ({@link ParameterTransforms#scale}), [0, 5]
 * @param parameterWalk random-walk step of augmented parameters per forecast, same units, [0, 1]
 * @param localization vertical localization half-width [m] of state updates around each
 *     observation depth (Gaspari and Cohn 1999 taper); 0 = none; [0, 10]
 * @param noise the forecast-noise model (model error)
 * @param seed seed of all perturbations
 */
public record EnsembleSettings(int members, double inflation, double initialSpread,
    double parameterSpread, double parameterWalk, double localization, ForecastNoise noise,
    long seed) {
  public EnsembleSettings {
    SettingsChecks.range("members", members, 4, 10000);
    SettingsChecks.range("inflation", inflation, 1, 10);
    SettingsChecks.range("initialSpread", initialSpread, 0, 50);
    SettingsChecks.range("parameterSpread", parameterSpread, 0, 5);
    SettingsChecks.range("parameterWalk", parameterWalk, 0, 1);
    SettingsChecks.range("localization", localization, 0, 10);
    if (noise == null) {
      throw new IllegalArgumentException("EnKF: give a forecast-noise model");
    }
  }

  /**
   * A state-only filter without inflation or localization: {@code members} members, initial
   * spread {@code initialSpread} [K], the given noise model and seed.
   */
  public static EnsembleSettings stateOnly(int members, double initialSpread, ForecastNoise noise,
      long seed) {
    return new EnsembleSettings(members, 1, initialSpread, 0, 0, 0, noise, seed);
  }

  /** The same settings with another ensemble size. */
  public EnsembleSettings withMembers(int m) {
    return new EnsembleSettings(m, inflation, initialSpread, parameterSpread, parameterWalk,
        localization, noise, seed);
  }
}
