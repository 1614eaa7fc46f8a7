package org.cml4j.lsm.data;

import static org.cml4j.lsm.data.GriddedNetcdfValues.Kind;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything of a gridded netCDF file ({@code docs/REGIONAL_FORMAT.md}) except the values of its
 * {@code (time, column)} and {@code (time, depth, column)} variables: the checked time axis, the
 * observed depths, the column ids and locations. Reading it checks the whole file's structure
 * (variables present, shapes, units, time axis, ids) without reading any forcing or observation,
 * so a streamed run fails on a bad file before it fits anything; its memory is
 * {@code O(time + columns)}. {@link GriddedNetcdfWriter} takes a layout as the plan of the file it
 * writes.
 *
 * @param file the file, as named in error messages
 * @param epochSeconds UTC times of the records [s since 1970-01-01], at least 2, constant step
 * @param stepSeconds the time step [s]
 * @param depths depths of {@code SoilTemp} in file order [m] (empty: no SoilTemp)
 * @param surfaceTemperature whether the file has {@code SurfTemp}
 * @param ids column identifiers (unique)
 * @param lat latitudes [degrees north], NaN if unknown
 * @param lon longitudes [degrees east], NaN if unknown
 */
public record GriddedNetcdfLayout(String file, long[] epochSeconds, long stepSeconds,
    double[] depths, boolean surfaceTemperature, String[] ids, double[] lat, double[] lon) {

  public GriddedNetcdfLayout {
    if (ids.length != lat.length || ids.length != lon.length) {
      throw new IllegalArgumentException(file + ": " + ids.length + " ids, " + lat.length
          + " latitudes and " + lon.length + " longitudes");
    }
    if (depths.length == 0 && !surfaceTemperature) {
      throw new IllegalArgumentException(file + ": no observations (no depth, no SurfTemp)");
    }
  }

  /** Number of columns. */
  public int columns() {
    return ids.length;
  }

  /** Number of time records. */
  public int records() {
    return epochSeconds.length;
  }

  /** ALMA names of a column's series: SWdown, LWdown, Tair, [SurfTemp], SoilTemp_&lt;d&gt;.... */
  public List<String> variables() {
    List<String> v = new ArrayList<>(List.of("SWdown", "LWdown", "Tair"));
    if (surfaceTemperature) {
      v.add("SurfTemp");
    }
    for (double d : depths) {
      v.add(SiteData.soilTempName(d));
    }
    return v;
  }

  /** Bytes of one column's values in memory: 8 x records x variables. */
  public long bytesPerColumn() {
    return 8L * records() * variables().size();
  }

  /** Reads and checks the layout of an open file (no forcing or observation values). */
  static GriddedNetcdfLayout read(HdfFile hdf, String src) {
    long[] times = times(hdf, src);
    int nt = times.length;
    Dataset sw = GriddedNetcdfValues.required(hdf, src, "SWdown");
    int[] swDims = sw.getDimensions();
    if (swDims.length != 2) {
      throw SiteDataException.forFile(src, sw.getName(), "must have dimensions (time, column), "
          + "found shape " + Arrays.toString(swDims));
    }
    int nc = swDims[1];
    for (String name : List.of("SWdown", "LWdown", "Tair")) {
      GriddedNetcdfValues.check(GriddedNetcdfValues.required(hdf, src, name), src,
          new int[] {nt, nc}, "(time, column)", name.equals("Tair") ? Kind.TEMPERATURE : Kind.FLUX);
    }
    Dataset surf = GriddedNetcdfValues.dataset(hdf, "SurfTemp");
    if (surf != null) {
      GriddedNetcdfValues.check(surf, src, new int[] {nt, nc}, "(time, column)", Kind.TEMPERATURE);
    }
    Dataset soil = GriddedNetcdfValues.dataset(hdf, "SoilTemp");
    double[] depths = new double[0];
    if (soil != null) {
      depths = depths(hdf, src);
      GriddedNetcdfValues.check(soil, src, new int[] {nt, depths.length, nc},
          "(time, depth, column)", Kind.TEMPERATURE);
    }
    if (surf == null && soil == null) {
      throw SiteDataException.forFile(src, "SoilTemp", "no observations: give SoilTemp(time, "
          + "depth, column) and/or SurfTemp(time, column); variables found: "
          + hdf.getChildren().keySet());
    }
    return new GriddedNetcdfLayout(src, times, times[1] - times[0], depths, surf != null,
        ids(hdf, src, nc), coordinate(hdf, src, "lat", nc), coordinate(hdf, src, "lon", nc));
  }

  private static long[] times(HdfFile hdf, String src) {
    Dataset tv = GriddedNetcdfValues.dataset(hdf, "time");
    if (tv == null) {
      throw SiteDataException.forFile(src, "time", "no 'time' variable; variables found: "
          + hdf.getChildren().keySet());
    }
    CfTimeUnits units = CfTimeUnits.parse(GriddedNetcdfValues.attrString(tv, "units"), src,
        "time");
    double[] raw = GriddedNetcdfValues.doubles(tv.getDataFlat(), src, "time");
    return units.toEpochSeconds(raw, src, "time", true);
  }

  private static double[] depths(HdfFile hdf, String src) {
    Dataset dv = GriddedNetcdfValues.dataset(hdf, "depth");
    if (dv == null) {
      throw SiteDataException.forFile(src, "depth", "SoilTemp needs the coordinate variable "
          + "depth(depth) with the depths in m");
    }
    double scale = lengthScale(GriddedNetcdfValues.attrString(dv, "units"), src);
    double[] d = GriddedNetcdfValues.doubles(dv.getDataFlat(), src, "depth");
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
    Dataset d = GriddedNetcdfValues.dataset(hdf, name);
    if (d == null) {
      double[] v = new double[nc];
      Arrays.fill(v, Double.NaN);
      return v;
    }
    double[] raw = GriddedNetcdfValues.values(d, src, new int[] {nc}, "(column)", Kind.NONE, 0,
        nc);
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
    Dataset d = GriddedNetcdfValues.dataset(hdf, "column_id");
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
}
