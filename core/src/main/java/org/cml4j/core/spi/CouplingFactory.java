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

  /** A factory from a name, mode, description and constructor. */
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
