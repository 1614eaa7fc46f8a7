package org.cml4j.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;

/**
 * Binds the coupling registry: one {@link MapBinder} entry per coupling name, and the overridable
 * {@link CouplingDefaults} through {@link OptionalBinder#setDefault()}. Does no I/O.
 */
final class PluginModule extends AbstractModule {
  private final List<RegisteredCoupling> entries;

  PluginModule(List<RegisteredCoupling> entries) {
    this.entries = List.copyOf(entries);
  }

  @Override
  protected void configure() {
    MapBinder<String, RegisteredCoupling> map =
        MapBinder.newMapBinder(binder(), String.class, RegisteredCoupling.class);
    entries.forEach(e -> map.addBinding(e.name()).toInstance(e));
    OptionalBinder.newOptionalBinder(binder(), CouplingDefaults.class).setDefault()
        .toInstance(CouplingDefaults.standard());
  }
}
