package org.cml4j.lsm.estimation;

import java.util.List;
import java.util.Random;

/**
 * Observed series of model outputs at the model's time levels: {@code values[level][k]} for output
 * k; NaN marks a missing value (left out of the loss). The loss used by every fit is the mean
 * squared error over all present (output, level) entries, as in Huang et al. (2025).
 */
public final class Observations {
  private final List<org.cml4j.lsm.model.Output> outputs;
  private final double[][] values;
  private final int count;

  public Observations(List<org.cml4j.lsm.model.Output> outputs, double[][] values) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("observations: no observed outputs");
    }
    int c = 0;
    for (int k = 0; k < values.length; k++) {
      if (values[k].length != outputs.size()) {
        throw new IllegalArgumentException("observations: level " + k + " has " + values[k].length
            + " values for " + outputs.size() + " outputs");
      }
      for (double v : values[k]) {
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("observations: infinite value at level " + k);
        }
        if (!Double.isNaN(v)) {
          c++;
        }
      }
    }
    if (c == 0) {
      throw new IllegalArgumentException("observations: every value is missing");
    }
    this.outputs = List.copyOf(outputs);
    this.values = values;
    this.count = c;
  }

  /** Builds from one series per output ({@code series[k][level]}). */
  public static Observations ofSeries(List<org.cml4j.lsm.model.Output> outputs, double[]... series) {
    int levels = series[0].length;
    double[][] v = new double[levels][series.length];
    for (int k = 0; k < series.length; k++) {
      if (series[k].length != levels) {
        throw new IllegalArgumentException("observation series " + outputs.get(k).name() + " has "
            + series[k].length + " values, expected " + levels);
      }
      for (int t = 0; t < levels; t++) {
        v[t][k] = series[k][t];
      }
    }
    return new Observations(outputs, v);
  }

  public List<org.cml4j.lsm.model.Output> outputs() {
    return outputs;
  }

  public int levels() {
    return values.length;
  }

  /** Number of present (non-missing) entries. */
  public int count() {
    return count;
  }

  public double value(int level, int k) {
    return values[level][k];
  }

  /** One output's series (a copy). */
  public double[] series(int k) {
    double[] s = new double[values.length];
    for (int t = 0; t < s.length; t++) {
      s[t] = values[t][k];
    }
    return s;
  }

  /** A copy with independent Gaussian noise of standard deviation {@code sd} added (seeded). */
  public Observations withGaussianNoise(double sd, long seed) {
    Random rnd = new Random(seed);
    double[][] v = new double[values.length][];
    for (int t = 0; t < v.length; t++) {
      v[t] = values[t].clone();
      for (int k = 0; k < v[t].length; k++) {
        if (!Double.isNaN(v[t][k])) {
          v[t][k] += sd * rnd.nextGaussian();
        }
      }
    }
    return new Observations(outputs, v);
  }
}
