package org.cml4j.core.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
    return shifted("split-conformal" + (cal.inSample() ? "(in-sample)" : ""), point,
        offsets(obs, point, cal), 1);
  }

  /** The sorted conformal residual quantiles q_j, j = 1..{@link #MEMBERS}. */
  static double[] offsets(double[] obs, double[] point, HeldOut cal) {
    double[] r = cal.residuals(obs, point);
    if (r.length < 2) {
      throw new IllegalArgumentException("split conformal needs at least 2 held-out residuals in"
          + " steps [" + cal.from() + ", " + cal.to() + "), got " + r.length);
    }
    Arrays.sort(r);
    int n = r.length;
    double[] q = new double[MEMBERS];
    for (int j = 0; j < MEMBERS; j++) {
      double tau = (j + 0.5) / MEMBERS;
      int rank = tau >= 0.5 ? (int) Math.ceil((n + 1) * tau) : (int) Math.floor((n + 1) * tau);
      q[j] = r[Math.max(1, Math.min(n, rank)) - 1];
    }
    return q;
  }

  private static PredictiveDistribution shifted(String method, double[] point, double[] q,
      double factor) {
    double[][] m = new double[q.length][point.length];
    for (int j = 0; j < q.length; j++) {
      for (int t = 0; t < point.length; t++) {
        m[j][t] = point[t] + factor * q[j];
      }
    }
    return new PredictiveDistribution(method, m);
  }

  /**
   * The solution with a split-conformal distribution for every predicted target that has
   * held-out observations in the task; a predicted target without them gets the conformal
   * residual quantiles of an observed target, chosen and scaled by the {@link StructuralError}
   * rule (the largest residual scale of the same unit, or the largest relative to its signal,
   * scaled by the ratio of signal standard deviations). Without any observed target the
   * solution keeps point predictions only.
   */
  public static CouplingSolution wrap(CouplingTask task, CouplingSolution s) {
    Map<String, PredictiveDistribution> d = new LinkedHashMap<>();
    Map<String, double[]> q = new LinkedHashMap<>();
    List<StructuralError.Donor> donors = new ArrayList<>();
    List<String> unobserved = new ArrayList<>();
    for (String t : task.targets()) {
      if (!s.predictions().has(t)) {
        continue;
      }
      double[] p = s.predictions().values(t);
      StructuralError.Donor dn = StructuralError.donor(task, t, p, null);
      if (dn == null) {
        unobserved.add(t);
        continue;
      }
      HeldOut h = HeldOut.of(task, t);
      double[] obs = task.observations().values(t);
      d.put(t, around(p, obs, h));
      q.put(t, offsets(obs, p, h));
      donors.add(dn);
    }
    for (String t : unobserved) {
      double[] p = s.predictions().values(t);
      StructuralError.Transfer tr = StructuralError.transfer(task.targetSpec(t).unit(),
          StructuralError.signalSd(task, p), donors);
      if (tr != null) {
        d.put(t, shifted("split-conformal" + tr.label(), p, q.get(tr.donor().name()),
            tr.factor()));
      }
    }
    return s.withUncertainty(d, s.posterior());
  }
}
