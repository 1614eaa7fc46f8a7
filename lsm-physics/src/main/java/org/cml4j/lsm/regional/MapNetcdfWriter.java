package org.cml4j.lsm.regional;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritiableDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.estimation.FitParam;

/**
 * Writes a parameter map as a netCDF-4-style HDF5 file with jHDF: one dimension {@code column};
 * datasets {@code column_id} (strings), {@code lat}, {@code lon}, each parameter {@code <p>} with
 * {@code <p>_se} (doubles with a {@code units} attribute, NaN where the column failed) and
 * {@code <p>_identifiable} (int8: 1 yes, 0 no or failed), {@code loss}, {@code rmse},
 * {@code iterations}, {@code status} (int8: 0 ok, 1 failed) and {@code reason} (strings). Global
 * attributes record the input and the settings. jHDF writes no dimension scales, so netCDF tools
 * name the dimension {@code phony_dim_0}.
 */
public final class MapNetcdfWriter {
  private MapNetcdfWriter() {}

  /** Writes the columns of {@code map} to {@code file} atomically. */
  public static void write(Path file, MapColumns map, Map<String, String> globalAttributes)
      throws IOException {
    List<String> names = map.names();
    AtomicWrite.write(file, tmp -> {
      try (WritableHdfFile w = HdfFile.write(tmp)) {
        w.putAttribute("title", "cml4j regional parameter map");
        w.putAttribute("Conventions", "CF-1.8; cml4j parameter map (docs/REGIONAL_FORMAT.md)");
        for (Map.Entry<String, String> e : globalAttributes.entrySet()) {
          w.putAttribute(e.getKey(), e.getValue());
        }
        w.putDataset("column_id", map.ids()).putAttribute("long_name", "column identifier");
        put(w, "lat", map.lat(), "degrees_north", "latitude");
        put(w, "lon", map.lon(), "degrees_east", "longitude");
        for (int i = 0; i < names.size(); i++) {
          String p = names.get(i);
          String unit = unit(p);
          put(w, p, map.values(i), unit, "fitted " + p);
          put(w, p + "_se", map.standardErrors(i), unit,
              "standard error of " + p + " (Fisher matrix at the optimum)");
          WritiableDataset d = w.putDataset(p + "_identifiable", map.identifiable(i));
          d.putAttribute("long_name", p + " identifiable (1) or not (0): relative SE <= 10 %, "
              + "Tb: SE <= 1 K");
        }
        put(w, "loss", map.loss(), "K2", "mean squared misfit at the optimum");
        put(w, "rmse", map.rmse(), "K", "root mean squared misfit at the optimum");
        w.putDataset("iterations", map.iterations()).putAttribute("long_name",
            "optimiser iterations of the kept start");
        w.putDataset("status", map.status()).putAttribute("long_name", "0 fitted, 1 failed");
        w.putDataset("reason", map.reasons()).putAttribute("long_name",
            "failure reason or note");
      }
    });
  }

  private static String unit(String p) {
    try {
      return FitParam.fromSymbol(p).unit();
    } catch (IllegalArgumentException e) {
      return "1";
    }
  }

  private static void put(WritableHdfFile w, String name, double[] v, String units, String ln) {
    WritiableDataset d = w.putDataset(name, v);
    d.putAttribute("units", units);
    d.putAttribute("long_name", ln);
  }
}
