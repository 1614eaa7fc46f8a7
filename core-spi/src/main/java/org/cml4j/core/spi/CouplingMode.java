package org.cml4j.core.spi;

/**
 * The ten coupling modes of Shen et al. (2023), declared in the review's order (mode 1 first), each
 * in a paradigm: modes 1-3 cascade, 4-6 embedding, 7-10 fusion.
 */
public enum CouplingMode {
  PREPROCESSING_AND_INITIALISATION("preprocessing & initialisation"),
  INTERMEDIATE_VARIABLE_PASSING("intermediate-variable passing"),
  POST_PROCESSING("post-processing"),
  MODEL_SUBSTITUTION("model substitution"),
  MODEL_ADJUSTMENT("model adjustment"),
  MODEL_SOLVING("model solving"),
  INPUT_VARIABLE_CONSTRAINT("input-variable constraint"),
  OBJECTIVE_FUNCTION_CONSTRAINT("objective-function constraint"),
  MODEL_STRUCTURE_CONSTRAINT("model-structure constraint"),
  HYBRID("hybrid of several modes");

  private final String label;

  CouplingMode(String label) {
    this.label = label;
  }

  /** Number 1–10 as in the review (the declaration order). */
  public int number() {
    return ordinal() + 1;
  }

  /** Paradigm this mode belongs to: modes 1-3 cascade, 4-6 embedding, 7-10 fusion. */
  public Paradigm paradigm() {
    int n = number();
    return n <= 3 ? Paradigm.CASCADE : n <= 6 ? Paradigm.EMBEDDING : Paradigm.FUSION;
  }

  /** Human-readable label. */
  public String label() {
    return label;
  }

  /** Mode by its number 1–10. */
  public static CouplingMode ofNumber(int n) {
    if (n < 1 || n > values().length) {
      throw new IllegalArgumentException("coupling modes are numbered 1-10, got " + n);
    }
    return values()[n - 1];
  }
}
