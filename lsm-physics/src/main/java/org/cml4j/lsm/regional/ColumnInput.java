package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.nio.file.Path;
import org.cml4j.lsm.data.GriddedColumn;
import org.cml4j.lsm.data.GriddedNetcdfReader;
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

  /**
   * A column of a gridded netCDF file: its identity and place in the file, and its values once
   * read. A run holds only the identities of the region's columns; {@link ColumnChunk#load()}
   * reads a chunk's values in one hyperslab read just before the chunk is fitted (a column not
   * loaded reads itself alone in {@link #load()}).
   *
   * @param index position of the column in the file (0-based)
   * @param data the column's values, or null until read
   */
  record Gridded(String id, double lat, double lon, String file, int index, GriddedColumn data)
      implements ColumnInput {
    private static final long serialVersionUID = 1L;

    /** A column already read. */
    public Gridded(GriddedColumn column) {
      this(column.id(), column.lat(), column.lon(), column.file(), column.index(), column);
    }

    /** Whether the values are in memory. */
    public boolean loaded() {
      return data != null;
    }

    @Override
    public SiteData load() {
      return (data != null ? data
          : GriddedNetcdfReader.read(Path.of(file), index, 1).get(0)).toSiteData();
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
