package org.cml4j.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;

/**
 * Binds the coupling registry: one {@link MapBinder} entry per coupling name and one per baseline
 * name (in registration order), and the overridable {@link CouplingDefaults} through
 * {@link OptionalBinder#setDefault()}. Does no I/O.
 */
final class PluginModule extends AbstractModule {
  private final List<RegisteredCoupling> entries;
  private final List<RegisteredBaseline> baselines;

  PluginModule(List<RegisteredCoupling> entries, List<RegisteredBaseline> baselines) {
    this.entries = List.copyOf(entries);
    this.baselines = List.copyOf(baselines);
  }

  @Override
  protected void configure() {
    MapBinder<String, RegisteredCoupling> map =
        MapBinder.newMapBinder(binder(), String.class, RegisteredCoupling.class);
    entries.forEach(e -> map.addBinding(e.name()).toInstance(e));
    MapBinder<String, RegisteredBaseline> base =
        MapBinder.newMapBinder(binder(), String.class, RegisteredBaseline.class);
    baselines.forEach(e -> base.addBinding(e.name()).toInstance(e));
    OptionalBinder.newOptionalBinder(binder(), CouplingDefaults.class).setDefault()
        .toInstance(CouplingDefaults.standard());
  }
}
