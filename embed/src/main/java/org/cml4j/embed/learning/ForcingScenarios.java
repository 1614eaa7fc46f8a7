package org.cml4j.embed.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Seeded perturbed copies of a forcing series, to widen the range of states an emulator or a
 * learned correction is trained on: shortwave scaled by U(0.75, 1.2), air temperature shifted by
 * N(0, 2.5 K) and longwave by N(0, 15 W m-2), then clipped to the physical ranges. The first
 * scenario is the unperturbed forcing.
 */
public final class ForcingScenarios {
  private ForcingScenarios() {}

  /** {@code n} scenarios (the first unperturbed). */
  public static List<SurfaceForcing> of(SurfaceForcing base, int n, long seed) {
    Random rnd = new Random(seed);
    List<SurfaceForcing> out = new ArrayList<>();
    out.add(base);
    for (int s = 1; s < n; s++) {
      double ks = 0.75 + 0.45 * rnd.nextDouble();
      double dt = 2.5 * rnd.nextGaussian();
      double dl = 15 * rnd.nextGaussian();
      int len = base.length();
      double[] k = new double[len];
      double[] l = new double[len];
      double[] t = new double[len];
      for (int i = 0; i < len; i++) {
        k[i] = Math.min(1400, Math.max(0, base.kdown()[i]) * ks);
        l[i] = Math.min(990, Math.max(10, base.ldown()[i] + dl));
        t[i] = Math.min(340, Math.max(160, base.ta()[i] + dt));
      }
      out.add(new SurfaceForcing(k, l, t));
    }
    return out;
  }
}
