package org.cml4j.core.spi;

import java.util.function.Function;

/**
 * Creates a baseline: an {@link Approach} that is not a coupling of the ten modes (physics only,
 * learning only, the PLUMBER empirical benchmarks). Contributed by a {@link CouplingPlugin}
 * ({@link CouplingPlugin#baselines()}), registered under its name next to the couplings, created
 * with {@code registry().approach(name)} and usable wherever an approach is (the benchmark, a
 * {@code CouplingStage} of a pipeline).
 */
public interface BaselineFactory {
  /** Registry name (unique across couplings and baselines), e.g. {@code "baseline.1lin"}. */
  String name();

  /** One-line description for {@code ./cml4j list}. */
  String description();

  /** Creates the baseline with the (possibly user-overridden) defaults. */
  Approach create(CouplingDefaults defaults);

  /** A factory from a name, description and constructor. */
  static BaselineFactory of(String name, String description,
      Function<CouplingDefaults, Approach> create) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a baseline needs a name; got " + name);
    }
    return new BaselineFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public Approach create(CouplingDefaults defaults) {
        Approach a = create.apply(defaults);
        if (!name.equals(a.name())) {
          throw new IllegalStateException("baseline factory '" + name + "' created an approach"
              + " named '" + a.name() + "'");
        }
        return a;
      }
    };
  }
}
