package org.cml4j.embed.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.ParameterInfo;

/**
 * A prior box around a first guess in transformed coordinates (log for positive parameters,
 * physical units otherwise): positive parameters within a factor {@code factor} of the guess,
 * Tb within 5 K, albedo within 0.15, emissivity within 0.04, all clipped to the physical bounds.
 * Samples are drawn uniformly (Latin hypercube, McKay et al. 1979) in the box.
 */
public final class ParameterBox {
  private final List<ParameterInfo> infos;
  private final double[] lo;
  private final double[] hi;

  /** Box around {@code guess} for the {@code fit} parameters of {@code m}. */
  public ParameterBox(MechanismModel m, List<String> fit, Map<String, Double> guess,
      double factor) {
    infos = fit.stream().map(m::parameter).toList();
    lo = new double[fit.size()];
    hi = new double[fit.size()];
    for (int i = 0; i < lo.length; i++) {
      ParameterInfo p = infos.get(i);
      double g = guess.getOrDefault(p.name(), p.nominal());
      double a;
      double b;
      if (p.positive()) {
        a = Math.max(p.lower(), g / factor);
        b = Math.min(p.upper(), g * factor);
      } else {
        double w = switch (p.name()) {
          case "Tb" -> 5;
          case "alpha" -> 0.15;
          case "eps" -> 0.04;
          default -> 0.1 * (p.upper() - p.lower());
        };
        a = Math.max(p.lower(), g - w);
        b = Math.min(p.upper(), g + w);
      }
      lo[i] = p.toU(Math.max(a, p.positive() ? 1e-9 : a));
      hi[i] = p.toU(b);
    }
  }

  /** Number of parameters. */
  public int dimension() {
    return infos.size();
  }

  /** Parameter names. */
  public List<String> names() {
    return infos.stream().map(ParameterInfo::name).toList();
  }

  /** Transformed coordinates of named values. */
  public double[] toU(Map<String, Double> values) {
    double[] u = new double[infos.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = infos.get(i).toU(values.get(infos.get(i).name()));
    }
    return u;
  }

  /** Named physical values of transformed coordinates, clipped to the box. */
  public Map<String, Double> fromU(double[] u) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < u.length; i++) {
      double x = Math.max(lo[i], Math.min(hi[i], u[i]));
      m.put(infos.get(i).name(), infos.get(i).fromU(x));
    }
    return m;
  }

  /** Box coordinates scaled to [-1, 1]. */
  public double[] normalise(double[] u) {
    double[] z = new double[u.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = 2 * (u[i] - lo[i]) / (hi[i] - lo[i]) - 1;
    }
    return z;
  }

  /** Inverse of {@link #normalise}. */
  public double[] denormalise(double[] z) {
    double[] u = new double[z.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = lo[i] + (z[i] + 1) / 2 * (hi[i] - lo[i]);
    }
    return u;
  }

  /** {@code n} Latin-hypercube samples ({@link ParameterInfo#latinHypercube}) in the box. */
  public double[][] latinHypercube(int n, long seed) {
    int d = lo.length;
    double[][] u = ParameterInfo.latinHypercube(n, d, seed);
    for (double[] row : u) {
      for (int j = 0; j < d; j++) {
        row[j] = lo[j] + row[j] * (hi[j] - lo[j]);
      }
    }
    return u;
  }
}
