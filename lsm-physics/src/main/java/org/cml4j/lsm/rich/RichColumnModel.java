package org.cml4j.lsm.rich;

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
 * <p>Each sub-step is a {@link RichColumnStep} (finite volumes: node conductances are harmonic
 * means of neighbouring node conductivities, the surface node owns a half cell; LWdown fully
 * absorbed as in the simple model) with the soil's node properties at the level's moisture and
 * the exchange coefficient at the sub-step's time. With uniform properties, one sub-step and held
 * forcing this is the simple model's discretisation ({@code org.cml4j.lsm.solver.StepKernel}).
 * Each step is a Thomas elimination from the bottom plus a scalar Newton solve of the surface row,
 * so the cost is linear in nodes x sub-steps: the 1 mm / 1 minute reference (1001 nodes, 60
 * sub-steps) is about 600 times the work of the paper's 1 cm / 1 h column.
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
    RichColumnStep step = new RichColumnStep(nodes, dx(), forcingStep / substeps, surface.alpha(),
        surface.eps(), surface.tb(), false);
    double[] cap = new double[nodes];
    double[] lam = new double[nodes];
    double[] cur = initial.clone();
    double[] kd = forcing.kdown();
    double[] ld = forcing.ldown();
    double[] ta = forcing.ta();
    for (int k = 1; k < levels; k++) {
      if (k == 1 || !soil.moistureIndependent()) {
        for (int i = 0; i < nodes; i++) {
          double z = i * dx();
          double th = moisture == null ? 0 : moisture.at(z, k);
          lam[i] = soil.conductivity(z, th);
          cap[i] = soil.heatCapacity(z, th);
        }
        step.properties(cap, lam);
      }
      for (int j = 1; j <= substeps; j++) {
        double a = (double) j / substeps;
        step.advance(cur, at(kd[k - 1], kd[k], a), at(ld[k - 1], ld[k], a),
            at(ta[k - 1], ta[k], a), at(surface.hbetaAt(k - 1), surface.hbetaAt(k), a), k);
      }
      states[k] = cur.clone();
    }
    return new RichTrajectory(this, surface, forcing, states);
  }

  /** A value at fraction {@code a} of a forcing interval: interpolated, or held at its end. */
  private double at(double start, double end, double a) {
    return linearForcing ? start + a * (end - start) : end;
  }
}
