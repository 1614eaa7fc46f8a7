package org.cml4j.core.uncertainty;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.PredictiveDistribution;

/**
 * Split-conformal predictive distributions for any coupling (Vovk et al. 2005; Lei et al. 2018):
 * the residuals y - ŷ on the {@link HeldOut} steps (the validation period, which the coupling's
 * fit did not use, or else the last 20 % of training, in-sample) give a distribution of the error
 * that is added to the point prediction at every step. Member j of {@link #MEMBERS} is ŷ_t plus the
 * residual of rank ⌈(n + 1)τ_j⌉ (τ_j ≥ ½) or ⌊(n + 1)τ_j⌋ (τ_j &lt; ½) at τ_j = (j − ½)/M, so the
 * central 90 % interval is the 5 %–95 % conformal interval: for exchangeable residuals it covers
 * at least 90 % (marginally). Hourly residuals are autocorrelated and the test period may differ
 * in season, so real coverage can miss that; the benchmark measures it.
 */
public final class SplitConformal {
  /** Members of the conformal distribution. */
  public static final int MEMBERS = 50;

  private SplitConformal() {}

  /**
   * Conformal distribution around {@code point} from residuals {@code obs - point} on [from, to).
   */
  public static PredictiveDistribution around(double[] point, double[] obs, HeldOut cal) {
    double[] r = cal.residuals(obs, point);
    if (r.length < 2) {
      throw new IllegalArgumentException("split conformal needs at least 2 held-out residuals in"
          + " steps [" + cal.from() + ", " + cal.to() + "), got " + r.length);
    }
    Arrays.sort(r);
    int n = r.length;
    double[][] m = new double[MEMBERS][point.length];
    for (int j = 0; j < MEMBERS; j++) {
      double tau = (j + 0.5) / MEMBERS;
      int rank = tau >= 0.5 ? (int) Math.ceil((n + 1) * tau) : (int) Math.floor((n + 1) * tau);
      double q = r[Math.max(1, Math.min(n, rank)) - 1];
      for (int t = 0; t < point.length; t++) {
        m[j][t] = point[t] + q;
      }
    }
    return new PredictiveDistribution("split-conformal" + (cal.inSample() ? "(in-sample)" : ""),
        m);
  }

  /**
   * The solution with a split-conformal distribution for every predicted target that has
   * held-out observations in the task (others keep their point prediction only).
   */
  public static CouplingSolution wrap(CouplingTask task, CouplingSolution s) {
    Map<String, PredictiveDistribution> d = new LinkedHashMap<>();
    for (String t : task.targets()) {
      if (s.predictions().has(t) && task.observations().has(t)) {
        HeldOut h = HeldOut.of(task, t);
        double[] obs = task.observations().values(t);
        double[] p = s.predictions().values(t);
        if (h.residuals(obs, p).length >= 2) {
          d.put(t, around(p, obs, h));
        }
      }
    }
    return s.withUncertainty(d, s.posterior());
  }
}
