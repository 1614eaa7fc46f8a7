package org.cml4j.core.spi;

/**
 * A coupling of mechanism and learning models in one of the ten modes of Shen et al. (2023).
 * Implementations are created by a {@link CouplingFactory} contributed by a {@link CouplingPlugin}.
 */
public interface Coupling extends Approach {
  /** The coupling mode. */
  CouplingMode mode();

  /** The paradigm (from the mode). */
  default Paradigm paradigm() {
    return mode().paradigm();
  }

  @Override
  default String category() {
    return mode().number() + " " + paradigm().name().toLowerCase(java.util.Locale.ROOT);
  }
}
