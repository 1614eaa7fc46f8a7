package org.cml4j.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.cml4j.lsm.regional.BatchedColumnFitter;
import org.cml4j.lsm.regional.ColumnChunk;
import org.cml4j.lsm.regional.ColumnFit;
import org.cml4j.lsm.regional.ColumnFitter;
import org.cml4j.lsm.regional.ColumnInput;
import org.cml4j.lsm.regional.ColumnRunner;

/**
 * A {@link ColumnRunner} on Apache Spark: each chunk of columns becomes an RDD of
 * {@code partitionsPerChunk} partitions, each fitted on its executor in lockstep by
 * {@link BatchedColumnFitter} (as the embedded runner's batched mode; a column's result does not
 * depend on which columns share its batch, so the maps are equal byte for byte) or column by column
 * with {@link ColumnFitter#fit} ({@link #perColumn()}), and collected on the driver, which writes
 * the part file. Up to
 * {@code maxJobs} chunk jobs run at once, so executors stay busy while the driver waits for the
 * oldest chunk; the driver reads a chunk's input ({@link ColumnChunk#load()}) when it submits the
 * chunk, so it holds at most {@code maxJobs} chunks of input, not the region. Columns are shipped with Java serialization; a site-CSV column is read on its
 * executor, so its path must be visible there (shared file system).
 */
public final class SparkColumnRunner implements ColumnRunner {
  private final JavaSparkContext sc;
  private final boolean ownsContext;
  private final int partitionsPerChunk;
  private final int maxJobs;
  private final boolean batched;

  /**
   * On an existing context (not stopped by {@link #close()}).
   *
   * @param partitionsPerChunk partitions of each chunk's RDD; 0 = the context's default
   *     parallelism
   * @param maxJobs chunk jobs in flight at once (at least 1)
   */
  public SparkColumnRunner(JavaSparkContext sc, int partitionsPerChunk, int maxJobs) {
    this(sc, false, partitionsPerChunk, maxJobs, true);
  }

  private SparkColumnRunner(JavaSparkContext sc, boolean owns, int partitionsPerChunk,
      int maxJobs, boolean batched) {
    if (partitionsPerChunk < 0 || maxJobs < 1) {
      throw new IllegalArgumentException("partitions per chunk must be >= 0 and jobs in flight "
          + ">= 1, got " + partitionsPerChunk + " and " + maxJobs);
    }
    this.sc = sc;
    this.ownsContext = owns;
    this.partitionsPerChunk = partitionsPerChunk == 0 ? sc.defaultParallelism()
        : partitionsPerChunk;
    this.maxJobs = maxJobs;
    this.batched = batched;
  }

  /** The same runner (same context, not owning it) fitting column by column. */
  public SparkColumnRunner perColumn() {
    return new SparkColumnRunner(sc, false, partitionsPerChunk, maxJobs, false);
  }

  /**
   * A runner with its own context on {@code master} (e.g. {@code local[2]} or
   * {@code spark://host:7077}); {@link #close()} stops it. Local masters bind to the loopback
   * address and run without the web UI.
   */
  public static SparkColumnRunner create(String master, int partitionsPerChunk, int maxJobs) {
    SparkConf conf = new SparkConf().setAppName("cml4j-map").setMaster(master);
    if (master.startsWith("local")) {
      conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
          .set("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel("WARN");
    return new SparkColumnRunner(sc, true, partitionsPerChunk, maxJobs, true);
  }

  /** The Spark context. */
  public JavaSparkContext context() {
    return sc;
  }

  @Override
  public String describe() {
    return "spark " + sc.master() + " (" + partitionsPerChunk + " partitions per chunk"
        + (batched ? ", batched)" : ")");
  }

  @Override
  public void run(List<ColumnChunk> chunks, ColumnFitter fitter, ChunkSink sink)
      throws IOException {
    Deque<Job> inFlight = new ArrayDeque<>();
    try {
      for (ColumnChunk chunk : chunks) {
        while (inFlight.size() >= maxJobs) {
          finish(inFlight.removeFirst(), sink);
        }
        int slices = Math.max(1, Math.min(partitionsPerChunk, chunk.size()));
        // the driver reads the chunk's input now: at most maxJobs chunks are held at once
        List<ColumnInput> columns = chunk.load().columns();
        JavaFutureAction<List<ColumnFit>> f = batched
            ? sc.parallelize(columns, slices).mapPartitions(it -> {
              List<ColumnInput> part = new ArrayList<>();
              it.forEachRemaining(part::add);
              return new BatchedColumnFitter(fitter).fit(part).iterator();
            }).collectAsync()
            : sc.parallelize(columns, slices).map(fitter::fit).collectAsync();
        inFlight.addLast(new Job(chunk, f));
      }
      while (!inFlight.isEmpty()) {
        finish(inFlight.removeFirst(), sink);
      }
    } finally {
      for (Job j : inFlight) {
        j.future().cancel(true);
      }
    }
  }

  private static void finish(Job job, ChunkSink sink) throws IOException {
    List<ColumnFit> fits;
    try {
      fits = job.future().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("regional mapping interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Spark job of chunk " + job.chunk().index() + " failed: "
          + e.getCause().getMessage(), e.getCause());
    }
    sink.columnsDone(fits.size());
    sink.chunkDone(job.chunk(), fits);
  }

  @Override
  public void close() {
    if (ownsContext) {
      sc.stop();
    }
  }

  private record Job(ColumnChunk chunk, JavaFutureAction<List<ColumnFit>> future) {}
}
