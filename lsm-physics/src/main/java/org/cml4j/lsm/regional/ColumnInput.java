package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.nio.file.Path;
import org.cml4j.lsm.data.GriddedColumn;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataReaders;

/**
 * One column of a regional mapping run: its identity, location and how to get its data. Serializable
 * so a cluster runner can ship it; {@link #load()} runs where the column is fitted, so a bad value
 * fails only that column.
 */
public sealed interface ColumnInput extends Serializable {

  /** Column identifier (unique in the run). */
  String id();

  /** Latitude [degrees north], NaN if unknown. */
  double lat();

  /** Longitude [degrees east], NaN if unknown. */
  double lon();

  /** The input file the column comes from. */
  String file();

  /** Reads and validates the column's series (throws with a message naming file and record). */
  SiteData load();

  /** A column of a gridded netCDF file, held in memory. */
  record Gridded(GriddedColumn column) implements ColumnInput {
    private static final long serialVersionUID = 1L;

    @Override
    public String id() {
      return column.id();
    }

    @Override
    public double lat() {
      return column.lat();
    }

    @Override
    public double lon() {
      return column.lon();
    }

    @Override
    public String file() {
      return column.file();
    }

    @Override
    public SiteData load() {
      return column.toSiteData();
    }
  }

  /**
   * A site file (normally a site CSV) read when the column is fitted: on a cluster the path must be
   * visible to every executor (shared file system).
   *
   * @param path the file, as a string so the record serialises everywhere
   */
  record SiteFile(String id, double lat, double lon, String path) implements ColumnInput {
    private static final long serialVersionUID = 1L;

    @Override
    public String file() {
      return path;
    }

    @Override
    public SiteData load() {
      return SiteDataReaders.read(Path.of(path));
    }
  }
}
