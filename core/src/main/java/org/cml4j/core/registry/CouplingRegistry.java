package org.cml4j.core.registry;

import com.google.inject.name.Named;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.CouplingTask;

/**
 * The registry of couplings and baselines by name (Guice map bindings), with the user's defaults
 * and the per-coupling settings: each factory's {@link CouplingFactory#defaultSettings()} unless a
 * settings override is bound for its name ({@link Cml4j.Builder#settings(String, Record)}).
 * Couplings (the ten modes) are created with {@link #create}; baselines (approaches outside the
 * modes, e.g. {@code baseline.physics-only}) and couplings alike with {@link #approach}.
 */
@Singleton
public final class CouplingRegistry {
  private final Map<String, RegisteredCoupling> entries;
  private final Map<String, RegisteredBaseline> baselines;
  private final CouplingDefaults defaults;
  private final Map<String, Record> settings;

  @Inject
  CouplingRegistry(Map<String, RegisteredCoupling> entries,
      Map<String, RegisteredBaseline> baselines, CouplingDefaults defaults,
      @Named(PluginModule.SETTINGS) Map<String, Record> overrides) {
    this.entries = new TreeMap<>(entries);
    this.baselines = new LinkedHashMap<>(baselines);
    this.defaults = defaults;
    this.settings = new TreeMap<>();
    overrides.forEach((name, s) -> {
      CouplingFactory f = entry(name).factory();
      if (!f.settingsType().isInstance(s)) {
        throw new IllegalArgumentException("settings override for coupling " + name + " is a "
            + s.getClass().getSimpleName() + "; it takes " + f.settingsType().getSimpleName());
      }
    });
    this.entries.forEach((name, e) -> settings.put(name,
        overrides.getOrDefault(name, e.factory().defaultSettings())));
  }

  /** All coupling entries ordered by mode number, then name. */
  public List<RegisteredCoupling> entries() {
    return entries.values().stream().sorted(Comparator
        .comparingInt((RegisteredCoupling e) -> e.mode().number()).thenComparing(
            RegisteredCoupling::name)).toList();
  }

  /** Registered coupling names (sorted). */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The baseline entries in registration order. */
  public List<RegisteredBaseline> baselines() {
    return List.copyOf(baselines.values());
  }

  /** The defaults couplings are created with. */
  public CouplingDefaults defaults() {
    return defaults;
  }

  /** The coupling entry by name; an unknown name fails listing the registered ones. */
  public RegisteredCoupling entry(String name) {
    RegisteredCoupling e = entries.get(name);
    if (e == null) {
      if (baselines.containsKey(name)) {
        throw new IllegalArgumentException("'" + name + "' is a baseline, not a coupling of the"
            + " ten modes (it has no mode); create it with registry().approach(\"" + name
            + "\"), which returns couplings and baselines alike");
      }
      throw new IllegalArgumentException("unknown coupling '" + name + "'; registered: "
          + String.join(", ", entries.keySet()) + "; baselines: "
          + String.join(", ", baselines.keySet()));
    }
    return e;
  }

  /** The effective settings of a coupling: a bound override, else its factory's defaults. */
  public Record settings(String name) {
    entry(name);
    return settings.get(name);
  }

  /** The effective settings of every registered coupling, by name (sorted). */
  public Map<String, Record> settings() {
    return java.util.Collections.unmodifiableMap(settings);
  }

  /** Creates a coupling by name with the registry's defaults and its effective settings. */
  public Coupling create(String name) {
    return entry(name).factory().create(defaults, settings(name));
  }

  /**
   * Creates a coupling by name with explicit settings (of its factory's
   * {@link CouplingFactory#settingsType()}).
   */
  public Coupling create(String name, Record couplingSettings) {
    return entry(name).factory().create(defaults, couplingSettings);
  }

  /**
   * Creates a coupling or a baseline by name with the registry's defaults; an unknown name fails
   * listing the registered couplings and baselines.
   */
  public Approach approach(String name) {
    RegisteredBaseline b = baselines.get(name);
    if (b != null) {
      return b.factory().create(defaults);
    }
    if (!entries.containsKey(name)) {
      throw new IllegalArgumentException("unknown coupling or baseline '" + name
          + "'; couplings: " + String.join(", ", entries.keySet()) + "; baselines: "
          + String.join(", ", baselines.keySet()));
    }
    return create(name);
  }

  /**
   * Every registered approach created with the defaults: the baselines in registration order,
   * then the couplings in {@link #entries()} order (the order the benchmark runs them in).
   */
  public List<Approach> approaches() {
    List<Approach> out = new ArrayList<>();
    baselines.values().forEach(b -> out.add(b.factory().create(defaults)));
    entries().forEach(e -> out.add(create(e.name())));
    return out;
  }

  /** Creates every registered coupling that declares it can address the task. */
  public List<Coupling> applicableTo(CouplingTask task) {
    return entries().stream().map(e -> create(e.name()))
        .filter(c -> c.applicability(task).applicable()).toList();
  }
}
