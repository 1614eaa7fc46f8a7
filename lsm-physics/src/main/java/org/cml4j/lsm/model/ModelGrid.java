package org.cml4j.lsm.model;

/**
 * Space-time discretisation of one soil column: {@code nodes} equally spaced nodes from the surface
 * (node 0, depth 0) to the bottom (node {@code nodes-1}, depth {@code depth}), time step {@code dt}.
 *
 * @param nodes number of nodes, at least 3
 * @param depth column depth [m]
 * @param dt time step [s]
 */
public record ModelGrid(int nodes, double depth, double dt) {

  /** The grid of Huang et al. (2025): 101 nodes over 1 m (dx = 0.01 m), hourly steps. */
  public static final ModelGrid HUANG2025 = new ModelGrid(101, 1.0, 3600.0);

  public ModelGrid {
    if (nodes < 3) {
      throw new IllegalArgumentException("ModelGrid: nodes must be >= 3, got " + nodes);
    }
    if (!(depth > 0) || !Double.isFinite(depth)) {
      throw new IllegalArgumentException("ModelGrid: depth must be > 0 m, got " + depth);
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("ModelGrid: dt must be > 0 s, got " + dt);
    }
  }

  /** Node spacing [m]. */
  public double dx() {
    return depth / (nodes - 1);
  }

  /** Depth of node {@code i} [m]. */
  public double nodeDepth(int i) {
    return i * dx();
  }

  /** Depths of all nodes [m]. */
  public double[] nodeDepths() {
    double[] z = new double[nodes];
    for (int i = 0; i < nodes; i++) {
      z[i] = nodeDepth(i);
    }
    return z;
  }
}
