package org.cml4j.core.spi;

/**
 * Defaults every coupling receives; overridable by users (the registry binds them with an
 * optional-binder default).
 *
 * @param optimizer mechanism-parameter optimizer settings
 * @param threads threads a coupling may use (multi-start, batches)
 */
public record CouplingDefaults(OptimizerSettings optimizer, int threads) {
  public CouplingDefaults {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Standard defaults: {@link OptimizerSettings#standard()}, all available processors. */
  public static CouplingDefaults standard() {
    return new CouplingDefaults(OptimizerSettings.standard(),
        Runtime.getRuntime().availableProcessors());
  }
}
