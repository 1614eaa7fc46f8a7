package org.cml4j.core.registry;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.cml4j.core.spi.BaselineFactory;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingPlugin;

/**
 * Entry point of the plugin system: discovers {@link CouplingPlugin}s with {@link ServiceLoader},
 * checks names, and creates the one Guice injector that holds the {@link CouplingRegistry}. Users
 * may add plugins programmatically and override defaults with their own module:
 *
 * <pre>{@code
 * Cml4j cml = Cml4j.builder().discoverPlugins()
 *     .override(b -> OptionalBinder.newOptionalBinder(b, CouplingDefaults.class)
 *         .setBinding().toInstance(myDefaults))
 *     .settings("embed.enkf", EnkfCoupling.standardConfig().withMembers(60))  // typed settings
 *     .build();
 * Coupling c = cml.registry().create("cascade.error-correction");
 * Approach b = cml.registry().approach("baseline.physics-only");   // couplings and baselines
 * }</pre>
 */
public final class Cml4j {
  private final Injector injector;
  private final List<CouplingPlugin> plugins;

  private Cml4j(Injector injector, List<CouplingPlugin> plugins) {
    this.injector = injector;
    this.plugins = List.copyOf(plugins);
  }

  /** All plugins on the class path, standard defaults. */
  public static Cml4j discover() {
    return builder().discoverPlugins().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The registry. */
  public CouplingRegistry registry() {
    return injector.getInstance(CouplingRegistry.class);
  }

  /** The plugins in registration order. */
  public List<CouplingPlugin> plugins() {
    return plugins;
  }

  /** The injector, for plugins' own bindings. */
  public Injector injector() {
    return injector;
  }

  /** Builder for {@link Cml4j}. */
  public static final class Builder {
    private final List<CouplingPlugin> plugins = new ArrayList<>();
    private final List<Module> overrides = new ArrayList<>();

    /** Adds every plugin found by {@link ServiceLoader} on the context class path. */
    public Builder discoverPlugins() {
      ServiceLoader.load(CouplingPlugin.class).forEach(plugins::add);
      return this;
    }

    /**
     * Adds every plugin {@link ServiceLoader} finds through {@code loader} (e.g. a
     * {@link PluginFolders#classLoader} over plugin jars, whose parent holds the built-in ones).
     */
    public Builder discoverPlugins(ClassLoader loader) {
      ServiceLoader.load(CouplingPlugin.class, loader).forEach(plugins::add);
      return this;
    }

    /** Adds a plugin programmatically. */
    public Builder plugin(CouplingPlugin p) {
      plugins.add(p);
      return this;
    }

    /**
     * A user module installed with the plugins' modules; defaults are overridden with
     * {@code OptionalBinder.newOptionalBinder(b, CouplingDefaults.class).setBinding()}.
     */
    public Builder override(Module m) {
      overrides.add(m);
      return this;
    }

    /**
     * Overrides one coupling's settings (a record of its factory's settings type; checked when
     * the registry is created). The same as binding {@code name} in the
     * {@code MapBinder<String, Record>} named {@code "cml4j.coupling-settings"} from a module.
     */
    public Builder settings(String coupling, Record settings) {
      overrides.add(b -> PluginModule.settingsBinder(b).addBinding(coupling)
          .toInstance(settings));
      return this;
    }

    /** Checks names and creates the injector. */
    public Cml4j build() {
      Map<String, RegisteredCoupling> byName = new LinkedHashMap<>();
      Map<String, RegisteredBaseline> baselines = new LinkedHashMap<>();
      Map<String, String> owner = new LinkedHashMap<>();
      List<Module> modules = new ArrayList<>();
      for (CouplingPlugin p : plugins) {
        for (CouplingFactory f : p.couplings()) {
          claim(owner, f.name(), p.name());
          byName.put(f.name(), new RegisteredCoupling(p.name(), f));
        }
        for (BaselineFactory f : p.baselines()) {
          claim(owner, f.name(), p.name());
          baselines.put(f.name(), new RegisteredBaseline(p.name(), f));
        }
        if (p instanceof GuiceContribution g) {
          modules.add(g.module());
        }
      }
      modules.add(0, new PluginModule(List.copyOf(byName.values()),
          List.copyOf(baselines.values())));
      modules.addAll(overrides);
      return new Cml4j(Guice.createInjector(modules), plugins);
    }

    /** Records that {@code plugin} registers {@code name}; a name taken twice fails. */
    private static void claim(Map<String, String> owner, String name, String plugin) {
      String prev = owner.putIfAbsent(name, plugin);
      if (prev != null) {
        throw new IllegalStateException("coupling name '" + name + "' is registered"
            + " twice: by plugin " + prev + " and by plugin " + plugin
            + "; registered so far: " + String.join(", ", owner.keySet()));
      }
    }
  }
}
