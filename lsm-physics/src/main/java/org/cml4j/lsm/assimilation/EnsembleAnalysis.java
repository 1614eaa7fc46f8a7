package org.cml4j.lsm.assimilation;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The analysis step of the stochastic ensemble Kalman filter (Evensen 1994) with perturbed
 * observations (Burgers, van Leeuwen &amp; Evensen 1998) of {@link ColumnEnsembleFilter}. A
 * member's state is any vector (temperatures, optionally followed by augmented parameters); its
 * predicted observations {@code hx} are computed by the caller with the model's output operator.
 * The gain is {@code K = Pxy (Pyy + R)^-1} from the ensemble anomalies (sample covariances,
 * divisor {@code members - 1}); the caller may taper it (localization) before {@link #update}.
 */
public final class EnsembleAnalysis {
  private EnsembleAnalysis() {}

  /** Column means of {@code a} (sum over rows, then divided by the row count). */
  public static double[] mean(double[][] a) {
    int w = a[0].length;
    double[] m = new double[w];
    for (double[] row : a) {
      for (int j = 0; j < w; j++) {
        m[j] += row[j];
      }
    }
    for (int j = 0; j < w; j++) {
      m[j] /= a.length;
    }
    return m;
  }

  /**
   * Kalman gain from the ensemble.
   *
   * @param states member states [members][m]
   * @param hx predicted observations [members][p]
   * @param obsSd observation error standard deviations [p] (R = diag(obsSd^2))
   * @return gain [m][p]
   */
  public static double[][] gain(double[][] states, double[][] hx, double[] obsSd) {
    int members = states.length;
    int m = states[0].length;
    int p = obsSd.length;
    double[] xm = mean(states);
    double[] hm = mean(hx);
    double[][] pyy = new double[p][p];
    double[][] pxy = new double[m][p];
    for (int i = 0; i < members; i++) {
      for (int a = 0; a < p; a++) {
        double da = hx[i][a] - hm[a];
        for (int b = 0; b < p; b++) {
          pyy[a][b] += da * (hx[i][b] - hm[b]);
        }
        for (int r = 0; r < m; r++) {
          pxy[r][a] += (states[i][r] - xm[r]) * da;
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        pyy[a][b] /= members - 1;
      }
      pyy[a][a] += obsSd[a] * obsSd[a];
      for (int r = 0; r < m; r++) {
        pxy[r][a] /= members - 1;
      }
    }
    return new Array2DRowRealMatrix(pxy, false).multiply(new LUDecomposition(
        new Array2DRowRealMatrix(pyy, false)).getSolver().getInverse()).getData();
  }

  /**
   * Updates every member with its own perturbed observations: {@code x += K (y + e - hx)},
   * {@code e ~ N(0, obsSd^2)} drawn from {@code rnd} member by member, observation by observation.
   *
   * @param states member states, updated in place
   * @param hx predicted observations [members][p]
   * @param gain Kalman gain [m][p]
   * @param obs observations [p]
   * @param obsSd observation error standard deviations [p]
   * @param rnd random source of the perturbations
   * @param frozenRow a row left unchanged (e.g. a Dirichlet bottom node), or -1
   */
  public static void update(double[][] states, double[][] hx, double[][] gain, double[] obs,
      double[] obsSd, Random rnd, int frozenRow) {
    int p = obs.length;
    int m = gain.length;
    double[] d = new double[p];
    for (int i = 0; i < states.length; i++) {
      for (int a = 0; a < p; a++) {
        d[a] = obs[a] + obsSd[a] * rnd.nextGaussian() - hx[i][a];
      }
      for (int r = 0; r < m; r++) {
        if (r == frozenRow) {
          continue;
        }
        double inc = 0;
        for (int a = 0; a < p; a++) {
          inc += gain[r][a] * d[a];
        }
        states[i][r] += inc;
      }
    }
  }
}
