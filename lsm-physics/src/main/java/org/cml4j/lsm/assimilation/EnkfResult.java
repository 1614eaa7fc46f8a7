package org.cml4j.lsm.assimilation;

import java.util.List;
import org.cml4j.lsm.model.Output;

/**
 * What a {@link ColumnEnsembleFilter} run produced at every level: ensemble-mean outputs and spreads, forecast and
 * analysis mean states, mean innovations and augmented-parameter statistics.
 *
 * @param outputs the output list of {@link #outputMean}
 * @param outputMean [level][output] ensemble mean (analysis where assimilated)
 * @param outputSpread [level][output] ensemble standard deviation
 * @param forecastMean [level][node] mean state before the analysis
 * @param analysisMean [level][node] mean state after the analysis (= forecast if none)
 * @param analysed whether an analysis happened at the level
 * @param innovation [level][observation] observation minus mean predicted observation before the
 *     analysis, NaN where not observed or not assimilated
 * @param parameters names of the augmented parameters
 * @param parameterMean [level][parameter] ensemble mean in physical units
 * @param parameterSpread [level][parameter] ensemble standard deviation in physical units
 * @param memberSteps physics steps taken (members x steps)
 * @param seconds wall time (diagnostics only)
 */
public record EnkfResult(List<Output> outputs, double[][] outputMean, double[][] outputSpread,
    double[][] forecastMean, double[][] analysisMean, boolean[] analysed, double[][] innovation,
    List<String> parameters, double[][] parameterMean, double[][] parameterSpread,
    long memberSteps, double seconds) {

  /** Mean series of output {@code name}. */
  public double[] output(String name) {
    return column(outputMean, outputIndex(name));
  }

  /** Ensemble standard deviation of output {@code name} at every level. */
  public double[] spread(String name) {
    return column(outputSpread, outputIndex(name));
  }

  private int outputIndex(String name) {
    String n = Output.parse(name).name();
    for (int j = 0; j < outputs.size(); j++) {
      if (outputs.get(j).name().equals(n)) {
        return j;
      }
    }
    throw new IllegalArgumentException("filter run has no output " + name + "; it has "
        + outputs);
  }

  private static double[] column(double[][] a, int j) {
    double[] s = new double[a.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = a[k][j];
    }
    return s;
  }

  /** Mean series of augmented parameter {@code name}. */
  public double[] parameter(String name) {
    int j = parameters.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("parameter " + name + " was not augmented; augmented: "
          + parameters);
    }
    return column(parameterMean, j);
  }
}
