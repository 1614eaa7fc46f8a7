package org.cml4j.core.learn.adjoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.spi.ParameterInfo;

/**
 * Positive time-varying mechanism parameters predicted in log space: {@code p_j(t) = exp(u_j(t))}
 * clipped to {@code [max(lower, 1e-6 nominal), upper]}, handed to the mechanism as
 * {@link ModelInput#timeVarying()} series; the chain rule is {@code dL/du = dL/dp p} (cf. the
 * differentiable-parameter-learning framework of Tsai et al. 2021).
 *
 * @param parameters the positive parameters learned as series
 */
public record LogParameterHead(List<ParameterInfo> parameters) implements PhysicsHead {
  public LogParameterHead {
    parameters = List.copyOf(parameters);
    for (ParameterInfo p : parameters) {
      if (!p.positive()) {
        throw new IllegalArgumentException("learned parameter series must be positive (learned"
            + " in log space); " + p.name() + " is not");
      }
    }
  }

  @Override
  public int width() {
    return parameters.size();
  }

  /** The value of parameter {@code j} at raw output {@code u}. */
  public double value(int j, double u) {
    ParameterInfo p = parameters.get(j);
    return Math.max(Math.max(p.lower(), 1e-6 * p.nominal()), Math.min(p.upper(), Math.exp(u)));
  }

  /** The parameter series by name (physical units, one value per step). */
  public Map<String, double[]> series(double[][] u) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int j = 0; j < width(); j++) {
      double[] s = new double[u.length];
      for (int t = 0; t < s.length; t++) {
        s[t] = value(j, u[t][j]);
      }
      out.put(parameters.get(j).name(), s);
    }
    return out;
  }

  @Override
  public ModelInput apply(ModelInput base, double[][] u) {
    Map<String, double[]> tv = new LinkedHashMap<>(base.timeVarying());
    tv.putAll(series(u));
    return base.withTimeVarying(tv);
  }

  @Override
  public double[][] chain(ParameterGradient g, double[][] u) {
    double[][] d = new double[u.length][width()];
    for (int j = 0; j < width(); j++) {
      double[] gp = PhysicsHead.timeVarying(g, parameters.get(j).name());
      for (int t = 0; t < u.length; t++) {
        d[t][j] = gp[t] * value(j, u[t][j]);
      }
    }
    return d;
  }

  @Override
  public double boundViolation(double[][] u) {
    return 0;
  }
}
