package org.cml4j.core.registry;

import org.cml4j.core.spi.BaselineFactory;

/**
 * A registry entry of a baseline: its factory and the plugin that contributed it.
 *
 * @param plugin plugin name
 * @param factory the factory
 */
public record RegisteredBaseline(String plugin, BaselineFactory factory) {
  /** Registry name. */
  public String name() {
    return factory.name();
  }
}
