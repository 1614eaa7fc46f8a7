package org.cml4j.embed.assimilation;

import org.cml4j.core.spi.ParameterInfo;

/**
 * Coordinates in which the filter perturbs and updates augmented parameters (log for positive
 * parameters, physical units otherwise, with a unit spread of 0.1 for albedo and 0.05 for
 * emissivity), their bounds, and the Gaspari–Cohn localization taper.
 */
public final class ParameterTransforms {
  private ParameterTransforms() {}

  /** Gaspari and Cohn (1999) fifth-order taper: 1 at r = 0, 0 for r >= 2. */
  public static double gaspariCohn(double r) {
    if (r >= 2) {
      return 0;
    }
    if (r <= 1) {
      return 1 - 5.0 / 3 * r * r + 5.0 / 8 * r * r * r + 0.5 * Math.pow(r, 4)
          - 0.25 * Math.pow(r, 5);
    }
    return 4 - 5 * r + 5.0 / 3 * r * r + 5.0 / 8 * r * r * r - 0.5 * Math.pow(r, 4)
        + Math.pow(r, 5) / 12 - 2 / (3 * r);
  }

  /** Scale of one unit of spread in transformed coordinates. */
  public static double scale(ParameterInfo p) {
    if (p.positive()) {
      return 1;
    }
    return switch (p.name()) {
      case "alpha" -> 0.1;
      case "eps" -> 0.05;
      default -> 1;
    };
  }

  public static double toU(ParameterInfo p, double v) {
    return p.positive() ? Math.log(v) : v;
  }

  public static double fromU(ParameterInfo p, double u) {
    return p.positive() ? Math.exp(u) : u;
  }

  /**
   * Clamps a transformed value strictly inside the parameter's bounds
   * ({@link ParameterInfo#clampInside}; positive parameters also at least 1e-6 of their nominal
   * value), so that {@link #fromU} never lands on or, by round-off of {@code exp(log(upper))},
   * beyond a bound that a model or {@link ParameterInfo#check} rejects. A value already inside is
   * returned unchanged.
   */
  public static double clampU(ParameterInfo p, double u) {
    double v = fromU(p, u);
    double c = p.clampInside(p.positive() ? Math.max(v, 1e-6 * p.nominal()) : v);
    return c == v ? u : toU(p, c);
  }
}
