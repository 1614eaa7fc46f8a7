package org.cml4j.lsm.assimilation;

import org.cml4j.core.spi.ParameterInfo;

/**
 * The filter's spread of augmented parameters in their transformed coordinates
 * ({@link ParameterInfo#toU}: log for positive parameters, physical units otherwise; one unit of
 * spread is 0.1 for albedo and 0.05 for emissivity) and the Gaspari–Cohn localization taper.
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
}
