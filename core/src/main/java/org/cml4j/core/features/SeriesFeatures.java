package org.cml4j.core.features;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Cheap features of observed temperature (or flux) series that carry the soil's thermal
 * properties: the classic harmonic analysis of soil temperature (e.g. Horton, Wierenga &amp;
 * Nielsen 1983; Hillel 1982). Each series is fitted over the window by least squares (missing
 * values skipped) with {@code y = m + c (t - t_mid)/T + sum_{k=1,2} A_k cos(k w t - phi_k)},
 * {@code w = 2 pi / 24 h}. Features: for every series its mean m, trend c, log diurnal amplitude
 * log A_1 and the ratio A_2/A_1; for the first (reference, usually the shallowest) series the
 * phase as sin/cos; for every other series the log amplitude ratio {@code log(A_1/A_1,ref)} and
 * the phase lag {@code phi_1 - phi_1,ref} (radians, wrapped to (-pi, pi]). In a homogeneous soil
 * the damping depth {@code d = sqrt(2 kappa / w)} follows from both: amplitude ratio
 * {@code exp(-dz/d)} and lag {@code dz/d}, with {@code kappa = lambda / C}. These are window
 * summaries (one row per window), next to the per-step columns of {@link FeatureTable}.
 */
public final class SeriesFeatures {
  private static final double W = 2 * Math.PI / 24.0;
  /** Fewest valid values a series needs in the window for its harmonic fit (half a day). */
  public static final int MIN_VALID = 12;

  private SeriesFeatures() {}

  /** Feature names for {@code series} names (order of {@link #of}). */
  public static List<String> names(List<String> series) {
    List<String> n = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      String v = series.get(s);
      n.add(v + ".mean");
      n.add(v + ".trend");
      n.add(v + ".logAmp");
      n.add(v + ".amp2ratio");
      if (s == 0) {
        n.add(v + ".sinPhase");
        n.add(v + ".cosPhase");
      } else {
        n.add(v + ".logAmpRatio");
        n.add(v + ".phaseLag");
      }
    }
    return n;
  }

  /** Number of features for {@code k} series. */
  public static int count(int k) {
    return 6 * k;
  }

  /**
   * Features of the series over steps [from, to).
   *
   * @param series one array per variable (same length), NaN = missing
   * @param stepHours time step in hours
   */
  public static double[] of(List<double[]> series, int from, int to, double stepHours) {
    double[] out = new double[count(series.size())];
    double[] ref = null;
    int j = 0;
    for (int s = 0; s < series.size(); s++) {
      double[] h = harmonics(series.get(s), from, to, stepHours, s);
      double a1 = Math.hypot(h[2], h[3]);
      double a2 = Math.hypot(h[4], h[5]);
      double phi = Math.atan2(h[3], h[2]);
      out[j++] = h[0];
      out[j++] = h[1];
      out[j++] = Math.log(a1 + 1e-9);
      out[j++] = a2 / (a1 + 1e-9);
      if (s == 0) {
        ref = new double[] {a1, phi};
        out[j++] = Math.sin(phi);
        out[j++] = Math.cos(phi);
      } else {
        out[j++] = Math.log((a1 + 1e-9) / (ref[0] + 1e-9));
        double lag = phi - ref[1];
        while (lag <= -Math.PI) {
          lag += 2 * Math.PI;
        }
        while (lag > Math.PI) {
          lag -= 2 * Math.PI;
        }
        out[j++] = lag;
      }
    }
    return out;
  }

  /** Coefficients {m, c, a1, b1, a2, b2} (cos and sin parts) by least squares. */
  static double[] harmonics(double[] y, int from, int to, double stepHours, int which) {
    double tMid = 0.5 * (to - 1 + from) * stepHours;
    double span = Math.max(stepHours, (to - 1 - from) * stepHours);
    double[][] ata = new double[6][6];
    double[] aty = new double[6];
    double[] row = new double[6];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      double t = i * stepHours;
      row[0] = 1;
      row[1] = (t - tMid) / span;
      row[2] = Math.cos(W * t);
      row[3] = Math.sin(W * t);
      row[4] = Math.cos(2 * W * t);
      row[5] = Math.sin(2 * W * t);
      for (int a = 0; a < 6; a++) {
        aty[a] += row[a] * y[i];
        for (int b = 0; b < 6; b++) {
          ata[a][b] += row[a] * row[b];
        }
      }
      n++;
    }
    if (n < MIN_VALID) {
      throw new IllegalArgumentException("series " + which + " has " + n + " valid values in"
          + " steps [" + from + ", " + to + "); harmonic features need at least " + MIN_VALID
          + " (half a day)");
    }
    for (int a = 0; a < 6; a++) {
      ata[a][a] += 1e-12 * n;
    }
    RealMatrix m = new Array2DRowRealMatrix(ata, false);
    return new CholeskyDecomposition(m).getSolver().solve(new ArrayRealVector(aty, false))
        .toArray();
  }
}
