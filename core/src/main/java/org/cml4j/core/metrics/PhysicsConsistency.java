package org.cml4j.core.metrics;

import java.util.Optional;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Physical consistency of predicted fluxes: the surface energy-balance residual
 * {@code Rn - G - (QH + QE)} [W m-2], where Rn is predicted directly ({@code Rnet}) or from predicted
 * {@code LWup} as {@code (1 - albedo) SWdown + LWdown - LWup}, and QH + QE is {@code Qh + Qle} or
 * {@code QhQle}. Used by the benchmark as the physical-inconsistency measure.
 */
public final class PhysicsConsistency {
  private PhysicsConsistency() {}

  /**
   * Energy-balance residual statistics over steps [from, to).
   *
   * @param meanAbsResidual mean |Rn - G - QH - QE| [W m-2]
   * @param inconsistentFraction fraction of steps with |residual| above the tolerance
   * @param steps number of steps evaluated
   */
  public record EnergyBalance(double meanAbsResidual, double inconsistentFraction, int steps) {}

  /**
   * The residual series, or empty if the predictions lack G, the turbulent fluxes or a way to get
   * Rn.
   */
  public static Optional<double[]> energyBalanceResidual(Frame predictions, Frame forcing,
      double albedo) {
    if (!predictions.has(Variables.QG)) {
      return Optional.empty();
    }
    double[] turb;
    if (predictions.has(Variables.QH) && predictions.has(Variables.QLE)) {
      turb = add(predictions.values(Variables.QH), predictions.values(Variables.QLE));
    } else if (predictions.has(Variables.QHQLE)) {
      turb = predictions.values(Variables.QHQLE);
    } else {
      return Optional.empty();
    }
    double[] rn;
    if (predictions.has(Variables.RNET)) {
      rn = predictions.values(Variables.RNET);
    } else if (predictions.has(Variables.LWUP) && forcing.has(Variables.SWDOWN)
        && forcing.has(Variables.LWDOWN)) {
      double[] sw = forcing.values(Variables.SWDOWN);
      double[] lw = forcing.values(Variables.LWDOWN);
      double[] up = predictions.values(Variables.LWUP);
      rn = new double[sw.length];
      for (int i = 0; i < rn.length; i++) {
        rn[i] = (1 - albedo) * sw[i] + lw[i] - up[i];
      }
    } else {
      return Optional.empty();
    }
    double[] g = predictions.values(Variables.QG);
    double[] r = new double[g.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = rn[i] - g[i] - turb[i];
    }
    return Optional.of(r);
  }

  /** Statistics of the residual over [from, to) with a tolerance in W m-2; NaN steps skipped. */
  public static Optional<EnergyBalance> energyBalance(Frame predictions, Frame forcing,
      double albedo, int from, int to, double toleranceWm2) {
    return energyBalanceResidual(predictions, forcing, albedo).map(r -> {
      double sum = 0;
      int bad = 0;
      int n = 0;
      for (int i = from; i < to; i++) {
        if (!Double.isNaN(r[i])) {
          sum += Math.abs(r[i]);
          bad += Math.abs(r[i]) > toleranceWm2 ? 1 : 0;
          n++;
        }
      }
      return new EnergyBalance(n == 0 ? Double.NaN : sum / n, n == 0 ? Double.NaN
          : (double) bad / n, n);
    });
  }

  private static double[] add(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = a[i] + b[i];
    }
    return c;
  }
}
