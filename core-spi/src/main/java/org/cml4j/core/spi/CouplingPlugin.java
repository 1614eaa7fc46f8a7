package org.cml4j.core.spi;

import java.util.List;

/**
 * A plugin contributing couplings, discovered with {@link java.util.ServiceLoader} (list the
 * implementation class in {@code META-INF/services/org.cml4j.core.spi.CouplingPlugin}). The
 * built-in cascade, embed and fuse modules register through this same interface. Modelled on
 * Trino's {@code Plugin} SPI: no dependency-injection types here; a plugin that wants Guice
 * bindings also implements {@code org.cml4j.core.registry.GuiceContribution}.
 */
public interface CouplingPlugin {
  /** Plugin name shown by {@code ./cml4j list}. */
  String name();

  /** The coupling factories this plugin contributes. */
  List<CouplingFactory> couplings();

  /**
   * The baselines this plugin contributes (approaches outside the ten modes, e.g. physics only),
   * registered next to the couplings; none by default.
   */
  default List<BaselineFactory> baselines() {
    return List.of();
  }

  /**
   * A plugin assembled in code from its parts (e.g. handed to {@code Cml4j.builder().plugin}); a
   * plugin found by {@link java.util.ServiceLoader} is a class with a no-argument constructor.
   */
  static CouplingPlugin of(String name, List<CouplingFactory> couplings,
      List<BaselineFactory> baselines) {
    return new ListedPlugin(name, couplings, baselines);
  }
}
