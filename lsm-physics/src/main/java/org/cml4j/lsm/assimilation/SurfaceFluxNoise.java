package org.cml4j.lsm.assimilation;

import java.util.Random;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;

/**
 * Model error as a heat flux at the surface: each member carries its own AR(1) series
 * {@code e_k = phi e_(k-1) + sd sqrt(1 - phi^2) w_k}, {@code phi = exp(-dt / tau)}, stationary
 * standard deviation {@code sd}, added to LWdown (i.e. to the surface energy balance; the
 * perturbed LWdown is kept within [0, 1000] W m-2). The noise model of the fusion hybrid's filter.
 *
 * @param sd stationary standard deviation [W m-2], >= 0
 * @param hours e-folding time tau [h], > 0
 */
public record SurfaceFluxNoise(double sd, double hours) implements ForecastNoise {
  public SurfaceFluxNoise {
    if (!(sd >= 0) || !(hours > 0)) {
      throw new IllegalArgumentException("model-error flux needs sd >= 0 W m-2 and an e-folding"
          + " time > 0 h; got " + sd + ", " + hours);
    }
  }

  @Override
  public Run start(int members, ModelGrid grid, Random rnd) {
    double phi = Math.exp(-grid.dt() / 3600.0 / hours);
    double innovation = sd * Math.sqrt(1 - phi * phi);
    double[] err = new double[members];
    for (int i = 0; i < members; i++) {
      err[i] = sd * rnd.nextGaussian();
    }
    return new Run() {
      @Override
      public void beforeStep(int i, LevelValues v, Random r) {
        err[i] = phi * err[i] + innovation * r.nextGaussian();
        v.ldown = Math.max(0, Math.min(1000, v.ldown + err[i]));
      }
    };
  }
}
