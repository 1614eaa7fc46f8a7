package org.cml4j.cascade.samples;

/**
 * A design of experiments on the unit cube: {@link LatinHypercubeSampler} (stratified random,
 * McKay et al. 1979) or {@link SobolSampler} (low-discrepancy, Sobol 1967, Joe &amp; Kuo 2008
 * direction numbers). Deterministic for a given seed.
 */
public interface ParameterSampler {
  /** {@code n} points in [0, 1)^{@code dimension}, [point][coordinate]. */
  double[][] sample(int n, int dimension);

  /** Short name for provenance ("lhs", "sobol"). */
  String name();

  /** Latin hypercube with the given seed. */
  static ParameterSampler latinHypercube(long seed) {
    return new LatinHypercubeSampler(seed);
  }

  /** Randomly shifted Sobol sequence with the given seed. */
  static ParameterSampler sobol(long seed) {
    return new SobolSampler(seed);
  }

  /** By name ("lhs" or "sobol"); throws listing the known names. */
  static ParameterSampler named(String name, long seed) {
    return switch (name) {
      case "lhs" -> latinHypercube(seed);
      case "sobol" -> sobol(seed);
      default -> throw new IllegalArgumentException("unknown sampler '" + name
          + "'; known: lhs, sobol");
    };
  }
}
