package org.cml4j.lsm.data;

import static org.cml4j.lsm.data.GriddedNetcdfValues.Kind;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * Structural problems (missing variable, wrong shape, unknown units) fail the whole file
 * ({@link #layout} checks them without reading any values); values are range-checked per column by
 * {@link GriddedColumn#toSiteData()}. {@link #read(Path, int, int)} reads a range of columns only:
 * the unit of a streamed regional run.
 */
public final class GriddedNetcdfReader {
  private GriddedNetcdfReader() {}

  /** Reads every column of {@code file}; throws {@link SiteDataException} naming the problem. */
  public static List<GriddedColumn> read(Path file) {
    return read(file, 0, -1);
  }

  /**
   * Reads only the columns {@code [first, first + count)} of {@code file} (count -1: to the end):
   * every {@code (time, column)} and {@code (time, depth, column)} variable is read as an HDF5
   * hyperslab of those columns, so memory holds the chunk's columns, not the region's:
   * {@code count x }{@link GriddedNetcdfLayout#bytesPerColumn()} for the values (8 x time x
   * (3 forcings + depths + SurfTemp) x count bytes), plus the layout ({@code O(time + columns)}).
   * Column indices and ids are those of the whole file.
   *
   * @throws SiteDataException naming the file if the range lies outside its columns
   */
  public static List<GriddedColumn> read(Path file, int first, int count) {
    return open(file, hdf -> read(hdf, file.toString(), first, count));
  }

  /** The file's layout (structure checked, no values read). */
  public static GriddedNetcdfLayout layout(Path file) {
    return open(file, hdf -> GriddedNetcdfLayout.read(hdf, file.toString()));
  }

  /** Number of columns of {@code file} (the column dimension of its SWdown or Kdown). */
  public static int columnCount(Path file) {
    return layout(file).columns();
  }

  private static <T> T open(Path file, Function<HdfFile, T> body) {
    String src = file.toString();
    if (!Files.isRegularFile(file)) {
      throw SiteDataException.forFile(src, null, "file not found");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      return body.apply(hdf);
    } catch (SiteDataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SiteDataException.forFile(src, "cannot read as netCDF-4/HDF5 (netCDF-3 classic files "
          + "must be converted, e.g. nccopy -k nc4): " + e, e);
    }
  }

  private static List<GriddedColumn> read(HdfFile hdf, String src, int first, int count) {
    GriddedNetcdfLayout layout = GriddedNetcdfLayout.read(hdf, src);
    int all = layout.columns();
    int nc = count < 0 ? all - first : count;
    if (first < 0 || nc < 0 || first + nc > all) {
      throw SiteDataException.forFile(src, null, "columns " + first + " .. " + (first + nc - 1)
          + " requested, the file has columns 0 .. " + (all - 1));
    }
    int nt = layout.records();
    Map<String, double[]> flat = new LinkedHashMap<>();
    for (String name : List.of("SWdown", "LWdown", "Tair")) {
      flat.put(name, GriddedNetcdfValues.values(GriddedNetcdfValues.required(hdf, src, name), src,
          new int[] {nt, all}, "(time, column)", name.equals("Tair") ? Kind.TEMPERATURE
              : Kind.FLUX, first, nc));
    }
    if (layout.surfaceTemperature()) {
      flat.put("SurfTemp", GriddedNetcdfValues.values(GriddedNetcdfValues.dataset(hdf, "SurfTemp"),
          src, new int[] {nt, all}, "(time, column)", Kind.TEMPERATURE, first, nc));
    }
    double[] depths = layout.depths();
    double[] soil = depths.length == 0 ? null : GriddedNetcdfValues.values(
        GriddedNetcdfValues.dataset(hdf, "SoilTemp"), src, new int[] {nt, depths.length, all},
        "(time, depth, column)", Kind.TEMPERATURE, first, nc);
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
          v[t] = soil[(t * depths.length + k) * nc + c];
        }
        vars.put(SiteData.soilTempName(depths[k]), v);
      }
      int i = first + c;
      out.add(new GriddedColumn(i, layout.ids()[i], layout.lat()[i], layout.lon()[i], src,
          layout.epochSeconds(), layout.stepSeconds(), vars));
    }
    return out;
  }
}
