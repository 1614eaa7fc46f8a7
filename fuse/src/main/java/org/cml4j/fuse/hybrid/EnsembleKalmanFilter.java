package org.cml4j.fuse.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.assimilation.EnsembleAnalysis;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;

/**
 * A stochastic ensemble Kalman filter (Evensen 1994; perturbed observations, Burgers et al. 1998)
 * for the soil-temperature profile of the mechanism model. Each member runs the column one step at
 * a time with its own model-error heat flux at the surface (an AR(1) series added to LWdown, i.e.
 * to the surface energy balance); at every step with observations the members are updated with the
 * ensemble Kalman gain, the observation operator being any model output (soil temperature by
 * interpolation, surface temperature, fluxes through the surface energy balance). The bottom node
 * keeps its Dirichlet value. Without observations (e.g. the test period) the ensemble runs free.
 * The analysis is the shared {@link EnsembleAnalysis}.
 *
 * @param members ensemble size (>= 4)
 * @param modelErrorSd standard deviation of the model-error surface flux [W m-2]
 * @param modelErrorHours e-folding time of the model-error flux [h]
 * @param initialSd standard deviation of the initial near-surface perturbation [K]
 * @param seed seed of all perturbations
 */
public record EnsembleKalmanFilter(int members, double modelErrorSd, double modelErrorHours,
    double initialSd, long seed) {
  public EnsembleKalmanFilter {
    if (members < 4 || !(modelErrorSd >= 0) || !(modelErrorHours > 0) || !(initialSd >= 0)) {
      throw new IllegalArgumentException("EnKF needs >= 4 members, model-error sd >= 0, e-folding"
          + " time > 0, initial sd >= 0; got " + members + ", " + modelErrorSd + ", "
          + modelErrorHours + ", " + initialSd);
    }
  }

  /**
   * Runs the filter.
   *
   * @param model the column model
   * @param p constant parameters
   * @param forcing forcing (including any deterministic correction)
   * @param initial initial state
   * @param observed observed outputs
   * @param obs observations [output][time] (NaN = none)
   * @param obsSd observation error standard deviation per observed output
   * @param assimilateEnd observations at rows >= this are ignored
   * @param outputs outputs to return (ensemble mean of the analysis)
   * @return ensemble-mean outputs [output][time]
   */
  public double[][] run(SoilColumnModel model, ColumnParameters p, SurfaceForcing forcing,
      InitialState initial, List<Output> observed, double[][] obs, double[] obsSd,
      int assimilateEnd, List<Output> outputs) {
    if (p.maxSeriesLength() != 1) {
      throw new IllegalArgumentException("the EnKF runs with constant parameters only");
    }
    int n = forcing.length();
    int nodes = model.grid().nodes();
    double dt = model.grid().dt();
    Random rnd = new Random(seed);
    double[][] x = new double[members][nodes];
    double[] base = new double[nodes];
    initial.fill(base, p);
    for (int i = 0; i < members; i++) {
      double a = initialSd * rnd.nextGaussian();
      for (int j = 0; j < nodes - 1; j++) {
        x[i][j] = base[j] + a * Math.exp(-model.grid().nodeDepth(j) / 0.2);
      }
      x[i][nodes - 1] = base[nodes - 1];
    }
    double phi = Math.exp(-dt / 3600.0 / modelErrorHours);
    double innov = modelErrorSd * Math.sqrt(1 - phi * phi);
    double[] err = new double[members];
    for (int i = 0; i < members; i++) {
      err[i] = modelErrorSd * rnd.nextGaussian();
    }
    OutputOperator hObs = new OutputOperator(observed, model.grid());
    OutputOperator hOut = new OutputOperator(outputs, model.grid());
    double[][] mean = new double[outputs.size()][n];
    LevelValues v = new LevelValues();
    double[] y = new double[outputs.size()];
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        for (int i = 0; i < members; i++) {
          err[i] = phi * err[i] + innov * rnd.nextGaussian();
          SurfaceForcing f2 = new SurfaceForcing(
              new double[] {forcing.kdown()[k - 1], forcing.kdown()[k]},
              new double[] {forcing.ldown()[k - 1], clampLw(forcing.ldown()[k] + err[i])},
              new double[] {forcing.ta()[k - 1], forcing.ta()[k]});
          x[i] = model.simulate(p, f2, InitialState.profile(clampT(x[i]))).state(1).clone();
        }
      }
      v.load(p, forcing, k);
      if (k < assimilateEnd) {
        update(x, hObs, v, obs, obsSd, k, rnd);
      }
      for (int i = 0; i < members; i++) {
        hOut.evaluate(x[i], v, y);
        for (int o = 0; o < y.length; o++) {
          mean[o][k] += y[o] / members;
        }
      }
    }
    return mean;
  }

  /** Stochastic EnKF analysis at step k with the observations available there. */
  private void update(double[][] x, OutputOperator h, LevelValues v, double[][] obs,
      double[] obsSd, int k, Random rnd) {
    List<Integer> avail = new ArrayList<>();
    for (int o = 0; o < obs.length; o++) {
      if (!Double.isNaN(obs[o][k])) {
        avail.add(o);
      }
    }
    if (avail.isEmpty()) {
      return;
    }
    int m = avail.size();
    int nodes = x[0].length;
    double[][] hx = new double[members][m];
    double[] all = new double[obs.length];
    for (int i = 0; i < members; i++) {
      h.evaluate(x[i], v, all);
      for (int j = 0; j < m; j++) {
        hx[i][j] = all[avail.get(j)];
      }
    }
    double[] y = new double[m];
    double[] sd = new double[m];
    for (int a = 0; a < m; a++) {
      y[a] = obs[avail.get(a)][k];
      sd[a] = obsSd[avail.get(a)];
    }
    EnsembleAnalysis.update(x, hx, EnsembleAnalysis.gain(x, hx, sd), y, sd, rnd, nodes - 1);
  }

  private static double clampLw(double v) {
    return Math.max(0, Math.min(1000, v));
  }

  private static double[] clampT(double[] x) {
    for (int j = 0; j < x.length; j++) {
      x[j] = Math.max(151, Math.min(399, x[j]));
    }
    return x;
  }
}
