package org.cml4j.lsm.regional;

import java.util.List;

/**
 * The columns of a parameter map in compact, column-wise arrays: what {@link MapNetcdfWriter}
 * needs, about {@code 8 (3p + 5) + 2} bytes of numbers per column (p parameters) plus the id and
 * reason strings, instead of one {@link ColumnFit} object graph per column. The map is merged from
 * this run's fits as each chunk is done and from the part files of resumed chunks, so no
 * {@link ColumnFit} is kept past its chunk. The package-private getters return the live arrays
 * (for {@link MapNetcdfWriter}; not to be modified).
 */
public final class MapColumns {
  private final List<String> names;
  private final String[] ids;
  private final String[] reasons;
  private final double[] lat;
  private final double[] lon;
  private final double[] loss;
  private final double[] rmse;
  private final int[] iterations;
  private final byte[] status;
  /** Per parameter: values, standard errors, identifiable flags. */
  private final double[][] values;
  private final double[][] se;
  private final byte[][] identifiable;

  /** A map of {@code size} columns of the given parameters, to be filled by {@link #set}. */
  public MapColumns(List<String> names, int size) {
    this.names = List.copyOf(names);
    ids = new String[size];
    reasons = new String[size];
    lat = new double[size];
    lon = new double[size];
    loss = new double[size];
    rmse = new double[size];
    iterations = new int[size];
    status = new byte[size];
    values = new double[names.size()][size];
    se = new double[names.size()][size];
    identifiable = new byte[names.size()][size];
  }

  /** Sets column {@code index}; its parameters must be this map's. */
  public void set(int index, ColumnFit f) {
    if (!f.names().equals(names)) {
      throw new IllegalArgumentException("column " + f.id() + " has parameters " + f.names()
          + ", the map has " + names);
    }
    ids[index] = f.id();
    reasons[index] = f.reason();
    lat[index] = f.lat();
    lon[index] = f.lon();
    loss[index] = f.loss();
    rmse[index] = f.rmse();
    iterations[index] = f.iterations();
    status[index] = (byte) (f.ok() ? 0 : 1);
    for (int i = 0; i < names.size(); i++) {
      values[i][index] = f.values()[i];
      double e = f.standardErrors()[i];
      se[i][index] = Double.isFinite(e) ? e : Double.NaN; // unbounded = missing (not identifiable)
      identifiable[i][index] = (byte) (f.ok() && f.identifiable()[i] ? 1 : 0);
    }
  }

  /** Whether every column has been set. */
  public boolean complete() {
    for (String id : ids) {
      if (id == null) {
        return false;
      }
    }
    return true;
  }

  /** Parameter names. */
  public List<String> names() {
    return names;
  }

  /** Number of columns. */
  public int size() {
    return ids.length;
  }

  String[] ids() {
    return ids;
  }

  /** Reasons; jHDF cannot write an empty string, so a single space stands for "no note". */
  String[] reasons() {
    String[] r = reasons.clone();
    for (int c = 0; c < r.length; c++) {
      r[c] = r[c].isEmpty() ? " " : r[c];
    }
    return r;
  }

  double[] lat() {
    return lat;
  }

  double[] lon() {
    return lon;
  }

  double[] loss() {
    return loss;
  }

  double[] rmse() {
    return rmse;
  }

  int[] iterations() {
    return iterations;
  }

  byte[] status() {
    return status;
  }

  double[] values(int parameter) {
    return values[parameter];
  }

  double[] standardErrors(int parameter) {
    return se[parameter];
  }

  byte[] identifiable(int parameter) {
    return identifiable[parameter];
  }
}
