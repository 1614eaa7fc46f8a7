package org.cml4j.core.spi;

import java.util.function.Function;

/**
 * The factory {@link BaselineFactory#of} builds: a name, a description and a constructor whose
 * approach must carry that name.
 *
 * @param name registry name
 * @param description one-line description
 * @param constructor builds the baseline from the global defaults
 */
record NamedBaselineFactory(String name, String description,
    Function<CouplingDefaults, Approach> constructor) implements BaselineFactory {
  NamedBaselineFactory {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a baseline needs a name; got " + name);
    }
  }

  @Override
  public Approach create(CouplingDefaults defaults) {
    Approach a = constructor.apply(defaults);
    if (!name.equals(a.name())) {
      throw new IllegalStateException("baseline factory '" + name + "' created an approach"
          + " named '" + a.name() + "'");
    }
    return a;
  }
}
