package org.cml4j.lsm.posterior;

import org.cml4j.lsm.estimation.FitParam;

/**
 * Prior of one fitted coordinate, and the unconstrained coordinate the sampler moves in.
 * <ul>
 *   <li>{@link Kind#UNIFORM}: uniform on [lo, hi] in physical units (default: the
 *   {@link FitParam} bounds); sampled in u = logit((theta - lo)/(hi - lo)), so the log density
 *   in u carries the Jacobian log(hi - lo) + log s + log(1 - s), s = logistic(u).</li>
 *   <li>{@link Kind#NORMAL}: normal(a, b) truncated to the FitParam bounds, same logit
 *   coordinate.</li>
 *   <li>{@link Kind#LOGNORMAL}: log theta ~ normal(a, b) (positive parameters only); sampled in
 *   u = log theta, Jacobian u; values outside the FitParam bounds have zero density.</li>
 * </ul>
 *
 * @param param the coordinate
 * @param kind prior family
 * @param a lower bound (uniform), mean (normal) or mean of log theta (lognormal)
 * @param b upper bound (uniform), SD (normal) or SD of log theta (lognormal)
 */
public record ParameterPrior(FitParam param, Kind kind, double a, double b) {
  /** Prior families. */
  public enum Kind { UNIFORM, NORMAL, LOGNORMAL }

  public ParameterPrior {
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      throw new IllegalArgumentException("prior of " + param.symbol() + ": non-finite value");
    }
    if (kind == Kind.UNIFORM && !(a >= param.min() && b <= param.max() && a < b)) {
      throw new IllegalArgumentException("prior of " + param.symbol() + ": uniform bounds [" + a
          + ", " + b + "] must be increasing and inside [" + param.min() + ", " + param.max() + "]");
    }
    if (kind != Kind.UNIFORM && !(b > 0)) {
      throw new IllegalArgumentException("prior of " + param.symbol() + ": SD must be > 0, got "
          + b);
    }
    if (kind == Kind.LOGNORMAL && !param.positive()) {
      throw new IllegalArgumentException("prior of " + param.symbol() + ": lognormal needs a"
          + " positive parameter");
    }
  }

  /** Uniform on the parameter's {@link FitParam} bounds. */
  public static ParameterPrior uniform(FitParam p) {
    return new ParameterPrior(p, Kind.UNIFORM, p.min(), p.max());
  }

  /** Lower end of the support. */
  double lo() {
    return kind == Kind.UNIFORM ? a : param.min();
  }

  /** Upper end of the support. */
  double hi() {
    return kind == Kind.UNIFORM ? b : param.max();
  }

  /** Physical value of unconstrained u. */
  public double toPhysical(double u) {
    if (kind == Kind.LOGNORMAL) {
      return Math.exp(u);
    }
    return lo() + (hi() - lo()) * logistic(u);
  }

  /** Unconstrained coordinate of a physical value (clamped just inside the support). */
  public double toUnconstrained(double theta) {
    if (kind == Kind.LOGNORMAL) {
      return Math.log(Math.max(theta, Double.MIN_NORMAL));
    }
    double s = (theta - lo()) / (hi() - lo());
    s = Math.min(1 - 1e-12, Math.max(1e-12, s));
    return Math.log(s / (1 - s));
  }

  /** d theta / d u. */
  double dPhysical(double u) {
    if (kind == Kind.LOGNORMAL) {
      return Math.exp(u);
    }
    double s = logistic(u);
    return (hi() - lo()) * s * (1 - s);
  }

  /**
   * Log prior density in u (prior in theta plus log |d theta / d u|) and its derivative in u:
   * returns {value, derivative}; value -inf outside the support.
   */
  double[] logDensity(double u) {
    double theta = toPhysical(u);
    if (!(theta >= param.min() && theta <= param.max())) {
      return new double[] {Double.NEGATIVE_INFINITY, 0};
    }
    double dth = dPhysical(u);
    double lp;
    double dlp;
    switch (kind) {
      case NORMAL -> {
        double z = (theta - a) / b;
        lp = -0.5 * z * z;
        dlp = -z / b;
      }
      case LOGNORMAL -> {
        double z = (u - a) / b;
        return new double[] {-0.5 * z * z, -z / b};
      }
      default -> {
        lp = 0;
        dlp = 0;
      }
    }
    double s = logistic(u);
    double logJ = Math.log(hi() - lo()) - softplus(-u) - softplus(u);
    return new double[] {lp + logJ, dlp * dth + (1 - 2 * s)};
  }

  static double logistic(double u) {
    return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
  }

  static double softplus(double u) {
    return u > 30 ? u : Math.log1p(Math.exp(u));
  }
}
