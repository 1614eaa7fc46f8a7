package org.cml4j.lsm.rich;

import static org.cml4j.lsm.model.Output.SIGMA;

/**
 * The heat step of the rich soil columns: one backward-Euler step of
 * {@code C(z) dT/dt = d/dz (lambda(z) dT/dz)} on {@code nodes} equally spaced nodes with node
 * properties set per step, the surface energy balance of Huang, Heaney &amp; van Reeuwijk (2025)
 * as flux condition and a Dirichlet bottom. The one implementation behind {@link RichColumnModel}
 * (prescribed properties and exchange coefficient, any number of sub-steps) and the structural
 * twin's truth model in {@code org.cml4j.testbeds.twin} (properties and exchange coefficient from
 * its coupled water state, set by the caller between steps).
 *
 * <p>Finite volumes, each row multiplied by {@code dx^2}:
 * <pre>
 *   interior:  m_i (T_i' - T_i) = k_i (T_{i+1}' - T_i') - k_{i-1} (T_i' - T_{i-1}'),
 *              m_i = C_i dx^2 / tau, k_i = 2 lambda_i lambda_{i+1} / (lambda_i + lambda_{i+1})
 *   surface:   (m_0 / 2)(T_0' - T_0) = dx G(T_0') - k_0 (T_0' - T_1')       (half cell)
 *              G = (1 - alpha) Kdown + a Ldown - eps sigma T_0^4 - hbeta (T_0 - Ta)
 *   bottom:    T_{N-1}' = Tb
 * </pre>
 * with {@code a = eps} (Kirchhoff: LWdown absorbed with the emissivity) or {@code a = 1} (the
 * simple model's convention). The interior rows are eliminated from the bottom (Thomas,
 * {@code den_i = m_i + k_{i-1} + k_i - k_i q_{i+1}}, factored once per {@link #properties} call),
 * leaving one scalar equation in {@code T_0'} solved by Newton to 1e-10 K. With uniform properties
 * this is the simple model's discretisation ({@code org.cml4j.lsm.solver.StepKernel}).
 *
 * <p>Not thread-safe: one instance per run.
 */
public final class RichColumnStep {
  private static final double NEWTON_TOLERANCE = 1e-10;
  private static final int NEWTON_MAX = 60;

  private final int nodes;
  private final double dx;
  private final double tau;
  private final double albedo;
  private final double eps;
  private final double tb;
  private final double lwAbsorptivity;
  private final double[] m;
  private final double[] k;
  private final double[] q;
  private final double[] den;
  private final double[] p;
  private boolean ready;

  /**
   * A step of length {@code tau} on {@code nodes} nodes {@code dx} apart.
   *
   * @param nodes number of nodes (surface to bottom), at least 3
   * @param dx node spacing [m]
   * @param tau step length [s]
   * @param albedo shortwave albedo [-] in [0, 1]
   * @param eps longwave emissivity [-] in (0, 1]
   * @param tb bottom (Dirichlet) temperature [K]
   * @param kirchhoff true: LWdown absorbed with absorptivity {@code eps}; false: fully absorbed
   */
  public RichColumnStep(int nodes, double dx, double tau, double albedo, double eps, double tb,
      boolean kirchhoff) {
    if (nodes < 3 || !(dx > 0) || !(tau > 0) || !(albedo >= 0 && albedo <= 1)
        || !(eps > 0 && eps <= 1) || !(tb > 0)) {
      throw new IllegalArgumentException("column step: need nodes >= 3, dx > 0 m, tau > 0 s,"
          + " albedo in [0, 1], eps in (0, 1], Tb > 0 K; got " + nodes + " nodes, dx " + dx
          + " m, tau " + tau + " s, albedo " + albedo + ", eps " + eps + ", Tb " + tb + " K");
    }
    this.nodes = nodes;
    this.dx = dx;
    this.tau = tau;
    this.albedo = albedo;
    this.eps = eps;
    this.tb = tb;
    this.lwAbsorptivity = kirchhoff ? eps : 1;
    this.m = new double[nodes];
    this.k = new double[nodes];
    this.q = new double[nodes];
    this.den = new double[nodes];
    this.p = new double[nodes];
  }

  /**
   * Sets the node properties for the following steps and factors the interior rows.
   *
   * @param capacity volumetric heat capacity of each node [J m-3 K-1], each &gt; 0
   * @param conductivity thermal conductivity of each node [W m-1 K-1], each &gt; 0
   */
  public void properties(double[] capacity, double[] conductivity) {
    if (capacity.length != nodes || conductivity.length != nodes) {
      throw new IllegalArgumentException("column step: " + capacity.length + " capacities and "
          + conductivity.length + " conductivities for " + nodes + " nodes");
    }
    for (int i = 0; i < nodes; i++) {
      if (!(capacity[i] > 0) || !(conductivity[i] > 0)) {
        throw new IllegalArgumentException("column step: node " + i + " has heat capacity "
            + capacity[i] + " J m-3 K-1 and conductivity " + conductivity[i]
            + " W m-1 K-1, both must be > 0");
      }
      m[i] = capacity[i] * dx * dx / tau;
    }
    for (int i = 0; i < nodes - 1; i++) {
      k[i] = 2 * conductivity[i] * conductivity[i + 1] / (conductivity[i] + conductivity[i + 1]);
    }
    q[nodes - 1] = 0;
    for (int i = nodes - 2; i >= 1; i--) {
      den[i] = m[i] + k[i - 1] + k[i] - k[i] * q[i + 1];
      q[i] = k[i - 1] / den[i];
    }
    ready = true;
  }

  /**
   * Advances {@code t} (one temperature per node [K], overwritten) by one step with the forcing
   * and exchange coefficient at the new time.
   *
   * @param kdown downwelling shortwave [W m-2]
   * @param ldown downwelling longwave [W m-2]
   * @param ta air temperature [K]
   * @param hbeta turbulent exchange coefficient for QH + QE [W m-2 K-1]
   * @param level forcing level, named if the surface solve fails
   */
  public void advance(double[] t, double kdown, double ldown, double ta, double hbeta,
      int level) {
    if (!ready) {
      throw new IllegalStateException("column step: properties must be set before a step");
    }
    p[nodes - 1] = tb;
    for (int i = nodes - 2; i >= 1; i--) {
      p[i] = (m[i] * t[i] + k[i] * p[i + 1]) / den[i];
    }
    double c1 = 0.5 * m[0] + k[0] * (1 - q[1]) + dx * hbeta;
    double c4 = dx * eps * SIGMA;
    double rhs = 0.5 * m[0] * t[0] + k[0] * p[1] + dx * ((1 - albedo) * kdown
        + lwAbsorptivity * ldown + hbeta * ta);
    double x = t[0];
    for (int it = 1; ; it++) {
      double x3 = x * x * x;
      double d = (c1 * x + c4 * x3 * x - rhs) / (c1 + 4 * c4 * x3);
      x -= d;
      if (Math.abs(d) <= NEWTON_TOLERANCE) {
        break;
      }
      if (it >= NEWTON_MAX || !(x > 0)) {
        throw new IllegalStateException("soil column: surface Newton failed at level " + level
            + " (Ts = " + x + " K, previous " + t[0] + " K, hbeta " + hbeta + " W m-2 K-1)");
      }
    }
    t[0] = x;
    for (int i = 1; i < nodes; i++) {
      t[i] = p[i] + q[i] * t[i - 1];
    }
  }
}
