package org.cml4j.lsm.regional;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a parameter map in compact, column-wise arrays: what {@link MapNetcdfWriter}
 * needs, about {@code 8 (3p + 5) + 2} bytes of numbers per column (p parameters) plus the id and
 * reason strings, instead of one {@link ColumnFit} object graph per column. The map is merged from
 * the part files chunk by chunk into this, so the merge holds one part's rows at a time besides
 * these arrays.
 */
public final class MapColumns {
  private final List<String> names;
  private int n;
  private String[] ids = new String[16];
  private String[] reasons = new String[16];
  private double[] lat = new double[16];
  private double[] lon = new double[16];
  private double[] loss = new double[16];
  private double[] rmse = new double[16];
  private int[] iterations = new int[16];
  private byte[] status = new byte[16];
  /** Per parameter: values, standard errors, identifiable flags. */
  private final double[][] values;
  private final double[][] se;
  private final byte[][] identifiable;

  /** An empty map of the given parameters. */
  public MapColumns(List<String> names) {
    this.names = List.copyOf(names);
    values = new double[names.size()][16];
    se = new double[names.size()][16];
    identifiable = new byte[names.size()][16];
  }

  /** Appends one column; its parameters must be this map's. */
  public void add(ColumnFit f) {
    if (!f.names().equals(names)) {
      throw new IllegalArgumentException("column " + f.id() + " has parameters " + f.names()
          + ", the map has " + names);
    }
    if (n == ids.length) {
      grow(Math.max(16, n * 2));
    }
    ids[n] = f.id();
    reasons[n] = f.reason();
    lat[n] = f.lat();
    lon[n] = f.lon();
    loss[n] = f.loss();
    rmse[n] = f.rmse();
    iterations[n] = f.iterations();
    status[n] = (byte) (f.ok() ? 0 : 1);
    for (int i = 0; i < names.size(); i++) {
      values[i][n] = f.values()[i];
      double e = f.standardErrors()[i];
      se[i][n] = Double.isFinite(e) ? e : Double.NaN; // unbounded = missing (not identifiable)
      identifiable[i][n] = (byte) (f.ok() && f.identifiable()[i] ? 1 : 0);
    }
    n++;
  }

  private void grow(int cap) {
    ids = Arrays.copyOf(ids, cap);
    reasons = Arrays.copyOf(reasons, cap);
    lat = Arrays.copyOf(lat, cap);
    lon = Arrays.copyOf(lon, cap);
    loss = Arrays.copyOf(loss, cap);
    rmse = Arrays.copyOf(rmse, cap);
    iterations = Arrays.copyOf(iterations, cap);
    status = Arrays.copyOf(status, cap);
    for (int i = 0; i < names.size(); i++) {
      values[i] = Arrays.copyOf(values[i], cap);
      se[i] = Arrays.copyOf(se[i], cap);
      identifiable[i] = Arrays.copyOf(identifiable[i], cap);
    }
  }

  /** Parameter names. */
  public List<String> names() {
    return names;
  }

  /** Number of columns. */
  public int size() {
    return n;
  }

  String[] ids() {
    return Arrays.copyOf(ids, n);
  }

  /** Reasons; jHDF cannot write an empty string, so a single space stands for "no note". */
  String[] reasons() {
    String[] r = Arrays.copyOf(reasons, n);
    for (int c = 0; c < n; c++) {
      r[c] = r[c].isEmpty() ? " " : r[c];
    }
    return r;
  }

  double[] lat() {
    return Arrays.copyOf(lat, n);
  }

  double[] lon() {
    return Arrays.copyOf(lon, n);
  }

  double[] loss() {
    return Arrays.copyOf(loss, n);
  }

  double[] rmse() {
    return Arrays.copyOf(rmse, n);
  }

  int[] iterations() {
    return Arrays.copyOf(iterations, n);
  }

  byte[] status() {
    return Arrays.copyOf(status, n);
  }

  double[] values(int parameter) {
    return Arrays.copyOf(values[parameter], n);
  }

  double[] standardErrors(int parameter) {
    return Arrays.copyOf(se[parameter], n);
  }

  byte[] identifiable(int parameter) {
    return Arrays.copyOf(identifiable[parameter], n);
  }
}
