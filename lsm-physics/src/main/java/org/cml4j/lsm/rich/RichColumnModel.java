package org.cml4j.lsm.rich;

import static org.cml4j.lsm.model.Output.SIGMA;

import org.cml4j.lsm.model.SurfaceForcing;

/**
 * A richer, forward-only soil column used as the "truth" of twin experiments and as the expensive
 * high-resolution reference: the heat equation {@code C(z,t) dT/dt = d/dz (lambda(z,t) dT/dz)} on
 * {@code nodes} equally spaced nodes with depth- and moisture-dependent properties
 * ({@link SoilProperties}, {@link MoistureField}), the surface energy balance of Huang, Heaney
 * &amp; van Reeuwijk (2025) as flux condition (with a time-varying exchange coefficient), a Dirichlet
 * bottom, and backward Euler with {@code substeps} sub-steps per forcing interval (forcing
 * interpolated linearly in time, or held at the new level like the simple model).
 *
 * <p>Finite volumes: node conductances are harmonic means of neighbouring node conductivities, the
 * surface node owns a half cell. With uniform properties, one sub-step and held forcing this is
 * exactly the simple model's discretisation ({@code org.cml4j.lsm.solver.StepKernel}). Each step
 * is a Thomas elimination from the bottom plus a scalar Newton solve of the surface row, so the
 * cost is linear in nodes x sub-steps: the 1 mm / 1 minute reference (1001 nodes, 60 sub-steps) is
 * about 600 times the work of the paper's 1 cm / 1 h column.
 *
 * @param nodes number of nodes (surface to bottom), at least 3
 * @param depth column depth [m]
 * @param forcingStep forcing interval [s] (one output level per interval)
 * @param substeps backward-Euler sub-steps per forcing interval, at least 1
 * @param soil soil properties
 * @param linearForcing true: forcing and hbeta interpolated linearly within the interval; false:
 *     held at the new level (the simple model's convention)
 */
public record RichColumnModel(int nodes, double depth, double forcingStep, int substeps,
    SoilProperties soil, boolean linearForcing) {
  private static final double NEWTON_TOLERANCE = 1e-10;

  public RichColumnModel {
    if (nodes < 3 || !(depth > 0) || !(forcingStep > 0) || substeps < 1 || soil == null) {
      throw new IllegalArgumentException("rich column: need nodes >= 3, depth > 0 m, forcing step"
          + " > 0 s, substeps >= 1 and soil properties; got " + nodes + " nodes, " + depth + " m, "
          + forcingStep + " s, " + substeps + " substeps, soil " + soil);
    }
  }

  /** The expensive reference: 1 mm nodes over 1 m, 1-minute sub-steps of hourly forcing. */
  public static RichColumnModel fineReference(SoilProperties soil) {
    return new RichColumnModel(1001, 1.0, 3600, 60, soil, true);
  }

  /** Node spacing [m]. */
  public double dx() {
    return depth / (nodes - 1);
  }

  /** Depths of the nodes [m]. */
  public double[] nodeDepths() {
    double[] z = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      z[i] = i * dx();
    }
    return z;
  }

  /** A uniform initial profile at {@code t} [K]. */
  public double[] uniformState(double t) {
    double[] x = new double[nodes];
    java.util.Arrays.fill(x, t);
    return x;
  }

  /**
   * Profile on this model's nodes interpolated linearly from values at {@code depths} (increasing,
   * the first usually 0), constant above the first and below the last point.
   */
  public double[] interpolatedState(double[] depths, double[] temperatures) {
    double[] x = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      x[i] = Profiles.interpolate(depths, temperatures, i * dx());
    }
    return x;
  }

  /**
   * Runs over all levels of {@code forcing} from {@code initial} (one temperature per node).
   *
   * @param moisture water content, at least as many levels as the forcing (ignored by
   *     moisture-independent soils; may then be null)
   */
  public RichTrajectory run(SurfaceSpec surface, SurfaceForcing forcing, MoistureField moisture,
      double[] initial) {
    int levels = forcing.length();
    if (initial.length != nodes) {
      throw new IllegalArgumentException("initial profile has " + initial.length
          + " values for " + nodes + " nodes");
    }
    if (surface.timeVarying() && surface.hbeta().length < levels) {
      throw new IllegalArgumentException("hbeta series has " + surface.hbeta().length
          + " levels, the forcing " + levels);
    }
    if (!soil.moistureIndependent() && (moisture == null || moisture.levels() < levels)) {
      throw new IllegalArgumentException("moisture-dependent soil needs a moisture field of at"
          + " least " + levels + " levels, got " + (moisture == null ? "none"
          : moisture.levels()));
    }
    double[][] states = new double[levels][];
    states[0] = initial.clone();
    Stepper st = new Stepper();
    double[] cur = initial.clone();
    for (int k = 1; k < levels; k++) {
      if (k == 1 || !soil.moistureIndependent()) {
        st.coefficients(moisture, k);
      }
      st.advance(cur, surface, forcing, k);
      states[k] = cur.clone();
    }
    return new RichTrajectory(this, surface, forcing, states);
  }

  /** Scratch and coefficients of one run (not shared between threads). */
  private final class Stepper {
    private final double[] lam = new double[nodes];
    private final double[] cap = new double[nodes];
    private final double[] w = new double[nodes];
    private final double[] e = new double[nodes];
    private final double[] q = new double[nodes];
    private final double[] den = new double[nodes];
    private final double[] p = new double[nodes];
    private double s0;
    private double g0;

    void coefficients(MoistureField m, int k) {
      double h = dx();
      double tau = forcingStep / substeps;
      for (int i = 0; i < nodes; i++) {
        double z = i * h;
        double th = m == null ? 0 : m.at(z, k);
        lam[i] = soil.conductivity(z, th);
        cap[i] = soil.heatCapacity(z, th);
      }
      for (int i = 1; i < nodes - 1; i++) {
        w[i] = conductance(i - 1) * tau / (cap[i] * h * h);
        e[i] = conductance(i) * tau / (cap[i] * h * h);
      }
      q[nodes - 1] = 0;
      for (int i = nodes - 2; i >= 1; i--) {
        den[i] = 1 + w[i] + e[i] - e[i] * q[i + 1];
        q[i] = w[i] / den[i];
      }
      s0 = 2 * tau / (cap[0] * h);
      g0 = s0 * conductance(0) / h;
    }

    private double conductance(int i) {
      return 2 * lam[i] * lam[i + 1] / (lam[i] + lam[i + 1]);
    }

    void advance(double[] cur, SurfaceSpec s, SurfaceForcing f, int k) {
      double c4 = s0 * s.eps() * SIGMA;
      for (int j = 1; j <= substeps; j++) {
        double a = linearForcing ? (double) j / substeps : 1;
        double kd = lerp(f.kdown(), k, a);
        double ld = lerp(f.ldown(), k, a);
        double ta = lerp(f.ta(), k, a);
        double hb = s.timeVarying() ? s.hbetaAt(k - 1) + a * (s.hbetaAt(k) - s.hbetaAt(k - 1))
            : s.hbetaAt(k);
        p[nodes - 1] = s.tb();
        for (int i = nodes - 2; i >= 1; i--) {
          p[i] = (cur[i] + e[i] * p[i + 1]) / den[i];
        }
        double c1 = 1 + g0 * (1 - q[1]) + s0 * hb;
        double rhs = cur[0] + g0 * p[1] + s0 * ((1 - s.alpha()) * kd + ld + hb * ta);
        double x = cur[0];
        for (int it = 0; ; it++) {
          double x3 = x * x * x;
          double dxn = (c1 * x + c4 * x3 * x - rhs) / (c1 + 4 * c4 * x3);
          x -= dxn;
          if (Math.abs(dxn) <= NEWTON_TOLERANCE) {
            break;
          }
          if (it > 60 || !(x > 0)) {
            throw new IllegalStateException("rich column: surface Newton failed at level " + k
                + " (Ts = " + x + " K, previous " + cur[0] + " K, hbeta " + hb + ")");
          }
        }
        cur[0] = x;
        for (int i = 1; i < nodes; i++) {
          cur[i] = p[i] + q[i] * cur[i - 1];
        }
      }
    }

    private double lerp(double[] v, int k, double a) {
      return v[k - 1] + a * (v[k] - v[k - 1]);
    }
  }
}
