package org.cml4j.embed.physics;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.List;
import java.util.Map;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.Profiles;

/**
 * The simple model's outputs (SoilTemp_&lt;m&gt;, SurfTemp, Qg, LWup, QhQle, Rnet) evaluated on
 * temperature profiles given at arbitrary depths (the first at the surface), e.g. the coarse state
 * of a column emulator: soil temperatures are interpolated linearly, fluxes follow from the surface
 * temperature through the energy balance with the given constant parameters.
 */
public final class ProfileOutputs {
  private ProfileOutputs() {}

  /**
   * Outputs [output][level] of profiles [level][depth].
   *
   * @param params alpha, eps and hbeta (others ignored)
   */
  public static double[][] evaluate(List<String> names, double[] depths, double[][] profiles,
      SurfaceForcing f, Map<String, Double> params) {
    if (depths[0] != 0) {
      throw new IllegalArgumentException("profile depths must start at the surface (0 m), got "
          + depths[0]);
    }
    double alpha = params.get("alpha");
    double eps = params.get("eps");
    double hbeta = params.get("hbeta");
    double[][] y = new double[names.size()][profiles.length];
    for (int j = 0; j < names.size(); j++) {
      Output o = Output.parse(names.get(j));
      for (int k = 0; k < profiles.length; k++) {
        double ts = profiles[k][0];
        double emit = eps * SIGMA * ts * ts * ts * ts;
        double rn = (1 - alpha) * f.kdown()[k] + f.ldown()[k] - emit;
        double turb = hbeta * (ts - f.ta()[k]);
        y[j][k] = switch (o.kind()) {
          case SOIL_TEMPERATURE -> Profiles.interpolate(depths, profiles[k], o.depth());
          case SURFACE_TEMPERATURE -> ts;
          case GROUND_HEAT_FLUX -> rn - turb;
          case LONGWAVE_UP -> emit + (1 - eps) * f.ldown()[k];
          case TURBULENT_FLUX -> turb;
          case NET_RADIATION -> rn;
        };
      }
    }
    return y;
  }
}
