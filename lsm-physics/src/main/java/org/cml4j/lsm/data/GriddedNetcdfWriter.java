package org.cml4j.lsm.data;

import org.cml4j.lsm.regional.AtomicWrite;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.WritiableDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.OrderedDataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes columns in the gridded netCDF-4/HDF5 format read by {@link GriddedNetcdfReader}
 * ({@code docs/REGIONAL_FORMAT.md}), with jHDF's writer: doubles, NaN for missing values, units
 * attributes. jHDF writes no HDF5 dimension scales, so netCDF tools show the dimensions as
 * {@code phony_dim_*}; the variable shapes are the documented ones. The file is written next to the
 * target and moved into place, so readers never see a half-written file.
 *
 * <p>Streaming: {@link #write(Path, GriddedNetcdfLayout, String, Iterator)} takes the columns block
 * by block, so memory holds one block, not the region (a year of hourly forcing for 10^4 columns is
 * 3.5 GB). jHDF (0.8.4 here, and still 0.13) writes a dataset only from a whole Java array, and its
 * streamed datasets (0.9.2+) grow along the first dimension, time, which would need every column
 * of each time slab. So the file's structure is written by jHDF with placeholder (NaN) values whose
 * rows all share one array, and each block's values are then written in place: an HDF5 contiguous
 * dataset is its raw row-major values at the address of its layout message, with no checksum, so
 * column {@code c} of record {@code t} lies at {@code address + 8 (t x columns + c)} (and
 * {@code 8 ((t x depths + k) x columns + c)} for SoilTemp), in the byte order of its datatype; the
 * address and order are read back with jHDF's reader, not assumed.
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
    Set<Double> depths = new TreeSet<>();
    for (String n : first.variables().keySet()) {
      if (n.startsWith(SiteData.SOIL_TEMP_PREFIX)) {
        depths.add(Double.parseDouble(n.substring(SiteData.SOIL_TEMP_PREFIX.length())));
      }
    }
    int nc = columns.size();
    String[] ids = new String[nc];
    double[] lat = new double[nc];
    double[] lon = new double[nc];
    for (int c = 0; c < nc; c++) {
      ids[c] = columns.get(c).id();
      lat[c] = columns.get(c).lat();
      lon[c] = columns.get(c).lon();
    }
    GriddedNetcdfLayout layout = new GriddedNetcdfLayout(file.toString(), first.epochSeconds(),
        first.stepSeconds(), depths.stream().mapToDouble(Double::doubleValue).toArray(),
        first.variables().containsKey("SurfTemp"), ids, lat, lon);
    write(file, layout, title, List.of(columns).iterator());
  }

  /**
   * Writes the file planned by {@code layout} from {@code blocks}: consecutive blocks of columns
   * in file order (the first block starts at column 0), each column with the layout's time axis
   * and variables; holds one block at a time.
   *
   * @throws IllegalArgumentException if a column does not match the layout or the blocks do not
   *     hold exactly the layout's columns
   */
  public static void write(Path file, GriddedNetcdfLayout layout, String title,
      Iterator<List<GriddedColumn>> blocks) throws IOException {
    Path target = file.toAbsolutePath();
    // through a temporary file renamed over the target: never a half-written file, and every
    // failure (a full disk, jHDF's "Exception writing") names the target
    AtomicWrite.write(target, tmp -> {
      writeStructure(tmp, layout, title);
      Map<String, Target> targets = targets(tmp, layout);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        int next = 0;
        while (blocks.hasNext()) {
          List<GriddedColumn> block = blocks.next();
          check(file, layout, next, block);
          for (Map.Entry<String, Target> e : targets.entrySet()) {
            writeBlock(ch, e.getValue(), e.getKey(), layout, next, block);
          }
          next += block.size();
        }
        if (next != layout.columns()) {
          throw new IllegalArgumentException("gridded file " + file + ": " + next + " columns "
              + "given, the layout has " + layout.columns());
        }
      }
    });
  }

  /** Where a variable's values lie in the file, and their byte order. */
  private record Target(long address, ByteOrder order, int depths) {}

  private static void writeStructure(Path tmp, GriddedNetcdfLayout layout, String title) {
    long[] times = layout.epochSeconds();
    int nt = times.length;
    double[] nanRow = new double[layout.columns()];
    Arrays.fill(nanRow, Double.NaN);
    double[][] plane = new double[nt][];
    Arrays.fill(plane, nanRow); // every row the same array: the placeholder costs one row
    try (WritableHdfFile w = HdfFile.write(tmp)) {
      w.putAttribute("title", title);
      w.putAttribute("Conventions", "CF-1.8; cml4j gridded columns (docs/REGIONAL_FORMAT.md)");
      w.putAttribute("history", "written by cml4j GriddedNetcdfWriter");
      boolean hourly = layout.stepSeconds() % 3600 == 0;
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
      w.putDataset("column_id", layout.ids()).putAttribute("long_name", "column identifier");
      put(w, "lat", layout.lat(), "degrees_north", "latitude");
      put(w, "lon", layout.lon(), "degrees_east", "longitude");
      put(w, "SWdown", plane, "W m-2", "downward shortwave radiation (Kdown)");
      put(w, "LWdown", plane, "W m-2", "downward longwave radiation (Ldown)");
      put(w, "Tair", plane, "K", "air temperature");
      if (layout.surfaceTemperature()) {
        put(w, "SurfTemp", plane, "K", "radiometric surface temperature");
      }
      double[] d = layout.depths();
      if (d.length > 0) {
        put(w, "depth", d, "m", "depth below the surface of the soil temperatures");
        double[][] depthRows = new double[d.length][];
        Arrays.fill(depthRows, nanRow);
        double[][][] soil = new double[nt][][];
        Arrays.fill(soil, depthRows);
        put(w, "SoilTemp", soil, "K", "soil temperature (time, depth, column)");
      }
    }
  }

  /** The data address and byte order of each (time, [depth,] column) variable, read back. */
  private static Map<String, Target> targets(Path tmp, GriddedNetcdfLayout layout) {
    Map<String, Target> out = new LinkedHashMap<>();
    try (HdfFile hdf = new HdfFile(tmp)) {
      for (String name : layout.variables()) {
        String ds = name.startsWith(SiteData.SOIL_TEMP_PREFIX) ? "SoilTemp" : name;
        if (out.containsKey(ds)) {
          continue;
        }
        Dataset d = hdf.getDatasetByPath(ds);
        out.put(ds, new Target(((ContiguousDataset) d).getDataAddress(),
            ((OrderedDataType) d.getDataType()).getByteOrder(),
            ds.equals("SoilTemp") ? layout.depths().length : 0));
      }
    }
    return out;
  }

  private static void check(Path file, GriddedNetcdfLayout layout, int first,
      List<GriddedColumn> block) {
    Set<String> names = new HashSet<>(layout.variables());
    for (int i = 0; i < block.size(); i++) {
      GriddedColumn c = block.get(i);
      if (first + i >= layout.columns() || !c.id().equals(layout.ids()[first + i])) {
        throw new IllegalArgumentException("gridded file " + file + ": column " + c.id()
            + " given at position " + (first + i) + ", the layout has "
            + (first + i < layout.columns() ? layout.ids()[first + i] : "no column") + " there");
      }
      if (!Arrays.equals(c.epochSeconds(), layout.epochSeconds())
          || !c.variables().keySet().equals(names)) {
        throw new IllegalArgumentException("gridded file " + file + ": column " + c.id()
            + " has another time axis or other variables than " + layout.variables());
      }
    }
  }

  private static void writeBlock(FileChannel ch, Target target, String ds,
      GriddedNetcdfLayout layout, int first, List<GriddedColumn> block) throws IOException {
    int nt = layout.records();
    int nc = layout.columns();
    int n = block.size();
    int layers = Math.max(1, target.depths());
    double[][] series = new double[n][];
    ByteBuffer buf = ByteBuffer.allocate(8 * n).order(target.order());
    DoubleBuffer doubles = buf.asDoubleBuffer();
    for (int k = 0; k < layers; k++) {
      String name = ds.equals("SoilTemp") ? SiteData.soilTempName(layout.depths()[k]) : ds;
      for (int c = 0; c < n; c++) {
        series[c] = block.get(c).variables().get(name);
      }
      for (int t = 0; t < nt; t++) {
        doubles.clear();
        for (int c = 0; c < n; c++) {
          doubles.put(series[c][t]);
        }
        buf.clear();
        long at = target.address() + 8L * (((long) t * layers + k) * nc + first);
        while (buf.hasRemaining()) {
          at += ch.write(buf, at);
        }
      }
    }
  }

  private static void put(WritableHdfFile w, String name, Object v, String units,
      String longName) {
    WritiableDataset d = w.putDataset(name, v);
    d.putAttribute("units", units);
    d.putAttribute("long_name", longName);
  }
}
