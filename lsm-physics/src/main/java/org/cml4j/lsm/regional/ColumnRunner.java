package org.cml4j.lsm.regional;

import java.io.IOException;
import java.util.List;

/**
 * Runs a {@link ColumnFitter} over chunks of columns, in parallel where it can, and hands each
 * finished chunk to a {@link ChunkSink}. Implementations: {@link ExecutorColumnRunner} (threads in
 * this JVM, the default) and the Spark runner of module {@code cml4j-spark} (executors of a
 * cluster). Every implementation must give the same {@link ColumnFit}s as calling
 * {@link ColumnFitter#fit} on each column (or, in batched mode, {@link BatchedColumnFitter#fit} on
 * any grouping of the columns), in the chunk's column order.
 */
public interface ColumnRunner extends AutoCloseable {

  /** Short name for reports, e.g. {@code "embedded (2 threads)"}. */
  String describe();

  /**
   * Fits every column of {@code chunks}. The sink is called from the calling thread only, once per
   * chunk, in any chunk order. Returns when every chunk was handed over; an exception thrown by the
   * sink stops the run and is rethrown.
   */
  void run(List<ColumnChunk> chunks, ColumnFitter fitter, ChunkSink sink) throws IOException;

  @Override
  default void close() {}

  /** Receives results. */
  interface ChunkSink {
    /** Every column of {@code chunk} is fitted: {@code fits} in the chunk's column order. */
    void chunkDone(ColumnChunk chunk, List<ColumnFit> fits) throws IOException;

    /** {@code n} more columns finished (progress only; may come in any granularity). */
    default void columnsDone(int n) {}
  }
}
