package org.cml4j.bench.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.registry.RegisteredCoupling;

/**
 * Which couplings and baselines an experiment runs: names, or prefixes with a trailing {@code *}
 * (as the bench flag {@code --couplings}), always returned in the benchmark's order (baselines as
 * listed by the suite, couplings by mode then name) whatever the order given.
 */
public final class Selection {
  private Selection() {}

  /**
   * Couplings with their settings.
   *
   * @param reg the registry (settings of couplings not given explicitly come from it)
   * @param patterns names or prefixes; null for every registered coupling
   * @param explicit settings given for some names (these are selected too)
   * @param where where the patterns came from, for messages
   */
  public static Map<String, Record> couplings(CouplingRegistry reg, List<String> patterns,
      Map<String, Record> explicit, String where) {
    Map<String, Record> out = new LinkedHashMap<>();
    for (RegisteredCoupling e : reg.entries()) {
      String n = e.name();
      if (patterns == null || explicit.containsKey(n) || patterns.stream()
          .anyMatch(p -> matches(p, n))) {
        out.put(n, explicit.getOrDefault(n, reg.settings(n)));
      }
    }
    if (patterns != null) {
      for (String p : patterns) {
        if (reg.names().stream().noneMatch(n -> matches(p, n))) {
          throw new org.cml4j.cli.Cml4jCli.InputException(where + ": no coupling matches '" + p
              + "'; registered: " + String.join(", ", reg.names()));
        }
      }
    }
    return out;
  }

  /** Baselines matching the patterns, in the order of {@code all}. */
  public static List<String> baselines(List<String> patterns, List<String> all, String where) {
    for (String p : patterns) {
      if (all.stream().noneMatch(n -> matches(p, n))) {
        throw new org.cml4j.cli.Cml4jCli.InputException(where + ": no baseline matches '" + p
            + "'; baselines: " + String.join(", ", all));
      }
    }
    List<String> out = new ArrayList<>();
    all.stream().filter(n -> patterns.stream().anyMatch(p -> matches(p, n))).forEach(out::add);
    return out;
  }

  /** A name or a prefix pattern with a trailing {@code *}. */
  public static boolean matches(String pattern, String name) {
    return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
        : name.equals(pattern);
  }
}
