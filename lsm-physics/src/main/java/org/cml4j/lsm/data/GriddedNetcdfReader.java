package org.cml4j.lsm.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gridded netCDF-4 (HDF5) file of forcing and soil-temperature observations for many
 * columns with jHDF; the format is described in {@code docs/REGIONAL_FORMAT.md}.
 *
 * <ul>
 *   <li>{@code time(time)}: CF units {@code "<seconds|minutes|hours|days> since <date>"} (UTC
 *       unless a zone is given), strictly increasing with a constant step, at least 2 records.</li>
 *   <li>Forcing {@code (time, column)}: {@code SWdown} (or {@code Kdown}) and {@code LWdown} (or
 *       {@code Ldown}) [W m-2], {@code Tair} [K or degC].</li>
 *   <li>Observations: {@code SoilTemp(time, depth, column)} [K or degC] with the coordinate
 *       {@code depth(depth)} [m, cm or mm], and/or {@code SurfTemp(time, column)} [K or degC].</li>
 *   <li>Optional {@code lat(column)} [degrees north], {@code lon(column)} [degrees east],
 *       {@code column_id(column)} (strings or integers; default the column index).</li>
 *   <li>{@code _FillValue}/{@code missing_value} and NaN are missing; {@code scale_factor} and
 *       {@code add_offset} are applied.</li>
 * </ul>
 * Structural problems (missing variable, wrong shape, unknown units) fail the whole file;
 * values are range-checked per column by {@link GriddedColumn#toSiteData()}.
 */
public final class GriddedNetcdfReader {
  /** Accepted names of each forcing variable, preferred name first. */
  static final Map<String, List<String>> FORCING = Map.of(
      "SWdown", List.of("SWdown", "Kdown"),
      "LWdown", List.of("LWdown", "Ldown"),
      "Tair", List.of("Tair"));

  private GriddedNetcdfReader() {}

  /** Reads every column of {@code file}; throws {@link SiteDataException} naming the problem. */
  public static List<GriddedColumn> read(Path file) {
    return read(file, 0, -1);
  }

  /**
   * Reads only the columns {@code [first, first + count)} of {@code file} (count -1: to the end):
   * every {@code (time, column)} and {@code (time, depth, column)} variable is read as an HDF5
   * hyperslab of those columns, so memory holds the chunk's columns, not the region's (about
   * {@code 8 * time * (3 forcings + depths + 1) * count} bytes for the values, plus the time
   * axis). Column indices and ids are those of the whole file.
   *
   * @throws SiteDataException naming the file if the range lies outside its columns
   */
  public static List<GriddedColumn> read(Path file, int first, int count) {
    String src = file.toString();
    if (!Files.isRegularFile(file)) {
      throw SiteDataException.forFile(src, null, "file not found");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      return read(hdf, src, first, count);
    } catch (SiteDataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SiteDataException.forFile(src, "cannot read as netCDF-4/HDF5 (netCDF-3 classic files "
          + "must be converted, e.g. nccopy -k nc4): " + e, e);
    }
  }

  /** Number of columns of {@code file} (the column dimension of its SWdown or Kdown). */
  public static int columnCount(Path file) {
    String src = file.toString();
    if (!Files.isRegularFile(file)) {
      throw SiteDataException.forFile(src, null, "file not found");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      int[] dims = required(hdf, src, "SWdown").getDimensions();
      return dims[dims.length - 1];
    } catch (SiteDataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SiteDataException.forFile(src, "cannot read as netCDF-4/HDF5: " + e, e);
    }
  }

  private static List<GriddedColumn> read(HdfFile hdf, String src, int first, int count) {
    long[] times = times(hdf, src);
    int nt = times.length;
    long step = times[1] - times[0];
    Dataset sw = required(hdf, src, "SWdown");
    int[] swDims = sw.getDimensions();
    if (swDims.length != 2) {
      throw SiteDataException.forFile(src, sw.getName(), "must have dimensions (time, column), "
          + "found shape " + Arrays.toString(swDims));
    }
    int all = swDims[1];
    int nc = count < 0 ? all - first : count;
    if (first < 0 || nc < 0 || first + nc > all) {
      throw SiteDataException.forFile(src, null, "columns " + first + " .. " + (first + nc - 1)
          + " requested, the file has columns 0 .. " + (all - 1));
    }
    Slice cols = new Slice(first, nc, all);
    Map<String, double[]> flat = new LinkedHashMap<>();
    for (String name : List.of("SWdown", "LWdown", "Tair")) {
      Dataset d = required(hdf, src, name);
      flat.put(name, values(d, src, new int[] {nt, all}, "(time, column)",
          name.equals("Tair") ? Kind.TEMPERATURE : Kind.FLUX, cols));
    }
    Dataset surf = dataset(hdf, "SurfTemp");
    if (surf != null) {
      flat.put("SurfTemp", values(surf, src, new int[] {nt, all}, "(time, column)",
          Kind.TEMPERATURE, cols));
    }
    Dataset soil = dataset(hdf, "SoilTemp");
    double[] depths = new double[0];
    double[] soilFlat = null;
    if (soil != null) {
      depths = depths(hdf, src);
      soilFlat = values(soil, src, new int[] {nt, depths.length, all}, "(time, depth, column)",
          Kind.TEMPERATURE, cols);
    }
    if (surf == null && soil == null) {
      throw SiteDataException.forFile(src, "SoilTemp", "no observations: give SoilTemp(time, "
          + "depth, column) and/or SurfTemp(time, column); variables found: "
          + hdf.getChildren().keySet());
    }
    double[] lat = Arrays.copyOfRange(coordinate(hdf, src, "lat", all), first, first + nc);
    double[] lon = Arrays.copyOfRange(coordinate(hdf, src, "lon", all), first, first + nc);
    String[] ids = Arrays.copyOfRange(ids(hdf, src, all), first, first + nc);
    List<GriddedColumn> out = new ArrayList<>(nc);
    for (int c = 0; c < nc; c++) {
      Map<String, double[]> vars = new LinkedHashMap<>();
      for (Map.Entry<String, double[]> e : flat.entrySet()) {
        double[] v = new double[nt];
        for (int t = 0; t < nt; t++) {
          v[t] = e.getValue()[t * nc + c];
        }
        vars.put(e.getKey(), v);
      }
      for (int k = 0; k < depths.length; k++) {
        double[] v = new double[nt];
        for (int t = 0; t < nt; t++) {
          v[t] = soilFlat[(t * depths.length + k) * nc + c];
        }
        vars.put(SiteData.soilTempName(depths[k]), v);
      }
      out.add(new GriddedColumn(first + c, ids[c], lat[c], lon[c], src, times, step, vars));
    }
    return out;
  }

  private static long[] times(HdfFile hdf, String src) {
    Dataset tv = dataset(hdf, "time");
    if (tv == null) {
      throw SiteDataException.forFile(src, "time", "no 'time' variable; variables found: "
          + hdf.getChildren().keySet());
    }
    CfTimeUnits units = CfTimeUnits.parse(attrString(tv, "units"), src, "time");
    double[] raw = doubles(tv.getDataFlat(), src, "time");
    if (raw.length < 2) {
      throw SiteDataException.forFile(src, "time", "need at least 2 records, found " + raw.length);
    }
    long[] t = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      try {
        t[i] = units.toEpochSeconds(raw[i]);
      } catch (IllegalArgumentException e) {
        throw SiteDataException.atRecord(src, i, null, "time", e.getMessage());
      }
      if (i > 0 && t[i] <= t[i - 1]) {
        throw SiteDataException.atRecord(src, i, Instant.ofEpochSecond(t[i]), "time",
            (t[i] == t[i - 1] ? "duplicated time" : "time goes backwards") + ", previous record is "
                + Instant.ofEpochSecond(t[i - 1]));
      }
      if (i > 1 && t[i] - t[i - 1] != t[1] - t[0]) {
        throw SiteDataException.atRecord(src, i, Instant.ofEpochSecond(t[i]), "time",
            "irregular time step: " + (t[i] - t[i - 1]) + " s after the previous record, expected "
                + (t[1] - t[0]) + " s");
      }
    }
    return t;
  }

  private static double[] depths(HdfFile hdf, String src) {
    Dataset dv = dataset(hdf, "depth");
    if (dv == null) {
      throw SiteDataException.forFile(src, "depth", "SoilTemp needs the coordinate variable "
          + "depth(depth) with the depths in m");
    }
    double scale = lengthScale(attrString(dv, "units"), src);
    double[] d = doubles(dv.getDataFlat(), src, "depth");
    Set<String> names = new HashSet<>();
    for (int k = 0; k < d.length; k++) {
      d[k] *= scale;
      if (!(d[k] > 0 && d[k] < 1)) {
        throw SiteDataException.atRecord(src, k, null, "depth", "soil depth " + d[k]
            + " m is outside the model column (0, 1) m");
      }
      if (!names.add(SiteData.soilTempName(d[k]))) {
        throw SiteDataException.atRecord(src, k, null, "depth", "depth " + d[k]
            + " m is repeated");
      }
    }
    return d;
  }

  private static double lengthScale(String units, String src) {
    if (units == null) {
      return 1;
    }
    switch (units.trim().toLowerCase(Locale.ROOT)) {
      case "m": case "meter": case "meters": case "metre": case "metres": return 1;
      case "cm": return 0.01;
      case "mm": return 0.001;
      default: throw SiteDataException.forFile(src, "depth", "units '" + units
          + "' not understood; use m, cm or mm");
    }
  }

  private static double[] coordinate(HdfFile hdf, String src, String name, int nc) {
    Dataset d = dataset(hdf, name);
    double[] v = new double[nc];
    if (d == null) {
      Arrays.fill(v, Double.NaN);
      return v;
    }
    double[] raw = values(d, src, new int[] {nc}, "(column)", Kind.NONE, null);
    double limit = name.equals("lat") ? 90 : 360;
    for (int c = 0; c < nc; c++) {
      if (!Double.isNaN(raw[c]) && !(Math.abs(raw[c]) <= limit)) {
        throw SiteDataException.atRecord(src, c, null, name, "value " + raw[c]
            + " is outside the allowed range [" + -limit + ", " + limit + "] degrees");
      }
    }
    return raw;
  }

  private static String[] ids(HdfFile hdf, String src, int nc) {
    Dataset d = dataset(hdf, "column_id");
    String[] ids = new String[nc];
    if (d == null) {
      for (int c = 0; c < nc; c++) {
        ids[c] = Integer.toString(c);
      }
      return ids;
    }
    Object flat = d.getDataFlat();
    if (Array.getLength(flat) != nc) {
      throw SiteDataException.forFile(src, "column_id", "has " + Array.getLength(flat)
          + " values for " + nc + " columns");
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < nc; c++) {
      Object o = Array.get(flat, c);
      String s = o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          ? Long.toString(n.longValue()) : String.valueOf(o).trim();
      if (s.isEmpty() || !seen.add(s)) {
        throw SiteDataException.atRecord(src, c, null, "column_id", s.isEmpty()
            ? "empty column id" : "column id '" + s + "' is repeated");
      }
      ids[c] = s;
    }
    return ids;
  }

  private enum Kind { TEMPERATURE, FLUX, NONE }

  /** Columns {@code [first, first + count)} of {@code all}. */
  private record Slice(int first, int count, int all) {
    boolean whole() {
      return first == 0 && count == all;
    }
  }

  /**
   * Reads a variable of the expected shape (last dimension = column) as doubles in SI units,
   * missing values as NaN; with a partial {@code cols} only those columns (an HDF5 hyperslab),
   * flattened with the column index fastest.
   */
  private static double[] values(Dataset d, String src, int[] shape, String dims, Kind kind,
      Slice cols) {
    String name = d.getName();
    if (!Arrays.equals(d.getDimensions(), shape)) {
      throw SiteDataException.forFile(src, name, "must have dimensions " + dims + " = "
          + Arrays.toString(shape) + ", found shape " + Arrays.toString(d.getDimensions()));
    }
    double[] v;
    if (cols == null || cols.whole()) {
      v = doubles(d.getDataFlat(), src, name);
    } else {
      long[] offset = new long[shape.length];
      int[] part = shape.clone();
      offset[shape.length - 1] = cols.first();
      part[shape.length - 1] = cols.count();
      int size = 1;
      for (int x : part) {
        size *= x;
      }
      v = new double[size];
      flatten(d.getData(offset, part), v, new int[] {0}, src, name);
    }
    double fill = attrDouble(d, "_FillValue");
    double missing = attrDouble(d, "missing_value");
    double scale = Double.isNaN(attrDouble(d, "scale_factor")) ? 1 : attrDouble(d, "scale_factor");
    double offset = Double.isNaN(attrDouble(d, "add_offset")) ? 0 : attrDouble(d, "add_offset");
    double shift = switch (kind) {
      case TEMPERATURE -> temperatureOffset(attrString(d, "units"), src, name);
      case FLUX -> checkFlux(attrString(d, "units"), src, name);
      case NONE -> 0;
    };
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      v[i] = x == fill || x == missing ? Double.NaN : x * scale + offset + shift;
    }
    return v;
  }

  private static double temperatureOffset(String units, String src, String name) {
    if (units == null) {
      return 0;
    }
    String u = units.trim().toLowerCase(Locale.ROOT).replace("°", "deg").replace(" ", "");
    switch (u) {
      case "k": case "kelvin": case "degk": return 0;
      case "degc": case "c": case "celsius": case "deg_c": case "degree_celsius":
      case "degrees_celsius": case "degrees_c": return 273.15;
      default: throw SiteDataException.forFile(src, name, "temperature units '" + units
          + "' not understood; use K or degC");
    }
  }

  private static double checkFlux(String units, String src, String name) {
    if (units == null) {
      return 0;
    }
    String u = units.toLowerCase(Locale.ROOT).replaceAll("[\\s.*^]", "");
    if (!u.equals("wm-2") && !u.equals("w/m2")) {
      throw SiteDataException.forFile(src, name, "units '" + units
          + "' not understood; use W m-2");
    }
    return 0;
  }

  private static Dataset required(HdfFile hdf, String src, String name) {
    for (String alias : FORCING.get(name)) {
      Dataset d = dataset(hdf, alias);
      if (d != null) {
        return d;
      }
    }
    throw SiteDataException.forFile(src, name, "required forcing variable missing (accepted "
        + "names: " + FORCING.get(name) + "); variables found: " + hdf.getChildren().keySet());
  }

  private static Dataset dataset(HdfFile hdf, String name) {
    Node n = hdf.getChildren().get(name);
    return n instanceof Dataset d ? d : null;
  }

  /** Copies a (nested) numeric Java array into {@code out} in row-major order. */
  private static void flatten(Object a, double[] out, int[] at, String src, String name) {
    if (a instanceof double[] dv) {
      System.arraycopy(dv, 0, out, at[0], dv.length);
      at[0] += dv.length;
      return;
    }
    if (a instanceof Object[] rows) {
      for (Object r : rows) {
        flatten(r, out, at, src, name);
      }
      return;
    }
    for (double x : doubles(a, src, name)) {
      out[at[0]++] = x;
    }
  }

  private static double[] doubles(Object flat, String src, String name) {
    if (flat instanceof double[] dv) {
      return dv.clone();
    }
    if (flat instanceof float[] fv) {
      double[] v = new double[fv.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = fv[i];
      }
      return v;
    }
    int n = Array.getLength(flat);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      Object o = Array.get(flat, i);
      if (!(o instanceof Number num)) {
        throw SiteDataException.forFile(src, name, "is not numeric (found "
            + o.getClass().getSimpleName() + ")");
      }
      v[i] = num.doubleValue();
    }
    return v;
  }

  private static String attrString(Node n, String name) {
    Attribute a = n.getAttribute(name);
    if (a == null) {
      return null;
    }
    Object d = a.getData();
    if (d != null && d.getClass().isArray()) {
      d = Array.getLength(d) == 0 ? null : Array.get(d, 0);
    }
    return d == null ? null : d.toString();
  }

  private static double attrDouble(Node n, String name) {
    Attribute a = n.getAttribute(name);
    if (a == null) {
      return Double.NaN;
    }
    Object d = a.getData();
    if (d != null && d.getClass().isArray()) {
      d = Array.getLength(d) == 0 ? null : Array.get(d, 0);
    }
    return d instanceof Number num ? num.doubleValue() : Double.NaN;
  }
}
