package org.cml4j.lsm.regional;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The parameter-map CSV: one row per column with {@code id, lat, lon}, then for each parameter
 * {@code <p>, <p>_se, <p>_identifiable}, then {@code loss, rmse, iterations, starts_converged,
 * starts, status, reason}. Numbers are written with full double precision (so reading back gives the
 * same doubles). Every number written is finite: a missing number, and an unbounded standard error
 * (a parameter the column's observations do not identify: {@code <p>_identifiable} is false), is an
 * empty cell, read back as NaN; a failed column says why in {@code reason}. Part files and the
 * merged map share this format.
 */
public final class MapTable {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
  private static final List<String> TAIL = List.of("loss", "rmse", "iterations",
      "starts_converged", "starts", "status", "reason");

  private MapTable() {}

  /** The header for the given parameter names. */
  public static List<String> header(List<String> names) {
    List<String> h = new ArrayList<>(List.of("id", "lat", "lon"));
    for (String n : names) {
      h.add(n);
      h.add(n + "_se");
      h.add(n + "_identifiable");
    }
    h.addAll(TAIL);
    return h;
  }

  /** The CSV text of {@code fits} (header first). */
  public static String format(List<String> names, List<ColumnFit> fits) {
    StringWriter w = new StringWriter();
    try {
      write(w, names, fits);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  /** Writes {@code fits} with a header. */
  public static void write(Writer out, List<String> names, List<ColumnFit> fits)
      throws IOException {
    new CSVPrinter(out, FORMAT).printRecord(header(names));
    writeRows(out, names, fits);
  }

  /** Writes the rows of {@code fits} without a header (to append them to a map). */
  public static void writeRows(Writer out, List<String> names, List<ColumnFit> fits)
      throws IOException {
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    List<String> row = new ArrayList<>();
    for (ColumnFit f : fits) {
      if (!f.names().equals(names)) {
        throw new IllegalArgumentException("column " + f.id() + " has parameters " + f.names()
            + ", the map has " + names);
      }
      row.clear();
      row.add(f.id());
      row.add(num(f.lat()));
      row.add(num(f.lon()));
      for (int i = 0; i < names.size(); i++) {
        row.add(num(f.values()[i]));
        row.add(num(f.standardErrors()[i]));
        row.add(f.ok() ? Boolean.toString(f.identifiable()[i]) : "");
      }
      row.add(num(f.loss()));
      row.add(num(f.rmse()));
      row.add(Integer.toString(f.iterations()));
      row.add(Integer.toString(f.startsConverged()));
      row.add(Integer.toString(f.starts()));
      row.add(f.status());
      row.add(f.reason());
      p.printRecord(row);
    }
    p.flush();
  }

  /**
   * Reads a map or part file written by {@link #write}; fails naming the file and line if it is
   * not one.
   */
  public static List<ColumnFit> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<CSVRecord> recs = FORMAT.parse(in).getRecords();
      if (recs.isEmpty()) {
        throw new IllegalArgumentException(file + ": empty map file (no header)");
      }
      List<String> header = recs.get(0).toList();
      int np = (header.size() - 3 - TAIL.size()) / 3;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < np; i++) {
        names.add(header.get(3 + 3 * i));
      }
      if (np < 1 || !header.equals(header(names))) {
        throw new IllegalArgumentException(file + ": line 1: not a parameter-map header: "
            + header);
      }
      List<ColumnFit> out = new ArrayList<>();
      for (int r = 1; r < recs.size(); r++) {
        CSVRecord rec = recs.get(r);
        if (rec.size() != header.size()) {
          throw new IllegalArgumentException(file + ": line " + (r + 1) + ": expected "
              + header.size() + " cells, found " + rec.size());
        }
        try {
          out.add(parse(rec, names));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + ": line " + (r + 1) + ": " + e.getMessage());
        }
      }
      return out;
    }
  }

  private static ColumnFit parse(CSVRecord rec, List<String> names) {
    int n = names.size();
    double[] v = new double[n];
    double[] se = new double[n];
    boolean[] ok = new boolean[n];
    for (int i = 0; i < n; i++) {
      v[i] = parseNum(rec.get(3 + 3 * i));
      se[i] = parseNum(rec.get(4 + 3 * i));
      ok[i] = Boolean.parseBoolean(rec.get(5 + 3 * i));
    }
    int t = 3 + 3 * n;
    return new ColumnFit(rec.get(0), parseNum(rec.get(1)), parseNum(rec.get(2)), names, v, se, ok,
        parseNum(rec.get(t)), parseNum(rec.get(t + 1)), Integer.parseInt(rec.get(t + 2)),
        Integer.parseInt(rec.get(t + 3)), Integer.parseInt(rec.get(t + 4)), rec.get(t + 5),
        rec.get(t + 6));
  }

  static String num(double x) {
    return Double.isFinite(x) ? Double.toString(x) : "";
  }

  static double parseNum(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
