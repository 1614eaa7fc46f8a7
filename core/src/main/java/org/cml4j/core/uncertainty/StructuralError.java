package org.cml4j.core.uncertainty;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.PredictiveDistribution;

/**
 * Structural-error term for outputs that have no residuals (targets never observed: unobserved
 * soil depths, a flux no sensor measured, {@code --predict} variables). In the decomposition of
 * Kennedy &amp; O'Hagan (2001), y = η(x, θ) + δ(x) + ε, the parameter part η(x, θ) of such an output
 * is propagated by the coupling itself (Laplace spread J_t Σ J_tᵀ, filter or ensemble spread); the
 * discrepancy δ + ε cannot be estimated where there are no residuals, so its scale is transferred
 * from the observed outputs of the same coupling (their {@link HeldOut} noise scales, the part of
 * the held-out error the coupling's own spread does not explain), by this rule:
 *
 * <ol>
 *   <li><b>Same kind</b> (an observed output in the same unit, e.g. soil temperature at another
 *       depth, or another energy flux in W m-2): the <em>largest</em> donor noise scale, unscaled.
 *       The nearest observed depth was considered and rejected: the structural error is not
 *       monotone in depth (a wrong bottom temperature or diffusivity shows most at depth, where the
 *       signal is smallest), so the largest observed scale is the conservative choice.</li>
 *   <li><b>No output of the same kind</b> (e.g. the ground heat flux when only temperatures are
 *       observed): relative transfer, δ_v = max_d (s_d / sd_d) · sd_v, with s_d the donor's noise
 *       scale and sd the standard deviation of the coupling's own prediction over training and
 *       validation: the same unexplained fraction of the signal's variability as the worst
 *       observed output (an error proportional to the signal, as the proportional structural-error
 *       models of the smash hydrological platform assume, with the signal's variability in place
 *       of its value).</li>
 * </ol>
 *
 * Assumptions, stated: the error process of an unobserved output is no larger (same kind) or no
 * larger relative to its signal (other kinds) than that of the worst observed output; it is
 * Gaussian and independent of the parameter spread. The benchmark scores it on the twin's unobserved
 * depths and huang2025's Qg and 20 cm temperature (docs/UNCERTAINTY.md), where it misses.
 */
public final class StructuralError {
  private StructuralError() {}

  /**
   * An observed output whose held-out residuals give a structural-error scale.
   *
   * @param name variable name
   * @param unit its unit
   * @param scale held-out noise scale (target units)
   * @param signalSd standard deviation of the coupling's prediction of it over training and
   *     validation (target units)
   */
  public record Donor(String name, String unit, double scale, double signalSd) {}

  /**
   * The transferred scale {@code factor × donor.scale}.
   *
   * @param donor the observed output it is taken from
   * @param factor 1 for the same kind, sd_v / sd_d for relative transfer
   */
  public record Transfer(Donor donor, double factor) {
    /** The structural-error standard deviation (target units). */
    public double scale() {
      return factor * donor.scale();
    }

    /** Method-name suffix, e.g. {@code +structural(SoilTemp_0.05)}. */
    public String label() {
      return "+structural(" + donor.name() + (factor == 1 ? "" : " relative") + ")";
    }
  }

  /**
   * The rule above for an output of {@code unit} whose prediction has standard deviation
   * {@code signalSd}; null when no donor has a finite scale (or, for relative transfer, a
   * positive signal standard deviation).
   */
  public static Transfer transfer(String unit, double signalSd, Collection<Donor> donors) {
    Transfer best = null;
    for (Donor d : donors) {
      if (d.unit().equals(unit) && Double.isFinite(d.scale())
          && (best == null || d.scale() > best.scale())) {
        best = new Transfer(d, 1);
      }
    }
    if (best != null || !(signalSd > 0) || !Double.isFinite(signalSd)) {
      return best;
    }
    for (Donor d : donors) {
      if (Double.isFinite(d.scale()) && d.signalSd() > 0 && Double.isFinite(d.signalSd())) {
        Transfer t = new Transfer(d, signalSd / d.signalSd());
        if (best == null || t.scale() > best.scale()) {
          best = t;
        }
      }
    }
    return best;
  }

  /**
   * The donor of {@code target} for a coupling whose prediction is {@code point} with its own
   * spread {@code spread} (null: none): its {@link HeldOut#noiseScale}; null when the target has
   * fewer than 2 held-out observations.
   */
  public static Donor donor(CouplingTask task, String target, double[] point, double[] spread) {
    if (!task.observations().has(target)) {
      return null;
    }
    double s = HeldOut.of(task, target).noiseScale(task.observations().values(target), point,
        spread);
    return Double.isNaN(s) ? null : new Donor(target, task.targetSpec(target).unit(), s,
        signalSd(task, point));
  }

  /** Population standard deviation of the finite values of {@code x} before the test period. */
  public static double signalSd(CouplingTask task, double[] x) {
    int end = Math.min(x.length, task.split().validationEnd());
    org.apache.commons.math3.stat.descriptive.moment.StandardDeviation sd =
        new org.apache.commons.math3.stat.descriptive.moment.StandardDeviation(false);
    for (int t = 0; t < end; t++) {
      if (Double.isFinite(x[t])) {
        sd.increment(x[t]);
      }
    }
    return sd.getN() < 2 ? Double.NaN : sd.getResult();
  }

  /**
   * Gaussian distributions N(point_v, spread_v² + δ_v²) for the {@code points} (targets without
   * residuals), δ_v transferred from {@code donors}; a target no donor can serve is left out.
   *
   * @param method the coupling's method name (gets {@link Transfer#label()})
   * @param spreads the coupling's own spread per target (missing or null: none)
   */
  public static Map<String, PredictiveDistribution> gaussians(String method, CouplingTask task,
      Map<String, double[]> points, Map<String, double[]> spreads, Collection<Donor> donors) {
    Map<String, PredictiveDistribution> out = new LinkedHashMap<>();
    for (var e : points.entrySet()) {
      double[] mean = e.getValue();
      Transfer tr = transfer(task.targetSpec(e.getKey()).unit(), signalSd(task, mean), donors);
      if (tr == null) {
        continue;
      }
      double[] own = spreads.get(e.getKey());
      double[] sd = own == null ? Predictives.constant(mean.length, tr.scale())
          : Predictives.addInQuadrature(own, tr.scale());
      out.put(e.getKey(), Predictives.gaussian(method + tr.label(), mean, sd));
    }
    return out;
  }
}
