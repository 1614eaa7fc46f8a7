package org.cml4j.core.spi;

/** The ten coupling modes of Shen et al. (2023), numbered as in the review, each in a paradigm. */
public enum CouplingMode {
  PREPROCESSING_AND_INITIALISATION(1, Paradigm.CASCADE, "preprocessing & initialisation"),
  INTERMEDIATE_VARIABLE_PASSING(2, Paradigm.CASCADE, "intermediate-variable passing"),
  POST_PROCESSING(3, Paradigm.CASCADE, "post-processing"),
  MODEL_SUBSTITUTION(4, Paradigm.EMBEDDING, "model substitution"),
  MODEL_ADJUSTMENT(5, Paradigm.EMBEDDING, "model adjustment"),
  MODEL_SOLVING(6, Paradigm.EMBEDDING, "model solving"),
  INPUT_VARIABLE_CONSTRAINT(7, Paradigm.FUSION, "input-variable constraint"),
  OBJECTIVE_FUNCTION_CONSTRAINT(8, Paradigm.FUSION, "objective-function constraint"),
  MODEL_STRUCTURE_CONSTRAINT(9, Paradigm.FUSION, "model-structure constraint"),
  HYBRID(10, Paradigm.FUSION, "hybrid of several modes");

  private final int number;
  private final Paradigm paradigm;
  private final String label;

  CouplingMode(int number, Paradigm paradigm, String label) {
    this.number = number;
    this.paradigm = paradigm;
    this.label = label;
  }

  /** Number 1–10 as in the review. */
  public int number() {
    return number;
  }

  /** Paradigm this mode belongs to. */
  public Paradigm paradigm() {
    return paradigm;
  }

  /** Human-readable label. */
  public String label() {
    return label;
  }

  /** Mode by its number 1–10. */
  public static CouplingMode ofNumber(int n) {
    for (CouplingMode m : values()) {
      if (m.number == n) {
        return m;
      }
    }
    throw new IllegalArgumentException("coupling modes are numbered 1-10, got " + n);
  }
}
