package org.cml4j.core.spi;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Creates a coupling; contributed by a {@link CouplingPlugin}, registered under its name. Each
 * factory declares a typed settings record (as Trino connectors declare their config classes):
 * {@link #settingsType()} and {@link #defaultSettings()}; the record's constructor validates
 * (through {@link SettingsChecks}), and {@link #create(CouplingDefaults, Record)} builds the
 * coupling from a value of that type only. The registry passes the defaults or a user's override
 * (Guice, or an experiment file converted to {@link #settingsType()} and nothing else).
 */
public interface CouplingFactory {
  /** Registry name (unique across all plugins), e.g. {@code "cascade.error-correction"}. */
  String name();

  /** Mode of the couplings it creates. */
  CouplingMode mode();

  /** One-line description for {@code ./cml4j list}. */
  String description();

  /** Creates a coupling with the given global defaults and {@link #defaultSettings()}. */
  Coupling create(CouplingDefaults defaults);

  /** The settings record type ({@link NoSettings} when there is nothing to set). */
  default Class<? extends Record> settingsType() {
    return NoSettings.class;
  }

  /** The settings that reproduce the coupling's documented behaviour. */
  default Record defaultSettings() {
    return NoSettings.INSTANCE;
  }

  /**
   * Creates a coupling with explicit settings, which must be of {@link #settingsType()}; an
   * {@link InvalidSettingException} from the coupling is reported with this factory's name.
   */
  default Coupling create(CouplingDefaults defaults, Record settings) {
    SettingsCouplingFactory.checkType(this, settings);
    return create(defaults);
  }

  /** The identity (plugin left empty when the factory was not built from a {@link CouplingInfo}). */
  default CouplingInfo info() {
    return new CouplingInfo("", name(), mode(), description());
  }

  /** A factory without settings, from a coupling's {@link CouplingInfo} and its constructor. */
  static CouplingFactory of(CouplingInfo info, Function<CouplingDefaults, Coupling> create) {
    return of(info, NoSettings.INSTANCE, (d, s) -> create.apply(d));
  }

  /**
   * A factory with typed settings: {@code defaults} fixes {@link #settingsType()} (its class) and
   * {@link #defaultSettings()}.
   *
   * @param info the coupling's identity, declared once by the coupling
   * @param defaults default settings (a record)
   * @param create constructor from the global defaults and the settings
   */
  static <S extends Record> CouplingFactory of(CouplingInfo info, S defaults,
      BiFunction<CouplingDefaults, S, Coupling> create) {
    return SettingsCouplingFactory.of(info, defaults, create);
  }

  /**
   * A factory from a name, mode and description, without settings; prefer
   * {@link #of(CouplingInfo, Function)} so the identity is written once.
   */
  static CouplingFactory of(String name, CouplingMode mode, String description,
      Function<CouplingDefaults, Coupling> create) {
    return of(new CouplingInfo("", name, mode, description), create);
  }
}
