package org.cml4j.core.learn.adjoint;

import java.util.List;
import org.cml4j.core.vars.Frame;

/**
 * The misfit an {@link AdjointNetwork} is trained on: a training loss of the mechanism's outputs,
 * its adjoint seed {@code dL/d output[t][k]} (what {@link org.cml4j.core.spi.ModelRun#vjp} takes),
 * and a validation loss for early stopping.
 */
public interface Misfit {
  /** The observed variables, in seed column order (the mechanism's requested outputs). */
  List<String> variables();

  /** Whether a validation loss exists (else training stops on the training loss). */
  boolean validates();

  /** Training and validation loss of a run's outputs, and the seed of the training loss. */
  Evaluation evaluate(Frame outputs);

  /**
   * Misfits of one run.
   *
   * @param loss training misfit
   * @param validation validation misfit (NaN if the period has no observation)
   * @param seed adjoint seed [time][variable] of the training misfit
   */
  record Evaluation(double loss, double validation, double[][] seed) {}
}
