package org.cml4j.core.learn;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row bookkeeping of a {@link NetworkLearner}: rows with targets, seeded shuffling, chunked network
 * outputs in z units and the masked mean squared error over a fixed set of rows.
 */
final class NetworkRows {
  private NetworkRows() {}

  /** Rows with at least one finite target. */
  static int[] rowsWithTargets(double[][] zy, String name) {
    int[] rows = new int[zy.length];
    int n = 0;
    for (int i = 0; i < zy.length; i++) {
      for (double v : zy[i]) {
        if (!Double.isNaN(v)) {
          rows[n++] = i;
          break;
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(name + ": all " + zy.length + " rows have only NaN "
          + "targets; nothing to train or validate on");
    }
    return Arrays.copyOf(rows, n);
  }

  static void shuffle(int[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Network output in z units for the given rows. */
  static double[][] outputZ(MultiLayerNetwork net, int nOut, SeriesBatches b, int[] rows) {
    double[][] out = new double[rows.length][];
    for (int from = 0; from < rows.length; from += NetworkLearner.CHUNK) {
      int to = Math.min(rows.length, from + NetworkLearner.CHUNK);
      INDArray o = net.output(b.features(rows, from, to), false, null, null);
      // one bulk copy: toDoubleMatrix() builds a row view (with native shape info) per row
      double[] flat = o.dup('c').data().asDouble();
      for (int k = 0; k < to - from; k++) {
        out[from + k] = Arrays.copyOfRange(flat, k * nOut, (k + 1) * nOut);
      }
    }
    return out;
  }

  /** Masked MSE in z units over a fixed set of rows. */
  record Evaluation(SeriesBatches batches, double[][] zy, int[] rows) {
    double loss(MultiLayerNetwork net, int nOut) {
      double[][] p = outputZ(net, nOut, batches, rows);
      double ss = 0;
      long n = 0;
      for (int k = 0; k < rows.length; k++) {
        double[] target = zy[rows[k]];
        for (int j = 0; j < target.length; j++) {
          if (!Double.isNaN(target[j])) {
            double d = p[k][j] - target[j];
            ss += d * d;
            n++;
          }
        }
      }
      return ss / n;
    }
  }

  static int[] allRows(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
