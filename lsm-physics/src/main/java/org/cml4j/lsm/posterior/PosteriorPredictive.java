package org.cml4j.lsm.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.model.Output;

/**
 * Posterior predictive bands of the observed variables from thinned posterior draws: the model
 * output at each draw (its 5/50/95 % band is the parameter uncertainty) and the same plus simulated
 * residual noise (sigma_k drawn from its conditional posterior given the draw, AR(1) with the
 * draw's rho when sampled), whose 5-95 % band should cover about 90 % of the observations.
 *
 * @param outputs observed variables
 * @param observed observations {@code [k][level]} (NaN where missing)
 * @param modelQ05 5 % of the model output {@code [k][level]}
 * @param modelQ50 median model output
 * @param modelQ95 95 % of the model output
 * @param predQ05 5 % of model output plus noise
 * @param predQ95 95 % of model output plus noise
 * @param sigma drawn noise scales {@code [draw][k]} [observation units]
 * @param coverage fraction of present observations inside [predQ05, predQ95], per variable
 */
public record PosteriorPredictive(List<Output> outputs, double[][] observed, double[][] modelQ05,
    double[][] modelQ50, double[][] modelQ95, double[][] predQ05, double[][] predQ95,
    double[][] sigma, double[] coverage) {

  /**
   * Bands from at most {@code maxDraws} draws, evenly thinned over all chains.
   *
   * @param seed seed of the noise draws
   */
  public static PosteriorPredictive of(LsmPosterior target, PosteriorResult res, int maxDraws,
      long seed) {
    int chains = res.chains();
    int n = res.draws();
    int total = chains * n;
    int step = Math.max(1, (total + maxDraws - 1) / maxDraws);
    int nPar = target.objective().space().dimension();
    List<double[]> thetas = new ArrayList<>();
    List<double[]> rhos = new ArrayList<>();
    for (int i = 0; i < total; i += step) {
      double[] v = res.samples()[i / n][i % n];
      thetas.add(java.util.Arrays.copyOf(v, nPar));
      double[] r = new double[v.length - nPar];
      System.arraycopy(v, nPar, r, 0, r.length);
      rhos.add(target.ar1() ? r : null);
    }
    GaussianLikelihood lik = target.likelihood();
    List<Output> outs = lik.observations().outputs();
    int m = outs.size();
    int levels = lik.observations().levels();
    int draws = thetas.size();
    double[][][] model = new double[m][levels][draws];
    double[][][] pred = new double[m][levels][draws];
    double[][] sig = new double[draws][];
    Random rng = new Random(seed);
    int chunk = 64;
    for (int from = 0; from < draws; from += chunk) {
      List<double[][]> ys = target.outputs(thetas.subList(from, Math.min(draws, from + chunk)));
      for (int q = 0; q < ys.size(); q++) {
        int d = from + q;
        double[][] y = ys.get(q);
        double[] rho = rhos.get(d);
        sig[d] = lik.drawSigma(y, rho, rng);
        for (int k = 0; k < m; k++) {
          double r = rho == null ? 0 : rho[k];
          double e = sig[d][k] / Math.sqrt(1 - r * r) * rng.nextGaussian();
          for (int t = 0; t < levels; t++) {
            if (t > 0) {
              e = r * e + sig[d][k] * rng.nextGaussian();
            }
            model[k][t][d] = y[t][k];
            pred[k][t][d] = y[t][k] + e;
          }
        }
      }
    }
    double[][] obs = new double[m][];
    double[][] q05 = new double[m][levels];
    double[][] q50 = new double[m][levels];
    double[][] q95 = new double[m][levels];
    double[][] p05 = new double[m][levels];
    double[][] p95 = new double[m][levels];
    double[] cov = new double[m];
    for (int k = 0; k < m; k++) {
      obs[k] = lik.observations().series(k);
      int present = 0;
      for (int t = 0; t < levels; t++) {
        q05[k][t] = Diagnostics.quantile(model[k][t], 0.05);
        q50[k][t] = Diagnostics.quantile(model[k][t], 0.5);
        q95[k][t] = Diagnostics.quantile(model[k][t], 0.95);
        p05[k][t] = Diagnostics.quantile(pred[k][t], 0.05);
        p95[k][t] = Diagnostics.quantile(pred[k][t], 0.95);
        if (!Double.isNaN(obs[k][t])) {
          present++;
          cov[k] += obs[k][t] >= p05[k][t] && obs[k][t] <= p95[k][t] ? 1 : 0;
        }
      }
      cov[k] /= Math.max(1, present);
    }
    return new PosteriorPredictive(outs, obs, q05, q50, q95, p05, p95, sig, cov);
  }
}
