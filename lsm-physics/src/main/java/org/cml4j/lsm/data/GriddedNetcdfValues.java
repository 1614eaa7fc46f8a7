package org.cml4j.lsm.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetReader;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of a gridded netCDF-4/HDF5 file as jHDF datasets: lookup by name (with the
 * accepted aliases of the forcings), shape and units checks, and values in SI units with missing
 * values as NaN, either whole or as an HDF5 hyperslab of a range of columns (the last dimension),
 * so a chunk of columns costs memory for that chunk only. Used by {@link GriddedNetcdfLayout} and
 * {@link GriddedNetcdfReader}.
 */
final class GriddedNetcdfValues {
  /** Accepted names of each forcing variable, preferred name first. */
  static final Map<String, List<String>> FORCING = Map.of(
      "SWdown", List.of("SWdown", "Kdown"),
      "LWdown", List.of("LWdown", "Ldown"),
      "Tair", List.of("Tair"));

  /** How a variable's units are checked and converted to SI. */
  enum Kind { TEMPERATURE, FLUX, NONE }

  private GriddedNetcdfValues() {}

  /** The forcing variable {@code name} under one of its accepted names. */
  static Dataset required(HdfFile hdf, String src, String name) {
    for (String alias : FORCING.get(name)) {
      Dataset d = dataset(hdf, alias);
      if (d != null) {
        return d;
      }
    }
    throw SiteDataException.forFile(src, name, "required forcing variable missing (accepted "
        + "names: " + FORCING.get(name) + "); variables found: " + hdf.getChildren().keySet());
  }

  /** The dataset {@code name}, or null if the file has none. */
  static Dataset dataset(HdfFile hdf, String name) {
    Node n = hdf.getChildren().get(name);
    return n instanceof Dataset d ? d : null;
  }

  /**
   * Checks that {@code d} has the expected shape and understood units; returns the offset added
   * to convert to SI (273.15 for degC, else 0).
   */
  static double check(Dataset d, String src, int[] shape, String dims, Kind kind) {
    String name = d.getName();
    if (!Arrays.equals(d.getDimensions(), shape)) {
      throw SiteDataException.forFile(src, name, "must have dimensions " + dims + " = "
          + Arrays.toString(shape) + ", found shape " + Arrays.toString(d.getDimensions()));
    }
    return switch (kind) {
      case TEMPERATURE -> temperatureOffset(attrString(d, "units"), src, name);
      case FLUX -> checkFlux(attrString(d, "units"), src, name);
      case NONE -> 0;
    };
  }

  /**
   * Reads a variable of the expected shape (last dimension = column) as doubles in SI units,
   * missing values as NaN; only the columns {@code [first, first + count)} (an HDF5 hyperslab
   * unless that is every column), flattened with the column index fastest. The array is
   * {@code count} times the other dimensions long: the memory of the chunk, not of the file.
   */
  static double[] values(Dataset d, String src, int[] shape, String dims, Kind kind, int first,
      int count) {
    String name = d.getName();
    double shift = check(d, src, shape, dims, kind);
    int last = shape.length - 1;
    int[] part = shape.clone();
    part[last] = count;
    double[] v;
    if (d instanceof ChunkedDataset cd) {
      v = chunkedSlice(cd, shape, first, count, src);
    } else if (first == 0 && count == shape[last]) {
      v = doubles(d.getDataFlat(), src, name);
    } else if (d instanceof ContiguousDataset) {
      long[] offset = new long[shape.length];
      offset[last] = first;
      v = new double[Arrays.stream(part).reduce(1, Math::multiplyExact)];
      flatten(d.getData(offset, part), v, new int[] {0}, src, name);
    } else { // compact: at most 64 KB, stored in the object header
      double[] all = doubles(d.getDataFlat(), src, name);
      v = new double[Arrays.stream(part).reduce(1, Math::multiplyExact)];
      for (int i = 0; i < v.length; i++) {
        v[i] = all[i / count * shape[last] + first + i % count];
      }
    }
    double fill = attrDouble(d, "_FillValue");
    double missing = attrDouble(d, "missing_value");
    double scale = Double.isNaN(attrDouble(d, "scale_factor")) ? 1 : attrDouble(d, "scale_factor");
    double offset = Double.isNaN(attrDouble(d, "add_offset")) ? 0 : attrDouble(d, "add_offset");
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      v[i] = x == fill || x == missing ? Double.NaN : x * scale + offset + shift;
    }
    return v;
  }

  /**
   * Columns {@code [first, first + count)} of a chunked dataset (e.g. compressed, or with an
   * unlimited time dimension, as the netCDF C library writes), decoded chunk by chunk with jHDF's
   * own decompression and type decoding: jHDF 0.8.4 slices only contiguous datasets (0.9.3 adds
   * chunked slicing). Every chunk overlapping the columns is read once; memory is the slice plus
   * one decompressed chunk. Flattened row-major with the column index fastest.
   */
  private static double[] chunkedSlice(ChunkedDataset d, int[] shape, int first, int count,
      String src) {
    int r = shape.length;
    int[] cd = Arrays.copyOf(d.getChunkDimensions(), r);
    int[] part = shape.clone();
    part[r - 1] = count;
    double[] out = new double[Arrays.stream(part).reduce(1, Math::multiplyExact)];
    if (out.length == 0) {
      return out;
    }
    int chunkLength = Arrays.stream(cd).reduce(1, Math::multiplyExact);
    int lastStart = first / cd[r - 1] * cd[r - 1];
    int[] origin = new int[r];
    origin[r - 1] = lastStart;
    int axis;
    do {
      double[] chunk = doubles(DatasetReader.readDataset(d.getDataType(),
          ByteBuffer.wrap(d.getDecompressedChunk(origin)), chunkLength, null), src, d.getName());
      int[] local = new int[r];
      for (int e = 0; e < chunkLength; e++) {
        int o = 0;
        boolean inside = true;
        for (int i = 0; i < r && inside; i++) {
          int g = origin[i] + local[i] - (i == r - 1 ? first : 0);
          inside = g >= 0 && g < part[i] && origin[i] + local[i] < shape[i];
          o = o * part[i] + g;
        }
        if (inside) {
          out[o] = chunk[e];
        }
        for (int i = r - 1; i >= 0 && ++local[i] == cd[i]; i--) {
          local[i] = 0;
        }
      }
      // the next chunk: last axis fastest, over the chunks overlapping the requested columns
      for (axis = r - 1; axis >= 0; axis--) {
        origin[axis] += cd[axis];
        if (origin[axis] < (axis == r - 1 ? first + count : shape[axis])) {
          break;
        }
        origin[axis] = axis == r - 1 ? lastStart : 0;
      }
    } while (axis >= 0);
    return out;
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

  /** A flat numeric Java array as doubles (a copy). */
  static double[] doubles(Object flat, String src, String name) {
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

  /** The attribute as a string (first element of an array), or null. */
  static String attrString(Node n, String name) {
    Object d = attr(n, name);
    return d == null ? null : d.toString();
  }

  private static double attrDouble(Node n, String name) {
    return attr(n, name) instanceof Number num ? num.doubleValue() : Double.NaN;
  }

  private static Object attr(Node n, String name) {
    Attribute a = n.getAttribute(name);
    if (a == null) {
      return null;
    }
    Object d = a.getData();
    if (d != null && d.getClass().isArray()) {
      d = Array.getLength(d) == 0 ? null : Array.get(d, 0);
    }
    return d;
  }
}
