package org.cml4j.lsm.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Parameters of one soil column. Each {@link Param} is either constant or time-dependent with one
 * value per time level of the forcing (the step into level k uses the value at level k; the value at
 * level 0 is only used for the initial condition, e.g. a uniform initial profile at {@code Tb}).
 * Immutable; build with {@link #builder()} or derive with {@link #with(Param, double)}.
 */
public final class ColumnParameters {

  /** Emissivity used by Huang et al. (2025). */
  public static final double DEFAULT_EPS = 0.95;

  private final double[][] values; // [param ordinal][1 or nTimes]

  private ColumnParameters(double[][] values) {
    this.values = values;
  }

  /** A new builder; {@code eps} defaults to 0.95, every other parameter must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Value of {@code p} at time level {@code k} (constants ignore {@code k}). */
  public double value(Param p, int k) {
    double[] v = values[p.ordinal()];
    return v.length == 1 ? v[0] : v[k];
  }

  /** The constant value of {@code p}; fails if {@code p} is time-dependent. */
  public double constant(Param p) {
    double[] v = values[p.ordinal()];
    if (v.length != 1) {
      throw new IllegalStateException(p.symbol() + " is time-dependent, not constant");
    }
    return v[0];
  }

  /** Whether {@code p} has one value per time level. */
  public boolean isTimeDependent(Param p) {
    return values[p.ordinal()].length != 1;
  }

  /** Length of the series of {@code p} (1 if constant). */
  public int seriesLength(Param p) {
    return values[p.ordinal()].length;
  }

  /** A copy of the values of {@code p} (length 1 if constant). */
  public double[] series(Param p) {
    return values[p.ordinal()].clone();
  }

  /** Longest series length over all parameters (1 if all constant). */
  public int maxSeriesLength() {
    int n = 1;
    for (double[] v : values) {
      n = Math.max(n, v.length);
    }
    return n;
  }

  /** A copy with {@code p} set to the constant {@code v}. */
  public ColumnParameters with(Param p, double v) {
    double[][] copy = values.clone();
    copy[p.ordinal()] = new double[] {Builder.checked(p, v, -1)};
    return new ColumnParameters(copy);
  }

  /** A copy with {@code p} set to a time series (one value per time level). */
  public ColumnParameters withSeries(Param p, double[] series) {
    double[][] copy = values.clone();
    copy[p.ordinal()] = Builder.checkedSeries(p, series);
    return new ColumnParameters(copy);
  }

  /** Constant values as a map (time-dependent parameters map to their mean). */
  public Map<Param, Double> summary() {
    Map<Param, Double> m = new EnumMap<>(Param.class);
    for (Param p : Param.values()) {
      m.put(p, Arrays.stream(values[p.ordinal()]).average().orElse(Double.NaN));
    }
    return m;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ColumnParameters{");
    for (Param p : Param.values()) {
      double[] v = values[p.ordinal()];
      sb.append(p.symbol()).append('=');
      sb.append(v.length == 1 ? String.valueOf(v[0]) : "series[" + v.length + "]");
      sb.append(p.ordinal() < Param.COUNT - 1 ? ", " : "}");
    }
    return sb.toString();
  }

  /** Builder with validation against each parameter's physical range. */
  public static final class Builder {
    private final double[][] values = new double[Param.COUNT][];

    private Builder() {
      values[Param.EPS.ordinal()] = new double[] {DEFAULT_EPS};
    }

    public Builder set(Param p, double v) {
      values[p.ordinal()] = new double[] {checked(p, v, -1)};
      return this;
    }

    public Builder series(Param p, double[] v) {
      values[p.ordinal()] = checkedSeries(p, v);
      return this;
    }

    public Builder alpha(double v) {
      return set(Param.ALPHA, v);
    }

    public Builder lambda(double v) {
      return set(Param.LAMBDA, v);
    }

    public Builder heatCapacity(double v) {
      return set(Param.C, v);
    }

    public Builder hbeta(double v) {
      return set(Param.HBETA, v);
    }

    /** Sets hbeta = h (1 + 1/beta) from a transfer coefficient h [W m-2 K-1] and Bowen ratio beta. */
    public Builder hBeta(double h, double beta) {
      if (!(beta > 0)) {
        throw new IllegalArgumentException("Bowen ratio beta must be > 0, got " + beta);
      }
      return set(Param.HBETA, h * (1 + 1 / beta));
    }

    public Builder tb(double v) {
      return set(Param.TB, v);
    }

    public Builder eps(double v) {
      return set(Param.EPS, v);
    }

    public ColumnParameters build() {
      for (Param p : Param.values()) {
        if (values[p.ordinal()] == null) {
          throw new IllegalStateException("ColumnParameters: " + p.symbol() + " [" + p.unit()
              + "] was not set");
        }
      }
      double[][] copy = new double[Param.COUNT][];
      for (int i = 0; i < copy.length; i++) {
        copy[i] = values[i].clone();
      }
      return new ColumnParameters(copy);
    }

    static double checked(Param p, double v, int level) {
      if (!(v >= p.min() && v <= p.max())) {
        throw new IllegalArgumentException("parameter " + p.symbol() + " = " + v + " " + p.unit()
            + (level >= 0 ? " at time level " + level : "") + " is outside the allowed range ["
            + p.min() + ", " + p.max() + "]");
      }
      return v;
    }

    static double[] checkedSeries(Param p, double[] v) {
      if (v.length == 0) {
        throw new IllegalArgumentException("parameter " + p.symbol() + ": empty series");
      }
      for (int k = 0; k < v.length; k++) {
        checked(p, v[k], k);
      }
      return v.clone();
    }
  }
}
