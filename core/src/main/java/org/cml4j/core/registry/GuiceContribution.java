package org.cml4j.core.registry;

import com.google.inject.Module;

/**
 * Optional extension of a {@link org.cml4j.core.spi.CouplingPlugin}: a Guice module installed into
 * the one cml4j injector (e.g. to bind a plugin's own services, or to override
 * {@link org.cml4j.core.spi.CouplingDefaults} with {@code OptionalBinder.setBinding()}).
 */
public interface GuiceContribution {
  /** The module to install. Must do no I/O and no branching. */
  Module module();
}
