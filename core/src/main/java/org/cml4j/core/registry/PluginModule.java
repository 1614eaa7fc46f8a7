package org.cml4j.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Names;
import java.util.List;
import org.cml4j.core.spi.CouplingDefaults;

/**
 * Binds the coupling registry: one {@link MapBinder} entry per coupling name and one per baseline
 * name (in registration order), the overridable {@link CouplingDefaults} through
 * {@link OptionalBinder#setDefault()}, and the (initially empty) map of per-coupling settings
 * overrides {@link #SETTINGS} ({@code MapBinder<String, Record>}, one entry per overridden
 * coupling name). Does no I/O.
 */
final class PluginModule extends AbstractModule {
  /** Binding name of the per-coupling settings overrides. */
  static final String SETTINGS = "cml4j.coupling-settings";

  private final List<RegisteredCoupling> entries;
  private final List<RegisteredBaseline> baselines;

  PluginModule(List<RegisteredCoupling> entries, List<RegisteredBaseline> baselines) {
    this.entries = List.copyOf(entries);
    this.baselines = List.copyOf(baselines);
  }

  /** The map binder of settings overrides (coupling name to its settings record). */
  static MapBinder<String, Record> settingsBinder(com.google.inject.Binder b) {
    return MapBinder.newMapBinder(b, String.class, Record.class, Names.named(SETTINGS));
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
    settingsBinder(binder());
  }
}
