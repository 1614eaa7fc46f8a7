package org.cml4j.lsm.model;

/**
 * The soil temperature profile at time level 0: either uniform at the bottom temperature Tb (as in
 * Huang et al. 2025, so the initial state depends on the parameter Tb) or an explicit profile, e.g.
 * interpolated from observations (see {@code org.cml4j.lsm.data.InitialProfile}).
 */
public final class InitialState {
  private static final InitialState UNIFORM_TB = new InitialState(null);
  private final double[] profile;

  private InitialState(double[] profile) {
    this.profile = profile;
  }

  /** Uniform T(x, 0) = Tb at level 0. */
  public static InitialState uniformTb() {
    return UNIFORM_TB;
  }

  /** Explicit profile [K], one value per node. */
  public static InitialState profile(double[] temperatures) {
    for (int i = 0; i < temperatures.length; i++) {
      if (!(temperatures[i] > 150 && temperatures[i] < 400)) {
        throw new IllegalArgumentException("initial profile: node " + i + " temperature "
            + temperatures[i] + " K is outside (150, 400) K");
      }
    }
    return new InitialState(temperatures.clone());
  }

  /** Whether the profile is the uniform-Tb default (then dState0/dTb = 1 at every node). */
  public boolean isUniformTb() {
    return profile == null;
  }

  /** Writes the level-0 state for the given grid and parameters into {@code x}. */
  public void fill(double[] x, ColumnParameters p) {
    if (profile == null) {
      java.util.Arrays.fill(x, p.value(Param.TB, 0));
      return;
    }
    if (profile.length != x.length) {
      throw new IllegalArgumentException("initial profile has " + profile.length + " values but the"
          + " grid has " + x.length + " nodes");
    }
    System.arraycopy(profile, 0, x, 0, x.length);
  }
}
