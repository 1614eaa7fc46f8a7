package org.cml4j.core.spi;

import java.util.List;
import org.cml4j.core.vars.Frame;

/** The result of one mechanism-model run, with its sensitivities where the model has them. */
public interface ModelRun {
  /** The requested outputs on the forcing's time axis. */
  Frame outputs();

  /**
   * Discrete-adjoint vector-Jacobian product; {@code seed[t][k]} weights output k (in the order
   * requested) at step t.
   */
  default ParameterGradient vjp(double[][] seed) {
    throw new UnsupportedOperationException("this mechanism model has no adjoint");
  }

  /**
   * Forward-mode Jacobian {@code [t][output][parameter]} of the outputs with respect to the named
   * constant parameters.
   */
  default double[][][] jacobian(List<String> parameters) {
    throw new UnsupportedOperationException("this mechanism model has no tangent");
  }
}
