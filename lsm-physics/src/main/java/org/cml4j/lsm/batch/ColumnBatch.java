package org.cml4j.lsm.batch;

import java.util.List;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Inputs of a batch of independent soil columns for the batched kernel: parameters per column
 * (alpha [-], lambda [W m-1 K-1], C [J m-3 K-1], hbeta [W m-2 K-1], Tb [K], eps [-]; see
 * {@link Param}), each constant or time-dependent with one value per time level (as in
 * {@link ColumnParameters}: the step into level k uses the value at level k), forcing shared by all
 * columns or one per column (all of the same length), and an initial state shared or per column.
 * Constant parameters are stored structure-of-arrays, {@code [param][column]}, so a batch of
 * 65 536 columns needs no per-column objects. Immutable.
 */
public final class ColumnBatch {
  /** Constant value, or the level-0 value of a time-dependent one, {@code [param][column]}. */
  private final double[][] params;
  /** Per-level values {@code [param][column][level]}: null rows/columns where constant. */
  private final double[][][] series;
  private final SurfaceForcing[] forcing;
  private final InitialState[] initial;
  private final int levels;

  private ColumnBatch(double[][] params, double[][][] series, SurfaceForcing[] forcing,
      InitialState[] initial) {
    this.params = params;
    this.series = series;
    this.forcing = forcing;
    this.initial = initial;
    this.levels = forcing[0].length();
    for (int i = 1; i < forcing.length; i++) {
      if (forcing[i].length() != levels) {
        throw new IllegalArgumentException("batch: forcing of column " + i + " has "
            + forcing[i].length() + " time levels, column 0 has " + levels);
      }
    }
  }

  /**
   * Columns with the given parameters (constant or time-dependent), one forcing per column or one
   * shared, one initial state per column or one shared.
   *
   * @throws IllegalArgumentException naming the column if a time-dependent parameter's series does
   *     not have one value per time level of the forcing, or a list has the wrong length
   */
  public static ColumnBatch of(List<ColumnParameters> params, List<SurfaceForcing> forcing,
      List<InitialState> initial) {
    int m = params.size();
    if (m == 0) {
      throw new IllegalArgumentException("batch: no columns");
    }
    checkCount("forcings", forcing.size(), m);
    checkCount("initial states", initial.size(), m);
    double[][] v = new double[Param.COUNT][m];
    double[][][] series = new double[Param.COUNT][][];
    for (int c = 0; c < m; c++) {
      ColumnParameters p = params.get(c);
      for (Param q : Param.values()) {
        v[q.ordinal()][c] = p.value(q, 0);
        if (p.isTimeDependent(q)) {
          int levels = forcing.get(forcing.size() == 1 ? 0 : c).length();
          if (p.seriesLength(q) != levels) {
            throw new IllegalArgumentException("batch: column " + c + " has a time-dependent "
                + q.symbol() + " with " + p.seriesLength(q) + " values but its forcing has "
                + levels + " time levels");
          }
          if (series[q.ordinal()] == null) {
            series[q.ordinal()] = new double[m][];
          }
          series[q.ordinal()][c] = p.series(q);
        }
      }
    }
    return new ColumnBatch(v, series, forcing.toArray(new SurfaceForcing[0]),
        initial.toArray(new InitialState[0]));
  }

  /**
   * Columns given structure-of-arrays, {@code values[param ordinal][column]}, all under one forcing
   * and one initial state. Values are checked against each parameter's physical range.
   */
  public static ColumnBatch of(double[][] values, SurfaceForcing forcing, InitialState initial) {
    if (values.length != Param.COUNT) {
      throw new IllegalArgumentException("batch: expected " + Param.COUNT
          + " parameter rows (alpha, lambda, C, hbeta, Tb, eps), got " + values.length);
    }
    int m = values[0].length;
    if (m == 0) {
      throw new IllegalArgumentException("batch: no columns");
    }
    double[][] v = new double[Param.COUNT][];
    for (Param q : Param.values()) {
      double[] row = values[q.ordinal()];
      if (row.length != m) {
        throw new IllegalArgumentException("batch: parameter " + q.symbol() + " has " + row.length
            + " values, " + Param.ALPHA.symbol() + " has " + m);
      }
      for (int c = 0; c < m; c++) {
        if (!(row[c] >= q.min() && row[c] <= q.max())) {
          throw new IllegalArgumentException("batch: parameter " + q.symbol() + " of column " + c
              + " is " + row[c] + " " + q.unit() + ", outside the allowed range [" + q.min() + ", "
              + q.max() + "]");
        }
      }
      v[q.ordinal()] = row.clone();
    }
    return new ColumnBatch(v, new double[Param.COUNT][][], new SurfaceForcing[] {forcing},
        new InitialState[] {initial});
  }

  private static void checkCount(String what, int got, int m) {
    if (got != m && got != 1) {
      throw new IllegalArgumentException("batch: " + m + " parameter sets but " + got + " " + what
          + " (give one per column or one shared)");
    }
  }

  /** Number of columns. */
  public int columns() {
    return params[0].length;
  }

  /** Number of time levels of the forcing. */
  public int levels() {
    return levels;
  }

  /**
   * Value of constant parameter {@code p} for column {@code c}.
   *
   * @throws IllegalStateException if that column's {@code p} is time-dependent
   */
  public double value(Param p, int c) {
    if (timeDependent(p, c)) {
      throw new IllegalStateException("batch: " + p.symbol() + " of column " + c
          + " is time-dependent, not constant");
    }
    return params[p.ordinal()][c];
  }

  /** Value of {@code p} for column {@code c} at time level {@code k} (constants ignore k). */
  public double value(Param p, int c, int k) {
    double[][] s = series[p.ordinal()];
    return s == null || s[c] == null ? params[p.ordinal()][c] : s[c][k];
  }

  /** Whether column {@code c}'s {@code p} has one value per time level. */
  public boolean timeDependent(Param p, int c) {
    double[][] s = series[p.ordinal()];
    return s != null && s[c] != null;
  }

  /** Whether {@code p} is time-dependent in at least one column. */
  public boolean timeDependent(Param p) {
    return series[p.ordinal()] != null;
  }

  /** Whether any parameter of any column is time-dependent. */
  public boolean timeDependent() {
    for (double[][] s : series) {
      if (s != null) {
        return true;
      }
    }
    return false;
  }

  /** Forcing of column {@code c}. */
  public SurfaceForcing forcing(int c) {
    return forcing[forcing.length == 1 ? 0 : c];
  }

  /** Whether all columns share one forcing. */
  public boolean sharedForcing() {
    return forcing.length == 1;
  }

  /** Initial state of column {@code c}. */
  public InitialState initial(int c) {
    return initial[initial.length == 1 ? 0 : c];
  }

  /** Column {@code c} as scalar-model parameters (for {@code SoilColumnModel}). */
  public ColumnParameters parameters(int c) {
    ColumnParameters.Builder b = ColumnParameters.builder();
    for (Param q : Param.values()) {
      if (timeDependent(q, c)) {
        b.series(q, series[q.ordinal()][c]);
      } else {
        b.set(q, params[q.ordinal()][c]);
      }
    }
    return b.build();
  }
}
