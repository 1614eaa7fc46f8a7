package org.cml4j.core.spi;

/** What a coupling needs from a task; checked by {@link Capabilities#check}. */
public enum Requirement {
  /** The mechanism model offers adjoint and tangent products. */
  DIFFERENTIABLE_MECHANISM,
  /** At least one soil temperature is observed in the training period. */
  OBSERVED_SOIL_TEMPERATURE,
  /** Every target has observations in the training period (for learning it directly). */
  OBSERVED_TARGETS,
  /** Every target can be simulated by the mechanism model. */
  SIMULATED_TARGETS,
  /** The task is tagged {@link CouplingTask#TAG_PARAMETER_RECOVERY} (parameters are scored). */
  PARAMETER_ESTIMATION_TASK
}
