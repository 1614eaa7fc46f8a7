package org.cml4j.core.learn.adjoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterGradient;

/**
 * Time-varying mechanism parameters predicted within bounds: {@code p_j(t) = lo_j + (hi_j - lo_j)
 * sigmoid(u_j(t))} (the differentiable-parameter-learning design of Tsai et al. 2021, Nat. Commun.
 * 12:5988), handed to the mechanism as {@link ModelInput#timeVarying()} series.
 *
 * @param parameters parameter names
 * @param lower lower bounds
 * @param upper upper bounds
 */
public record BoundedParameterHead(List<String> parameters, double[] lower, double[] upper)
    implements PhysicsHead {
  public BoundedParameterHead {
    parameters = List.copyOf(parameters);
    lower = lower.clone();
    upper = upper.clone();
    if (lower.length != parameters.size() || upper.length != parameters.size()) {
      throw new IllegalArgumentException("need one bound pair per parameter " + parameters);
    }
    for (int j = 0; j < lower.length; j++) {
      if (!(lower[j] < upper[j])) {
        throw new IllegalArgumentException("bounds of " + parameters.get(j) + ": lower "
            + lower[j] + " must be < upper " + upper[j]);
      }
    }
  }

  @Override
  public int width() {
    return parameters.size();
  }

  /** The parameter value at {@code u}. */
  public double value(int j, double u) {
    return lower[j] + (upper[j] - lower[j]) / (1 + Math.exp(-u));
  }

  /** The raw output giving value {@code v} (clamped inside the bounds). */
  public double raw(int j, double v) {
    double f = (v - lower[j]) / (upper[j] - lower[j]);
    f = Math.max(1e-4, Math.min(1 - 1e-4, f));
    return Math.log(f / (1 - f));
  }

  /** The parameter series [j][t]. */
  public double[][] series(double[][] u) {
    double[][] p = new double[width()][u.length];
    for (int t = 0; t < u.length; t++) {
      for (int j = 0; j < width(); j++) {
        p[j][t] = value(j, u[t][j]);
      }
    }
    return p;
  }

  @Override
  public ModelInput apply(ModelInput base, double[][] u) {
    double[][] p = series(u);
    Map<String, double[]> tv = new LinkedHashMap<>(base.timeVarying());
    for (int j = 0; j < width(); j++) {
      tv.put(parameters.get(j), p[j]);
    }
    return base.withTimeVarying(tv);
  }

  @Override
  public double[][] chain(ParameterGradient g, double[][] u) {
    double[][] d = new double[u.length][width()];
    for (int j = 0; j < width(); j++) {
      double[] gp = PhysicsHead.timeVarying(g, parameters.get(j));
      for (int t = 0; t < u.length; t++) {
        double s = 1 / (1 + Math.exp(-u[t][j]));
        d[t][j] = gp[t] * (upper[j] - lower[j]) * s * (1 - s);
      }
    }
    return d;
  }

  @Override
  public double boundViolation(double[][] u) {
    double v = 0;
    double[][] p = series(u);
    for (int j = 0; j < width(); j++) {
      for (double x : p[j]) {
        v = Math.max(v, Math.max(lower[j] - x, x - upper[j]));
      }
    }
    return Math.max(0, v);
  }
}
