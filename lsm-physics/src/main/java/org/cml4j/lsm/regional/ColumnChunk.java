package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.util.List;

/**
 * A chunk of consecutive columns: the unit written to one part file and skipped on resume.
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
}
