package org.cml4j.core.learn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds network inputs from z-scored rows: an MLP batch is [b, nIn]; an LSTM batch is the window
 * of the last {@code lookback} rows per selected row, [b, nIn, lookback] in DL4J's NCW layout.
 * Windows of the first {@code lookback - 1} rows are padded by repeating row 0 (a spin-up with the
 * first values held constant), so every window has full length and no mask is needed.
 */
final class SeriesBatches {
  private final double[][] z;
  private final int nIn;
  private final int lookback;
  private final boolean recurrent;

  SeriesBatches(double[][] z, int nIn, LearnerSpec spec) {
    this.z = z;
    this.nIn = nIn;
    this.lookback = spec.lookback();
    this.recurrent = spec.kind() == LearnerSpec.Kind.LSTM;
  }

  /** Features of rows {@code rows[from..to)}. */
  INDArray features(int[] rows, int from, int to) {
    int b = to - from;
    if (!recurrent) {
      double[] flat = new double[b * nIn];
      for (int k = 0; k < b; k++) {
        System.arraycopy(z[rows[from + k]], 0, flat, k * nIn, nIn);
      }
      return Nd4j.create(flat, new long[] {b, nIn}, DataType.DOUBLE);
    }
    double[] flat = new double[b * nIn * lookback];
    for (int k = 0; k < b; k++) {
      int t = rows[from + k];
      for (int s = 0; s < lookback; s++) {
        int src = Math.max(0, t - lookback + 1 + s);
        for (int j = 0; j < nIn; j++) {
          flat[(k * nIn + j) * lookback + s] = z[src][j];
        }
      }
    }
    return Nd4j.create(flat, new long[] {b, nIn, lookback}, DataType.DOUBLE);
  }

  /**
   * Labels of rows {@code rows[from..to)} with NaN replaced by 0; the [b, nOut] label mask is
   * written into {@code maskOut[0]} (null if no entry is missing).
   */
  static INDArray labels(double[][] y, int[] rows, int from, int to, INDArray[] maskOut) {
    int b = to - from;
    int nOut = y[0].length;
    double[] flat = new double[b * nOut];
    double[] mask = null;
    for (int k = 0; k < b; k++) {
      double[] row = y[rows[from + k]];
      for (int j = 0; j < nOut; j++) {
        double v = row[j];
        if (Double.isNaN(v)) {
          if (mask == null) {
            mask = new double[b * nOut];
            java.util.Arrays.fill(mask, 1);
          }
          mask[k * nOut + j] = 0;
        } else {
          flat[k * nOut + j] = v;
        }
      }
    }
    maskOut[0] = mask == null ? null : Nd4j.create(mask, new long[] {b, nOut}, DataType.DOUBLE);
    return Nd4j.create(flat, new long[] {b, nOut}, DataType.DOUBLE);
  }

  /**
   * Adds the gradient with respect to network inputs {@code eps} (batch of rows
   * {@code rows[from..to)}) into {@code dz} [rows][nIn], summing over windows (padding positions
   * count for row 0).
   */
  void scatterInputGradient(INDArray eps, int[] rows, int from, int to, double[][] dz) {
    int b = to - from;
    double[] e = eps.dup('c').data().asDouble();
    for (int k = 0; k < b; k++) {
      int t = rows[from + k];
      if (!recurrent) {
        for (int j = 0; j < nIn; j++) {
          dz[t][j] += e[k * nIn + j];
        }
        continue;
      }
      for (int s = 0; s < lookback; s++) {
        int src = Math.max(0, t - lookback + 1 + s);
        for (int j = 0; j < nIn; j++) {
          dz[src][j] += e[(k * nIn + j) * lookback + s];
        }
      }
    }
  }
}
