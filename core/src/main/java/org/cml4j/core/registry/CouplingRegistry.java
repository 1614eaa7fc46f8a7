package org.cml4j.core.registry;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingTask;

/** The registry of couplings by name (a Guice map binding), with the user's defaults. */
@Singleton
public final class CouplingRegistry {
  private final Map<String, RegisteredCoupling> entries;
  private final CouplingDefaults defaults;

  @Inject
  CouplingRegistry(Map<String, RegisteredCoupling> entries, CouplingDefaults defaults) {
    this.entries = new TreeMap<>(entries);
    this.defaults = defaults;
  }

  /** All entries ordered by mode number, then name. */
  public List<RegisteredCoupling> entries() {
    return entries.values().stream().sorted(Comparator
        .comparingInt((RegisteredCoupling e) -> e.mode().number()).thenComparing(
            RegisteredCoupling::name)).toList();
  }

  /** Registered names (sorted). */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The defaults couplings are created with. */
  public CouplingDefaults defaults() {
    return defaults;
  }

  /** The entry by name; an unknown name fails listing the registered ones. */
  public RegisteredCoupling entry(String name) {
    RegisteredCoupling e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown coupling '" + name + "'; registered: "
          + String.join(", ", entries.keySet()));
    }
    return e;
  }

  /** Creates a coupling by name with the registry's defaults. */
  public Coupling create(String name) {
    return entry(name).factory().create(defaults);
  }

  /** Creates every registered coupling that declares it can address the task. */
  public List<Coupling> applicableTo(CouplingTask task) {
    return entries().stream().map(e -> e.factory().create(defaults))
        .filter(c -> c.applicability(task).applicable()).toList();
  }
}
