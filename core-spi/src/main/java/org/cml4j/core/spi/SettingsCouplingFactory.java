package org.cml4j.core.spi;

import java.util.function.BiFunction;

/**
 * The factory {@link CouplingFactory#of} builds: a coupling's identity, its settings record type
 * with the default value, and its constructor.
 *
 * @param info the coupling's identity
 * @param settingsType the settings record type
 * @param defaultSettings the settings that reproduce the documented behaviour
 * @param constructor builds the coupling from the global defaults and the settings
 */
record SettingsCouplingFactory<S extends Record>(CouplingInfo info, Class<S> settingsType,
    S defaultSettings, BiFunction<CouplingDefaults, S, Coupling> constructor)
    implements CouplingFactory {
  @Override
  public String name() {
    return info.name();
  }

  @Override
  public CouplingMode mode() {
    return info.mode();
  }

  @Override
  public String description() {
    return info.description();
  }

  @Override
  public Coupling create(CouplingDefaults d) {
    return create(d, defaultSettings);
  }

  @Override
  public Coupling create(CouplingDefaults d, Record settings) {
    checkType(this, settings);
    try {
      return constructor.apply(d, settingsType.cast(settings));
    } catch (InvalidSettingException e) {
      throw e.coupling() == null ? e.forCoupling(info.name()) : e;
    }
  }

  /** Fails unless {@code settings} is of the factory's settings type. */
  static void checkType(CouplingFactory f, Record settings) {
    if (!f.settingsType().isInstance(settings)) {
      throw new IllegalArgumentException("coupling " + f.name() + " takes settings of type "
          + f.settingsType().getSimpleName() + ", got "
          + (settings == null ? "null" : settings.getClass().getSimpleName()));
    }
  }
}
