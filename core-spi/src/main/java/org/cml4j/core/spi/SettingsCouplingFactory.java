package org.cml4j.core.spi;

import java.util.function.BiFunction;

/**
 * The factory {@link CouplingFactory#of} builds: a coupling's identity, its settings record type
 * with the default value, and its constructor.
 *
 * @param plugin plugin of the coupling's identity
 * @param name registry name
 * @param mode coupling mode
 * @param description one-line description
 * @param settingsType the settings record type
 * @param defaultSettings the settings that reproduce the documented behaviour
 * @param constructor builds the coupling from the global defaults and the settings
 */
record SettingsCouplingFactory<S extends Record>(String plugin, String name, CouplingMode mode,
    String description, Class<S> settingsType, S defaultSettings,
    BiFunction<CouplingDefaults, S, Coupling> constructor) implements CouplingFactory {
  /** The factory of the coupling {@code info}, with {@code defaults} fixing the settings type. */
  @SuppressWarnings("unchecked")
  static <S extends Record> SettingsCouplingFactory<S> of(CouplingInfo info, S defaults,
      BiFunction<CouplingDefaults, S, Coupling> constructor) {
    return new SettingsCouplingFactory<>(info.plugin(), info.name(), info.mode(),
        info.description(), (Class<S>) defaults.getClass(), defaults, constructor);
  }

  @Override
  public CouplingInfo info() {
    return new CouplingInfo(plugin, name, mode, description);
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
      throw e.coupling() == null ? e.forCoupling(name) : e;
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
