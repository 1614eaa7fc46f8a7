package org.cml4j.embed.adjustment;

import org.cml4j.core.features.DayCycle;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.rich.Profiles;

/**
 * Features and corrections on a few control depths for networks acting inside the column's time
 * loop (learned model error, emulated analysis): translation-invariant state features (surface
 * minus air temperature, differences between successive control depths and from the deepest one
 * to the bottom), the radiative forcing, the hour of day and auxiliary inputs; and the
 * interpolation of a correction given at the control depths onto every node, tapering to zero.
 *
 * @param grid model grid
 * @param control control depths [m], from 0, increasing
 * @param taper depth [m] at and below which corrections vanish
 */
public record StateFeatures(ModelGrid grid, double[] control, double taper) {
  /** Control depths 0–0.35 m tapering at 0.5 m. */
  public static StateFeatures standard(ModelGrid grid) {
    return new StateFeatures(grid, new double[] {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.35}, 0.5);
  }

  public StateFeatures {
    control = control.clone();
  }

  /** Number of state and forcing features (before the {@code extra} ones). */
  public int size(int extra) {
    return control.length + 5 + extra;
  }

  /** Temperatures of a state at the control depths. */
  public double[] sample(double[] state) {
    double[] z = grid.nodeDepths();
    double[] out = new double[control.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = Profiles.interpolate(z, state, control[j]);
    }
    return out;
  }

  /** The analysis increment at the control depths: {@code sample(analysis) - sample(forecast)}. */
  public double[] increment(double[] analysis, double[] forecast) {
    double[] inc = sample(analysis);
    double[] f = sample(forecast);
    for (int j = 0; j < inc.length; j++) {
      inc[j] -= f[j];
    }
    return inc;
  }

  /** Writes the features of {@code state} at a level into {@code in} (length {@link #size}). */
  public void features(double[] state, LevelValues v, double hour, double[] extra, double[] in) {
    double[] s = sample(state);
    int nc = control.length;
    in[0] = s[0] - v.ta;
    for (int j = 1; j < nc; j++) {
      in[j] = s[j - 1] - s[j];
    }
    in[nc] = s[nc - 1] - state[state.length - 1];
    in[nc + 1] = v.kdown;
    in[nc + 2] = v.ldown;
    in[nc + 3] = DayCycle.sinHour(hour);
    in[nc + 4] = DayCycle.cosHour(hour);
    System.arraycopy(extra, 0, in, nc + 5, extra.length);
  }

  /** Adds a correction given at the control depths to every node above the taper depth. */
  public void apply(double[] correction, double[] state) {
    int nc = control.length;
    double[] d = java.util.Arrays.copyOf(control, nc + 1);
    d[nc] = taper;
    double[] c = java.util.Arrays.copyOf(correction, nc + 1);
    double dx = grid.dx();
    for (int i = 0; i < state.length - 1 && i * dx < taper; i++) {
      state[i] += Profiles.interpolate(d, c, i * dx);
    }
  }
}
