package org.cml4j.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics of a coupling run: named scalars (e.g. {@code "physicsEvaluations"},
 * {@code "validationRmse"}), named curves (e.g. loss per epoch) and free-text notes.
 */
public record Diagnostics(Map<String, Double> scalars, Map<String, double[]> curves,
    List<String> notes) {
  public Diagnostics {
    scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    notes = List.copyOf(notes);
  }

  /** No diagnostics. */
  public static Diagnostics none() {
    return new Diagnostics(Map.of(), Map.of(), List.of());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder collecting diagnostics as a run proceeds. */
  public static final class Builder {
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    private final Map<String, double[]> curves = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Builder scalar(String name, double v) {
      scalars.put(name, v);
      return this;
    }

    public Builder curve(String name, double[] v) {
      curves.put(name, v.clone());
      return this;
    }

    public Builder note(String n) {
      notes.add(n);
      return this;
    }

    public Builder addAll(Diagnostics d, String prefix) {
      d.scalars().forEach((k, v) -> scalars.put(prefix + k, v));
      d.curves().forEach((k, v) -> curves.put(prefix + k, v));
      d.notes().forEach(n -> notes.add(prefix + n));
      return this;
    }

    public Diagnostics build() {
      return new Diagnostics(scalars, curves, notes);
    }
  }
}
