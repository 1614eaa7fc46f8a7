package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cml4j.lsm.data.GriddedColumn;
import org.cml4j.lsm.data.GriddedNetcdfReader;
import org.cml4j.lsm.data.SiteDataException;

/**
 * A chunk of consecutive columns: the unit written to one part file, skipped on resume, and read
 * from the input at once ({@link #load()}).
 *
 * @param index chunk number (0-based; part file {@code part-<index>.csv})
 * @param first index of the chunk's first column in the run
 * @param columns the columns, in run order
 */
public record ColumnChunk(int index, int first, List<ColumnInput> columns) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ColumnChunk {
    columns = List.copyOf(columns);
  }

  /** Number of columns. */
  public int size() {
    return columns.size();
  }

  /**
   * The chunk with the values of its gridded columns read: each run of consecutive columns of one
   * file in one hyperslab read ({@link GriddedNetcdfReader#read(Path, int, int)}), so memory holds
   * this chunk, not the file. Site-file columns are left to read themselves when fitted.
   *
   * @throws SiteDataException if the file no longer has the columns it had when the run opened it
   */
  public ColumnChunk load() {
    List<ColumnInput> out = new ArrayList<>(columns);
    int i = 0;
    while (i < out.size()) {
      if (!(out.get(i) instanceof ColumnInput.Gridded g) || g.loaded()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < out.size() && out.get(j) instanceof ColumnInput.Gridded h && !h.loaded()
          && h.file().equals(g.file()) && h.index() == g.index() + (j - i)) {
        j++;
      }
      List<GriddedColumn> read = GriddedNetcdfReader.read(Path.of(g.file()), g.index(), j - i);
      for (int k = i; k < j; k++) {
        GriddedColumn c = read.get(k - i);
        if (!c.id().equals(out.get(k).id())) {
          throw SiteDataException.forFile(g.file(), "column_id", "column " + c.index() + " is now "
              + c.id() + ", it was " + out.get(k).id() + " when the run began: the file changed");
        }
        out.set(k, new ColumnInput.Gridded(c));
      }
      i = j;
    }
    return new ColumnChunk(index, first, out);
  }
}
