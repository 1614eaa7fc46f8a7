package org.cml4j.fuse.net;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Placeholder values of a {@link FusionGraph} for one phase of training: z-scored inputs and
 * targets, the data and validation masks with their inverse counts, the normalised physics row
 * and pair weights, the data and term weights, and the shifted inputs of the terms that ask for
 * them. Package-private: see {@link FusionNetwork#feed}.
 */
final class FusionFeed {
  private FusionFeed() {}

  static Map<String, INDArray> feed(FusionGraph g, double[][] x, double[][] y, boolean[] dataRows,
      boolean[] validationRows, boolean[] physicsRows, boolean physics) {
    int rows = g.rows;
    int nOut = g.targets.size();
    check(g, x, g.features.size(), "features");
    check(g, y, nOut, "targets");
    double[][] xs = g.featureScaler.transform(x);
    double[] mu = g.targetScaler.means();
    double[] sdv = g.targetScaler.scales();
    double[][] yz = new double[rows][nOut];
    double[][] m = new double[rows][nOut];
    double[][] vm = new double[rows][nOut];
    double[][] pr = new double[rows][1];
    int count = 0;
    int vcount = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < nOut; k++) {
        boolean ok = !Double.isNaN(y[i][k]);
        yz[i][k] = ok ? (y[i][k] - mu[k]) / sdv[k] : 0;
        m[i][k] = ok && dataRows[i] ? 1 : 0;
        vm[i][k] = ok && validationRows[i] ? 1 : 0;
        count += (int) m[i][k];
        vcount += (int) vm[i][k];
      }
      pr[i][0] = physicsRows[i] ? 1 : 0;
    }
    double[][] pp = new double[rows - 1][1];
    double np = 0;
    double npp = 0;
    for (int i = 0; i < rows; i++) {
      np += pr[i][0];
      if (i > 0) {
        pp[i - 1][0] = pr[i][0];
        npp += pr[i][0];
      }
    }
    for (int i = 0; i < rows; i++) {
      pr[i][0] /= Math.max(1, np);
      if (i > 0) {
        pp[i - 1][0] /= Math.max(1, npp);
      }
    }
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(xs));
    ph.put("y_obs", Nd4j.createFromArray(yz));
    ph.put("mask", Nd4j.createFromArray(m));
    ph.put("vmask", Nd4j.createFromArray(vm));
    ph.put("prow", Nd4j.createFromArray(pr));
    ph.put("ppair", Nd4j.createFromArray(pp));
    ph.put("w_data", Nd4j.scalar(physics ? g.loss.dataWeight() : 1.0));
    ph.put("inv_count", Nd4j.scalar(1.0 / Math.max(1, count)));
    ph.put("inv_vcount", Nd4j.scalar(1.0 / Math.max(1, vcount)));
    for (int i = 0; i < g.loss.terms().size(); i++) {
      ph.put("w_term_" + i, Nd4j.scalar(physics ? g.loss.terms().get(i).weight() : 0.0));
    }
    for (var e : g.shiftZ.entrySet()) {
      double[][] s = new double[rows][];
      for (int i = 0; i < rows; i++) {
        s[i] = xs[i].clone();
        s[i][e.getKey()] += e.getValue();
      }
      ph.put("x_shift_" + e.getKey(), Nd4j.createFromArray(s));
    }
    return ph;
  }

  /** Scales the physics-term weights of a feed to {@code factor} times their configured values. */
  static void scaleTerms(FusionGraph g, Map<String, INDArray> feed, double factor) {
    for (int i = 0; i < g.loss.terms().size(); i++) {
      feed.put("w_term_" + i, Nd4j.scalar(factor * g.loss.terms().get(i).weight()));
    }
  }

  /** Fails unless {@code m} has the graph's rows and {@code cols} columns per row. */
  static void check(FusionGraph g, double[][] m, int cols, String what) {
    if (m.length != g.rows) {
      throw new IllegalArgumentException(what + " have " + m.length + " rows, the network was"
          + " built for " + g.rows);
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i].length != cols) {
        throw new IllegalArgumentException(what + " row " + i + " has " + m[i].length
            + " columns, expected " + cols);
      }
    }
  }
}
