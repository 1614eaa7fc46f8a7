package org.cml4j.lsm.model;

import java.util.Arrays;

/**
 * The soil temperature profile at time level 0, affine in the bottom temperature:
 * {@code T_i(0) = base_i + w_i * Tb(0)}. Special cases: uniform at Tb (Huang et al. 2025; base 0,
 * w 1), a fixed profile (w 0), or an observed profile blended towards Tb with depth (see
 * {@code org.cml4j.lsm.data.InitialProfile}), so gradients with respect to Tb include the initial
 * condition when it depends on Tb.
 */
public final class InitialState {
  private static final InitialState UNIFORM_TB = new InitialState(null, null);
  private final double[] base;
  private final double[] tbWeight;

  private InitialState(double[] base, double[] tbWeight) {
    this.base = base;
    this.tbWeight = tbWeight;
  }

  /** Uniform T(x, 0) = Tb at level 0. */
  public static InitialState uniformTb() {
    return UNIFORM_TB;
  }

  /** Explicit profile [K], one value per node, independent of the parameters. */
  public static InitialState profile(double[] temperatures) {
    for (int i = 0; i < temperatures.length; i++) {
      check(i, temperatures[i]);
    }
    return new InitialState(temperatures.clone(), new double[temperatures.length]);
  }

  /**
   * Profile {@code base_i + w_i Tb}, e.g. observed temperatures in the upper nodes (w = 0) blending
   * linearly into Tb at the bottom (w = 1).
   */
  public static InitialState blendedToTb(double[] base, double[] tbWeights) {
    if (base.length != tbWeights.length) {
      throw new IllegalArgumentException("initial profile: " + base.length + " base values but "
          + tbWeights.length + " weights");
    }
    for (int i = 0; i < tbWeights.length; i++) {
      if (!(tbWeights[i] >= 0 && tbWeights[i] <= 1)) {
        throw new IllegalArgumentException("initial profile: Tb weight at node " + i + " is "
            + tbWeights[i] + ", allowed [0, 1]");
      }
    }
    return new InitialState(base.clone(), tbWeights.clone());
  }

  /**
   * Observed temperatures at depths (each {@code {depth m, T K}}, sorted by depth, all above the
   * bottom) interpolated linearly onto the nodes down to the deepest observation, then blended
   * linearly to Tb at the bottom node.
   */
  public static InitialState fromObservedPoints(ModelGrid grid, java.util.List<double[]> pts) {
    if (pts.isEmpty()) {
      throw new IllegalArgumentException("initial profile: no observed temperature points");
    }
    double[] base = new double[grid.nodes()];
    double[] wts = new double[grid.nodes()];
    double zDeep = pts.get(pts.size() - 1)[0];
    double tDeep = pts.get(pts.size() - 1)[1];
    for (int i = 0; i < grid.nodes(); i++) {
      double z = grid.nodeDepth(i);
      if (z <= zDeep) {
        base[i] = interpolate(pts, z);
      } else {
        double wgt = (z - zDeep) / (grid.depth() - zDeep);
        wts[i] = wgt;
        base[i] = (1 - wgt) * tDeep;
      }
    }
    return blendedToTb(base, wts);
  }

  private static double interpolate(java.util.List<double[]> pts, double z) {
    if (z <= pts.get(0)[0]) {
      return pts.get(0)[1];
    }
    for (int j = 1; j < pts.size(); j++) {
      if (z <= pts.get(j)[0]) {
        double[] a = pts.get(j - 1);
        double[] b = pts.get(j);
        return a[1] + (b[1] - a[1]) * (z - a[0]) / (b[0] - a[0]);
      }
    }
    return pts.get(pts.size() - 1)[1];
  }

  private static void check(int i, double t) {
    if (!(t > 150 && t < 400)) {
      throw new IllegalArgumentException("initial profile: node " + i + " temperature " + t
          + " K is outside (150, 400) K");
    }
  }

  /** Whether the level-0 state depends on Tb. */
  public boolean dependsOnTb() {
    if (tbWeight == null) {
      return true;
    }
    for (double w : tbWeight) {
      if (w != 0) {
        return true;
      }
    }
    return false;
  }

  /** d T_i(0) / d Tb. */
  public double tbWeight(int i) {
    return tbWeight == null ? 1.0 : tbWeight[i];
  }

  /** Writes the level-0 state for the given parameters into {@code x}. */
  public void fill(double[] x, ColumnParameters p) {
    fill(x, p.value(Param.TB, 0));
  }

  /**
   * Writes the level-0 state for a bottom temperature {@code tb} [K] at level 0 into {@code x}
   * (one value per node); fails naming the node if a blended value leaves (150, 400) K.
   */
  public void fill(double[] x, double tb) {
    if (base == null) {
      Arrays.fill(x, tb);
      return;
    }
    if (base.length != x.length) {
      throw new IllegalArgumentException("initial profile has " + base.length + " values but the"
          + " grid has " + x.length + " nodes");
    }
    for (int i = 0; i < x.length; i++) {
      x[i] = base[i] + tbWeight[i] * tb;
      if (tbWeight[i] != 0) {
        check(i, x[i]);
      }
    }
  }
}
