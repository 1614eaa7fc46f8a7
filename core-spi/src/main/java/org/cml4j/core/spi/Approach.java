package org.cml4j.core.spi;

/**
 * Anything that solves a {@link CouplingTask}: a {@link Coupling} (one of the ten modes) or a
 * baseline (physics only, learning only). The benchmark runs approaches uniformly.
 */
public interface Approach {
  /** Unique name, e.g. {@code "cascade.post-processing.error-correction"}. */
  String name();

  /** One-line description. */
  String description();

  /** Requirements and what it provides. */
  Capabilities capabilities();

  /** Whether this approach can address the task (default: check the capabilities). */
  default Applicability applicability(CouplingTask task) {
    return capabilities().check(task);
  }

  /** Solves the task. Must not read test-period observations (they are hidden anyway). */
  CouplingSolution solve(CouplingTask task);

  /** Table label: mode number and paradigm for couplings, "baseline" otherwise. */
  default String category() {
    return "baseline";
  }
}
