package org.cml4j.core.spi;

/** Creates a coupling; contributed by a {@link CouplingPlugin}, registered under its name. */
public interface CouplingFactory {
  /** Registry name (unique across all plugins), e.g. {@code "cascade.error-correction"}. */
  String name();

  /** Mode of the couplings it creates. */
  CouplingMode mode();

  /** One-line description for {@code ./cml4j list}. */
  String description();

  /** Creates a coupling with the (possibly user-overridden) defaults. */
  Coupling create(CouplingDefaults defaults);

  /** A factory from a coupling's {@link CouplingInfo} and its constructor. */
  static CouplingFactory of(CouplingInfo info,
      java.util.function.Function<CouplingDefaults, Coupling> create) {
    return of(info.name(), info.mode(), info.description(), create);
  }

  /**
   * A factory from a name, mode, description and constructor; prefer
   * {@link #of(CouplingInfo, java.util.function.Function)} so the identity is written once.
   */
  static CouplingFactory of(String name, CouplingMode mode, String description,
      java.util.function.Function<CouplingDefaults, Coupling> create) {
    return new CouplingFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CouplingMode mode() {
        return mode;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Coupling create(CouplingDefaults defaults) {
        return create.apply(defaults);
      }
    };
  }
}
