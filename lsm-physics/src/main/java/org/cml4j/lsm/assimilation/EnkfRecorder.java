package org.cml4j.lsm.assimilation;

import java.util.Arrays;
import java.util.List;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;

/**
 * Collects what a {@link ColumnEnsembleFilter} run reports at every level (means, spreads,
 * innovations) and builds the {@link EnkfResult}. Spreads are sample standard deviations
 * (divisor {@code members - 1}).
 */
final class EnkfRecorder {
  private final List<Output> outputs;
  private final OutputOperator op;
  private final List<ParameterInfo> augmented;
  private final double[][] outMean;
  private final double[][] outSpread;
  private final double[][] forecastMean;
  private final double[][] analysisMean;
  private final boolean[] analysed;
  private final double[][] innovation;
  private final double[][] parMean;
  private final double[][] parSpread;
  private final double[] y;
  private final double[] s1;
  private final double[] s2;
  private final double[] p1;
  private final double[] p2;

  EnkfRecorder(int levels, List<Output> outputs, ModelGrid grid, List<ParameterInfo> augmented,
      int observations) {
    this.outputs = List.copyOf(outputs);
    this.op = new OutputOperator(outputs, grid);
    this.augmented = augmented;
    int no = outputs.size();
    int np = augmented.size();
    outMean = new double[levels][no];
    outSpread = new double[levels][no];
    forecastMean = new double[levels][];
    analysisMean = new double[levels][];
    analysed = new boolean[levels];
    innovation = new double[levels][observations];
    for (double[] row : innovation) {
      Arrays.fill(row, Double.NaN);
    }
    parMean = new double[levels][np];
    parSpread = new double[levels][np];
    y = new double[no];
    s1 = new double[no];
    s2 = new double[no];
    p1 = new double[np];
    p2 = new double[np];
  }

  /** The innovation row of level k (NaN until an analysis fills it). */
  double[] innovation(int k) {
    return innovation[k];
  }

  void forecast(int k, double[][] x) {
    forecastMean[k] = EnsembleAnalysis.mean(x);
  }

  void analysed(int k, boolean done) {
    analysed[k] = done;
  }

  void analysis(int k, double[][] x) {
    analysisMean[k] = EnsembleAnalysis.mean(x);
  }

  /** Adds one member's outputs (state {@code x}, level values {@code v}) and parameters. */
  void member(int k, double[] x, LevelValues v, double[] u) {
    op.evaluate(x, v, y);
    for (int j = 0; j < y.length; j++) {
      s1[j] += y[j];
      s2[j] += y[j] * y[j];
    }
    for (int j = 0; j < u.length; j++) {
      double val = augmented.get(j).fromU(u[j]);
      p1[j] += val;
      p2[j] += val * val;
    }
  }

  /** Ends level k after all members were added. */
  void close(int k, int members) {
    stats(s1, s2, members, outMean[k], outSpread[k]);
    stats(p1, p2, members, parMean[k], parSpread[k]);
  }

  private static void stats(double[] a, double[] b, int members, double[] mean, double[] sd) {
    for (int j = 0; j < a.length; j++) {
      mean[j] = a[j] / members;
      sd[j] = Math.sqrt(Math.max(0, (b[j] - a[j] * a[j] / members) / (members - 1)));
      a[j] = 0;
      b[j] = 0;
    }
  }

  EnkfResult result(long memberSteps, double seconds) {
    return new EnkfResult(outputs, outMean, outSpread, forecastMean, analysisMean, analysed,
        innovation, augmented.stream().map(ParameterInfo::name).toList(), parMean, parSpread,
        memberSteps, seconds);
  }
}
