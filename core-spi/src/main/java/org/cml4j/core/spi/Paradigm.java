package org.cml4j.core.spi;

/**
 * The three coupling paradigms of Shen et al. (2023, Sci. China Earth Sci., "Coupling model- and
 * data-driven methods for remote sensing image restoration and fusion" / "Coupling mechanism and
 * learning models"): how the mechanism (physics) model and the learning model are combined.
 */
public enum Paradigm {
  /** One model feeds the other (pre-processing, intermediate variables, post-processing). */
  CASCADE,
  /** Learning inside the mechanism model (substitution, adjustment, solving). */
  EMBEDDING,
  /** Mechanism inside the learner (input, objective and structure constraints, hybrids). */
  FUSION
}
