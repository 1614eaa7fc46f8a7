package org.cml4j.core.learn.adjoint;

import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.spi.ParameterInfo;

/**
 * Constant mechanism parameters trained jointly with an {@link AdjointNetwork}: positive ones in
 * log space, others in physical units, each kept inside its bounds (positive ones at least
 * {@code 1e-6} times their nominal value) after every step.
 *
 * @param parameters the constants, in the order of their entries in the trained vector
 */
public record JointConstants(List<ParameterInfo> parameters) {
  public JointConstants {
    parameters = List.copyOf(parameters);
  }

  /** No constant is trained. */
  public static JointConstants none() {
    return new JointConstants(List.of());
  }

  /** Number of constants. */
  public int size() {
    return parameters.size();
  }

  /** The trained coordinates of the constants' values (log for positive ones). */
  public double[] encode(Map<String, Double> values) {
    double[] x = new double[size()];
    for (int i = 0; i < x.length; i++) {
      ParameterInfo p = parameters.get(i);
      x[i] = p.positive() ? Math.log(values.get(p.name())) : values.get(p.name());
    }
    return x;
  }

  /**
   * Writes the values of coordinates {@code x[offset..]} into {@code values}, projecting the
   * coordinates onto the bounds in place.
   */
  public void decode(double[] x, int offset, Map<String, Double> values) {
    for (int i = 0; i < size(); i++) {
      ParameterInfo p = parameters.get(i);
      double v = p.positive() ? Math.exp(x[offset + i]) : x[offset + i];
      double lo = p.positive() ? Math.max(p.lower(), 1e-6 * p.nominal()) : p.lower();
      v = Math.max(lo, Math.min(p.upper(), v));
      x[offset + i] = p.positive() ? Math.log(v) : v;
      values.put(p.name(), v);
    }
  }

  /** Gradient with respect to the coordinates, from the adjoint's constant-parameter gradient. */
  public double[] chain(ParameterGradient g, Map<String, Double> values) {
    double[] d = new double[size()];
    for (int i = 0; i < d.length; i++) {
      ParameterInfo p = parameters.get(i);
      double gi = g.constant().get(p.name());
      d[i] = p.positive() ? gi * values.get(p.name()) : gi;
    }
    return d;
  }
}
