package org.cml4j.lsm.data;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of a gridded (time x column) data set as plain arrays: the site series of one grid
 * cell plus its identity and location. Values are in SI units with ALMA names (SWdown, LWdown
 * [W m-2], Tair, SurfTemp, {@code SoilTemp_<depth m>} [K]); NaN is missing. Not yet checked against
 * {@link PhysicalRanges}: {@link #toSiteData()} does that, so a bad value fails only its column.
 * Serializable, so it can be shipped to a cluster executor.
 *
 * @param index position of the column in the file (0-based)
 * @param id column identifier (unique in the file)
 * @param lat latitude [degrees north], NaN if unknown
 * @param lon longitude [degrees east], NaN if unknown
 * @param file the file the column comes from
 * @param epochSeconds UTC times of the records [s since 1970-01-01]
 * @param stepSeconds the constant time step [s]
 * @param variables ALMA name to values, each as long as {@code epochSeconds}
 */
public record GriddedColumn(int index, String id, double lat, double lon, String file,
    long[] epochSeconds, long stepSeconds, Map<String, double[]> variables)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public GriddedColumn {
    variables = new LinkedHashMap<>(variables);
  }

  /** Where the column comes from, as used in error messages: file, column index and id. */
  public String source() {
    return file + ", column " + index + " (id " + id + ")";
  }

  /**
   * The column as validated site data (errors name the file, the column, the record index and
   * time, the variable and the allowed range).
   */
  public SiteData toSiteData() {
    return SiteData.validated(source(), epochSeconds, stepSeconds, variables,
        OutOfRangePolicy.FAIL);
  }
}
