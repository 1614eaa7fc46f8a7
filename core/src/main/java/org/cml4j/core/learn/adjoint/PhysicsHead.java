package org.cml4j.core.learn.adjoint;

import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterGradient;

/**
 * How a network's raw outputs {@code u[t][j]} enter the mechanism model as its final,
 * differentiable layer, and how the model's adjoint (a {@link ParameterGradient}) flows back to
 * {@code dL/du}.
 */
public interface PhysicsHead {
  /** Number of network outputs the head consumes. */
  int width();

  /** The model input with the network's contribution applied. */
  ModelInput apply(ModelInput base, double[][] u);

  /** {@code dL/du[t][j]} from the model's vector-Jacobian product. */
  double[][] chain(ParameterGradient g, double[][] u);

  /** Largest violation of the head's bounds by the values it produces (0 by construction). */
  double boundViolation(double[][] u);

  /** The adjoint's gradient with respect to a time-varying parameter; an error if it has none. */
  static double[] timeVarying(ParameterGradient g, String parameter) {
    double[] gp = g.timeVarying().get(parameter);
    if (gp == null) {
      throw new IllegalStateException("the mechanism's adjoint has no time-varying gradient"
          + " for " + parameter);
    }
    return gp;
  }
}
