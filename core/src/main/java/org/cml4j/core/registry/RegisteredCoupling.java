package org.cml4j.core.registry;

import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingMode;

/**
 * A registry entry: a coupling factory and the plugin that contributed it.
 *
 * @param plugin plugin name
 * @param factory the factory
 */
public record RegisteredCoupling(String plugin, CouplingFactory factory) {
  /** Registry name. */
  public String name() {
    return factory.name();
  }

  /** Mode. */
  public CouplingMode mode() {
    return factory.mode();
  }
}
