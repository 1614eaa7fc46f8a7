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
    return new NamedBaselineFactory(name, description, create);
  }
}
