package org.cml4j.lsm.experiment;

import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * The synthetic reference experiment of Huang, Heaney &amp; van Reeuwijk (2025): idealised diurnal
 * forcing starting at midnight, true parameters alpha 0.2, lambda 0.8 W m-1 K-1, C 2.2e6 J m-3 K-1,
 * h 15 W m-2 K-1, beta 1.5 (hbeta 25), Tb 293 K, eps 0.95, on the 101-node, 1 m, hourly grid.
 */
public final class Huang2025 {
  /** Number of hourly time levels t = 0..100 h. */
  public static final int LEVELS = 101;
  public static final double TRUE_H = 15;
  public static final double TRUE_BETA = 1.5;

  private Huang2025() {}

  /** The true parameters. */
  public static ColumnParameters truth() {
    return ColumnParameters.builder().alpha(0.2).lambda(0.8).heatCapacity(2.2e6)
        .hBeta(TRUE_H, TRUE_BETA).tb(293).eps(0.95).build();
  }

  /**
   * The paper's forcing for {@code levels} hourly levels: Kdown = 800 cos(theta) with
   * theta = (t24-7h)/(14h) pi/2 + (t24-21h)/(14h) pi/2 clipped to [-pi/2, pi/2]; Ldown = 100 W m-2;
   * Ta = 296 K.
   */
  public static SurfaceForcing forcing(int levels) {
    double[] k = new double[levels];
    double[] l = new double[levels];
    double[] ta = new double[levels];
    double hour = 3600;
    for (int i = 0; i < levels; i++) {
      double t24 = (i * hour) % (24 * hour);
      double theta = (t24 - 7 * hour) / (14 * hour) * Math.PI / 2
          + (t24 - 21 * hour) / (14 * hour) * Math.PI / 2;
      if (Math.abs(theta) > Math.PI / 2) {
        theta = Math.signum(theta) * Math.PI / 2;
      }
      k[i] = 800 * Math.cos(theta);
      l[i] = 100;
      ta[i] = 296;
    }
    return new SurfaceForcing(k, l, ta);
  }
}
