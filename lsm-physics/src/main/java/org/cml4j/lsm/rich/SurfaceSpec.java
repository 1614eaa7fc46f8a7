package org.cml4j.lsm.rich;

import java.util.Arrays;

/**
 * Surface and bottom boundary parameters of the {@link RichColumnModel}: albedo, emissivity, the
 * bottom (Dirichlet) temperature and the bulk turbulent exchange coefficient {@code hbeta = h (1 +
 * 1/beta)} [W m-2 K-1] for QH + QE, either constant or one value per hourly level (e.g. a Bowen
 * ratio varying with the time of day and soil moisture).
 *
 * @param alpha shortwave albedo [-] in [0, 1]
 * @param eps longwave emissivity [-] in [0.5, 1]
 * @param tb bottom temperature [K]
 * @param hbeta exchange coefficient, length 1 (constant) or one value per level, each >= 0
 */
public record SurfaceSpec(double alpha, double eps, double tb, double[] hbeta) {
  public SurfaceSpec {
    if (!(alpha >= 0 && alpha <= 1) || !(eps >= 0.5 && eps <= 1) || !(tb > 150 && tb < 400)) {
      throw new IllegalArgumentException("surface: alpha " + alpha + " (allowed [0, 1]), eps " + eps
          + " (allowed [0.5, 1]), Tb " + tb + " K (allowed (150, 400))");
    }
    if (hbeta.length == 0) {
      throw new IllegalArgumentException("surface: hbeta needs at least one value");
    }
    for (int k = 0; k < hbeta.length; k++) {
      if (!(hbeta[k] >= 0 && hbeta[k] <= 1000)) {
        throw new IllegalArgumentException("surface: hbeta at level " + k + " is " + hbeta[k]
            + " W m-2 K-1, allowed [0, 1000]");
      }
    }
    hbeta = hbeta.clone();
  }

  /** Constant exchange coefficient. */
  public static SurfaceSpec constant(double alpha, double eps, double tb, double hbeta) {
    return new SurfaceSpec(alpha, eps, tb, new double[] {hbeta});
  }

  /** hbeta at level {@code k}. */
  public double hbetaAt(int k) {
    return hbeta.length == 1 ? hbeta[0] : hbeta[k];
  }

  /** Copy of the exchange coefficients. */
  @Override
  public double[] hbeta() {
    return hbeta.clone();
  }

  /** Whether hbeta is one value per level. */
  public boolean timeVarying() {
    return hbeta.length > 1;
  }

  /** Levels [from, to) of a time-varying spec (constant specs are returned unchanged). */
  public SurfaceSpec slice(int from, int to) {
    return timeVarying() ? new SurfaceSpec(alpha, eps, tb, Arrays.copyOfRange(hbeta, from, to))
        : this;
  }
}
