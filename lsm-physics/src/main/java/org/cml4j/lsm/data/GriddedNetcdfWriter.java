package org.cml4j.lsm.data;

import org.cml4j.lsm.regional.AtomicWrite;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritiableDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes columns in the gridded netCDF-4/HDF5 format read by {@link GriddedNetcdfReader}
 * ({@code docs/REGIONAL_FORMAT.md}), with jHDF's writer: doubles, NaN for missing values, units
 * attributes. jHDF writes no HDF5 dimension scales, so netCDF tools show the dimensions as
 * {@code phony_dim_*}; the variable shapes are the documented ones. The file is written next to the
 * target and moved into place, so readers never see a half-written file.
 */
public final class GriddedNetcdfWriter {
  private GriddedNetcdfWriter() {}

  /**
   * Writes {@code columns}, which must share one time axis and one set of variables.
   *
   * @param title free-text title stored as a global attribute
   */
  public static void write(Path file, List<GriddedColumn> columns, String title)
      throws IOException {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("gridded file " + file + ": no columns to write");
    }
    GriddedColumn first = columns.get(0);
    long[] times = first.epochSeconds();
    List<String> names = new ArrayList<>(first.variables().keySet());
    for (GriddedColumn c : columns) {
      if (!java.util.Arrays.equals(c.epochSeconds(), times)
          || !c.variables().keySet().equals(first.variables().keySet())) {
        throw new IllegalArgumentException("gridded file " + file + ": column " + c.id()
            + " has another time axis or other variables than column " + first.id());
      }
    }
    List<Double> depths = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(SiteData.SOIL_TEMP_PREFIX)) {
        depths.add(Double.parseDouble(n.substring(SiteData.SOIL_TEMP_PREFIX.length())));
      }
    }
    depths.sort(Double::compare);
    int nt = times.length;
    int nc = columns.size();
    Path target = file.toAbsolutePath();
    // through a temporary file renamed over the target: never a half-written file, and every
    // failure (a full disk, jHDF's "Exception writing") names the target
    AtomicWrite.write(target, tmp -> {
      try (WritableHdfFile w = HdfFile.write(tmp)) {
        w.putAttribute("title", title);
        w.putAttribute("Conventions", "CF-1.8; cml4j gridded columns (docs/REGIONAL_FORMAT.md)");
        w.putAttribute("history", "written by cml4j GriddedNetcdfWriter");
        boolean hourly = first.stepSeconds() % 3600 == 0 && nt > 0;
        double unit = hourly ? 3600 : 1;
        double[] tv = new double[nt];
        for (int t = 0; t < nt; t++) {
          tv[t] = (times[t] - times[0]) / unit;
        }
        String ref = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(Instant.ofEpochSecond(times[0]).atOffset(ZoneOffset.UTC));
        WritiableDataset time = w.putDataset("time", tv);
        time.putAttribute("units", (hourly ? "hours" : "seconds") + " since " + ref);
        time.putAttribute("calendar", "standard");
        time.putAttribute("standard_name", "time");
        String[] ids = new String[nc];
        double[] lat = new double[nc];
        double[] lon = new double[nc];
        for (int c = 0; c < nc; c++) {
          ids[c] = columns.get(c).id();
          lat[c] = columns.get(c).lat();
          lon[c] = columns.get(c).lon();
        }
        w.putDataset("column_id", ids).putAttribute("long_name", "column identifier");
        put(w, "lat", lat, "degrees_north", "latitude");
        put(w, "lon", lon, "degrees_east", "longitude");
        put2d(w, columns, "SWdown", "W m-2", "downward shortwave radiation (Kdown)");
        put2d(w, columns, "LWdown", "W m-2", "downward longwave radiation (Ldown)");
        put2d(w, columns, "Tair", "K", "air temperature");
        if (names.contains("SurfTemp")) {
          put2d(w, columns, "SurfTemp", "K", "radiometric surface temperature");
        }
        if (!depths.isEmpty()) {
          double[] d = depths.stream().mapToDouble(Double::doubleValue).toArray();
          put(w, "depth", d, "m", "depth below the surface of the soil temperatures");
          double[][][] soil = new double[nt][d.length][nc];
          for (int k = 0; k < d.length; k++) {
            String name = SiteData.soilTempName(d[k]);
            for (int c = 0; c < nc; c++) {
              double[] v = columns.get(c).variables().get(name);
              for (int t = 0; t < nt; t++) {
                soil[t][k][c] = v[t];
              }
            }
          }
          WritiableDataset s = w.putDataset("SoilTemp", soil);
          s.putAttribute("units", "K");
          s.putAttribute("long_name", "soil temperature (time, depth, column)");
        }
      }
    });
  }

  private static void put(WritableHdfFile w, String name, double[] v, String units,
      String longName) {
    WritiableDataset d = w.putDataset(name, v);
    d.putAttribute("units", units);
    d.putAttribute("long_name", longName);
  }

  private static void put2d(WritableHdfFile w, List<GriddedColumn> columns, String name,
      String units, String longName) {
    int nt = columns.get(0).epochSeconds().length;
    double[][] v = new double[nt][columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      double[] s = columns.get(c).variables().get(name);
      if (s == null) {
        throw new IllegalArgumentException("column " + columns.get(c).id() + " has no " + name);
      }
      for (int t = 0; t < nt; t++) {
        v[t][c] = s[t];
      }
    }
    WritiableDataset d = w.putDataset(name, v);
    d.putAttribute("units", units);
    d.putAttribute("long_name", longName);
  }
}
