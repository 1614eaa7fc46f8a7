package org.cml4j.cascade.samples;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.spi.MechanismModel;

/** An ordered set of {@link ParameterRange}s: the box parameters are sampled from. */
public final class SamplingSpace {
  private final List<ParameterRange> ranges;

  public SamplingSpace(List<ParameterRange> ranges) {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("sampling space needs at least one parameter range");
    }
    Set<String> seen = new HashSet<>();
    for (ParameterRange r : ranges) {
      if (!seen.add(r.name())) {
        throw new IllegalArgumentException("parameter " + r.name() + " appears twice in the"
            + " sampling space");
      }
    }
    this.ranges = List.copyOf(ranges);
  }

  /** Space from ranges. */
  public static SamplingSpace of(ParameterRange... r) {
    return new SamplingSpace(List.of(r));
  }

  /**
   * Plausible ranges for the soil heat conduction + surface energy balance model (Huang et al.
   * 2025 and typical soils): alpha 0.1–0.45, lambda 0.2–3 W m-1 K-1 and C 0.8e6–4e6 J m-3 K-1
   * (log-uniform), hbeta 4–80 W m-2 K-1 (log-uniform), Tb within 8 K of {@code tbCentre}; only the
   * names listed are included, in that order.
   */
  public static SamplingSpace lsmPlausible(List<String> names, double tbCentre) {
    Map<String, ParameterRange> all = new LinkedHashMap<>();
    all.put("alpha", ParameterRange.linear("alpha", 0.1, 0.45));
    all.put("lambda", ParameterRange.logUniform("lambda", 0.2, 3.0));
    all.put("C", ParameterRange.logUniform("C", 0.8e6, 4e6));
    all.put("hbeta", ParameterRange.logUniform("hbeta", 4, 80));
    all.put("Tb", ParameterRange.linear("Tb", tbCentre - 8, tbCentre + 8));
    all.put("eps", ParameterRange.linear("eps", 0.9, 0.99));
    return new SamplingSpace(names.stream().map(n -> {
      ParameterRange r = all.get(n);
      if (r == null) {
        throw new IllegalArgumentException("no plausible range for parameter " + n + "; known: "
            + all.keySet());
      }
      return r;
    }).toList());
  }

  /**
   * Ranges for any mechanism: {@link #lsmPlausible} for the land-surface model's parameter names,
   * otherwise nominal / 3 to nominal x 3 (log-uniform) for positive parameters and nominal +- 10 %
   * of the allowed range for the others, always within the allowed bounds. {@code centres}
   * override the nominal value (e.g. Tb from observations).
   */
  public static SamplingSpace around(MechanismModel m, List<String> names,
      Map<String, Double> centres) {
    java.util.Set<String> lsm = java.util.Set.of("alpha", "lambda", "C", "hbeta", "Tb", "eps");
    if (lsm.containsAll(names) && m.name().equals("lsm-heat-seb")) {
      return lsmPlausible(names, centres.getOrDefault("Tb", m.parameter("Tb").nominal()));
    }
    return new SamplingSpace(names.stream().map(n -> {
      var p = m.parameter(n);
      double c = centres.getOrDefault(n, p.nominal());
      if (p.positive() && c > 0) {
        return ParameterRange.logUniform(n, Math.max(c / 3, Math.max(p.lower(), 1e-12)),
            Math.min(c * 3, p.upper()));
      }
      double w = 0.1 * (p.upper() - p.lower());
      return ParameterRange.linear(n, Math.max(p.lower(), c - w), Math.min(p.upper(), c + w));
    }).toList());
  }

  /** Checks every range against the mechanism's parameter bounds and names. */
  public SamplingSpace checkedAgainst(MechanismModel m) {
    for (ParameterRange r : ranges) {
      var p = m.parameter(r.name());
      if (r.lower() < p.lower() || r.upper() > p.upper()) {
        throw new IllegalArgumentException("sampling range of " + r.name() + " [" + r.lower()
            + ", " + r.upper() + "] leaves the mechanism's allowed range [" + p.lower() + ", "
            + p.upper() + "] " + p.unit());
      }
    }
    return this;
  }

  public List<ParameterRange> ranges() {
    return ranges;
  }

  public int dimension() {
    return ranges.size();
  }

  public List<String> names() {
    return ranges.stream().map(ParameterRange::name).toList();
  }

  /** Physical values of a unit-cube point. */
  public double[] fromUnit(double[] u) {
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = ranges.get(i).fromUnit(u[i]);
    }
    return x;
  }

  /** Unit-cube coordinates of physical values. */
  public double[] toUnit(double[] x) {
    double[] u = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      u[i] = ranges.get(i).toUnit(x[i]);
    }
    return u;
  }

  /** Named map of physical values. */
  public Map<String, Double> named(double[] x) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      m.put(ranges.get(i).name(), x[i]);
    }
    return m;
  }
}
