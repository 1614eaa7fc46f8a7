package org.cml4j.core.spi;

import java.util.List;

/**
 * The plugin {@link CouplingPlugin#of} builds: a name and fixed lists of factories.
 *
 * @param name plugin name
 * @param couplings coupling factories
 * @param baselines baseline factories
 */
record ListedPlugin(String name, List<CouplingFactory> couplings,
    List<BaselineFactory> baselines) implements CouplingPlugin {
  ListedPlugin {
    couplings = List.copyOf(couplings);
    baselines = List.copyOf(baselines);
  }
}
