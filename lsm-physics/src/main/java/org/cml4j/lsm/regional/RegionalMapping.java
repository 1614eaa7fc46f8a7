package org.cml4j.lsm.regional;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Regional parameter mapping: fits every column of a {@link RegionalInput} with a
 * {@link ColumnFitter} on a {@link ColumnRunner}, in chunks of {@link MapSettings#chunkSize()}
 * columns. A chunk's input values are read only when the runner reaches it
 * ({@link ColumnChunk#load()}), and each finished chunk is written atomically to
 * {@code OUT/parts/part-NNNNN.csv}, so memory follows the chunk, not the region; a resumed
 * run checks that {@code OUT/parts/run.properties} names the same input (fingerprint) and settings
 * and skips every complete part. At the end the parts are merged into {@code OUT/map.csv} (see
 * {@link MapTable}) and, optionally, {@code OUT/map.nc} ({@link MapNetcdfWriter}). A column that
 * cannot be fitted is a row with status {@code failed} and its reason; the run goes on.
 */
public final class RegionalMapping {
  public static final String PARTS = "parts";
  public static final String MAP_CSV = "map.csv";
  public static final String MAP_NC = "map.nc";
  static final String RUN = "run.properties";
  private static final String FORMAT_VERSION = "1";

  private RegionalMapping() {}

  /**
   * Where and how to write.
   *
   * @param out output directory
   * @param resume skip the complete parts of an earlier run with the same input and settings
   * @param force discard the parts of an earlier run
   * @param netcdf also write {@code map.nc}
   */
  public record Options(Path out, boolean resume, boolean force, boolean netcdf) {
    public Options {
      if (resume && force) {
        throw new IllegalArgumentException("resume and force exclude each other: resume keeps "
            + "the earlier parts, force discards them");
      }
    }
  }

  /** Progress of a run. All calls come from the thread that called {@link #run}. */
  public interface Listener {
    /** Fitting begins: {@code total} columns, {@code alreadyDone} of them from earlier parts. */
    default void begin(int total, int alreadyDone) {}

    /** {@code n} more columns are finished. */
    default void columnsDone(int n) {}

    /** A one-line status message. */
    default void message(String text) {}

    /** Fitting is over (successfully or not). */
    default void end() {}
  }

  /**
   * What a run did.
   *
   * @param columns columns in the map
   * @param ok fitted columns
   * @param failed failed columns
   * @param chunks chunks in the run
   * @param chunksSkipped chunks taken from an earlier run's parts
   * @param columnsFitted columns fitted by this run
   * @param fitSeconds wall time of the fitting (runner) phase [s]
   * @param totalSeconds wall time of the whole run incl. reading parts and merging [s]
   * @param mapCsv the merged CSV map
   * @param mapNc the netCDF map, or null
   * @param runner the runner's description
   */
  public record Summary(int columns, int ok, int failed, int chunks, int chunksSkipped,
      int columnsFitted, double fitSeconds, double totalSeconds, Path mapCsv, Path mapNc,
      String runner) {
    /** Columns fitted per second of the fitting phase (NaN if none was fitted). */
    public double columnsPerSecond() {
      return columnsFitted == 0 ? Double.NaN : columnsFitted / fitSeconds;
    }
  }

  /** Runs the mapping; see the class comment. */
  public static Summary run(RegionalInput input, MapSettings settings, ColumnRunner runner,
      Options options, Listener listener) throws IOException {
    long t0 = System.nanoTime();
    Path parts = options.out().resolve(PARTS);
    Properties run = runProperties(input, settings);
    prepare(parts, run, options);
    ColumnFitter fitter = new ColumnFitter(settings);
    List<String> names = fitter.parameterNames();
    List<ColumnChunk> chunks = chunks(input.columns(), settings.chunkSize());
    List<ColumnChunk> pending = new ArrayList<>();
    // what map.nc and the summary need, filled as chunks are done (no ColumnFit outlives its chunk)
    Merged merged = new Merged(options.netcdf() ? new MapColumns(names, input.columns().size())
        : null);
    int done = 0;
    for (ColumnChunk c : chunks) {
      List<ColumnFit> earlier = options.resume() ? complete(partFile(parts, c), c, names, listener)
          : null;
      if (earlier != null) {
        merged.add(c, earlier);
        done += c.size();
      } else {
        pending.add(c);
      }
    }
    if (options.resume()) {
      listener.message("resume: " + (chunks.size() - pending.size()) + " of " + chunks.size()
          + " chunks already done");
    }
    int fittedColumns = pending.stream().mapToInt(ColumnChunk::size).sum();
    long f0 = System.nanoTime();
    listener.begin(input.columns().size(), done);
    try {
      runner.run(pending, fitter, new ColumnRunner.ChunkSink() {
        @Override
        public void chunkDone(ColumnChunk chunk, List<ColumnFit> fits) throws IOException {
          AtomicWrite.writeString(partFile(parts, chunk), MapTable.format(names, fits));
          merged.add(chunk, fits);
        }

        @Override
        public void columnsDone(int n) {
          listener.columnsDone(n);
        }
      });
    } finally {
      listener.end();
    }
    double fitSeconds = (System.nanoTime() - f0) * 1e-9;

    // map.csv: the header, then each part's rows as bytes (parts and map share the format)
    Path csv = options.out().resolve(MAP_CSV);
    AtomicWrite.writeStream(csv, out -> {
      StringWriter header = new StringWriter();
      MapTable.write(header, names, List.of());
      out.write(header.toString().getBytes(StandardCharsets.UTF_8));
      for (ColumnChunk c : chunks) {
        byte[] part = Files.readAllBytes(partFile(parts, c));
        int body = 0;
        while (body < part.length && part[body] != '\n') {
          body++;
        }
        out.write(part, Math.min(part.length, body + 1), Math.max(0, part.length - body - 1));
      }
    });
    Path nc = null;
    if (options.netcdf()) {
      nc = options.out().resolve(MAP_NC);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("input", input.source().toAbsolutePath().toString());
      attrs.put("input_sha256", input.fingerprint());
      attrs.put("settings", settings.key());
      attrs.put("runner", runner.describe());
      if (!merged.columns.complete()) {
        throw new IllegalStateException("map.nc: the runner finished without every chunk");
      }
      MapNetcdfWriter.write(nc, merged.columns, attrs);
    }
    int total = input.columns().size();
    return new Summary(total, merged.ok, total - merged.ok, chunks.size(),
        chunks.size() - pending.size(), fittedColumns, fitSeconds,
        (System.nanoTime() - t0) * 1e-9, csv, nc, runner.describe());
  }

  /** Splits columns into consecutive chunks. */
  public static List<ColumnChunk> chunks(List<ColumnInput> columns, int size) {
    List<ColumnChunk> out = new ArrayList<>();
    for (int first = 0, k = 0; first < columns.size(); first += size, k++) {
      out.add(new ColumnChunk(k, first, columns.subList(first, Math.min(columns.size(),
          first + size))));
    }
    return out;
  }

  /** The part file of a chunk. */
  public static Path partFile(Path parts, ColumnChunk c) {
    return parts.resolve(String.format(java.util.Locale.ROOT, "part-%05d.csv", c.index()));
  }

  private static Properties runProperties(RegionalInput input, MapSettings settings) {
    Properties p = new Properties();
    p.setProperty("format", FORMAT_VERSION);
    p.setProperty("input", input.source().toAbsolutePath().toString());
    p.setProperty("input.kind", input.kind());
    p.setProperty("input.fingerprint", input.fingerprint());
    p.setProperty("columns", Integer.toString(input.columns().size()));
    p.setProperty("settings", settings.key());
    p.setProperty("cml4j.version", org.cml4j.core.provenance.Provenance.cml4jVersion());
    return p;
  }

  private static void prepare(Path parts, Properties run, Options options) throws IOException {
    Path runFile = parts.resolve(RUN);
    boolean earlier = Files.isDirectory(parts) && hasContent(parts);
    if (earlier && options.force()) {
      try (Stream<Path> s = Files.list(parts)) {
        for (Path p : s.toList()) {
          String n = p.getFileName().toString();
          if (n.startsWith("part-") || n.equals(RUN) || n.endsWith(".tmp")) {
            Files.delete(p);
          }
        }
      }
    } else if (earlier && !options.resume()) {
      throw new IllegalArgumentException(parts + " holds the chunks of an earlier run: resume it "
          + "(--resume) or discard it (--force)");
    } else if (earlier && !Files.isRegularFile(runFile)) {
      throw new IllegalArgumentException("cannot resume " + parts + ": it has no " + RUN + ", so "
          + "its chunks cannot be checked against this run's input and settings; discard them "
          + "(--force)");
    } else if (earlier) {
      Properties old = new Properties();
      try (Reader r = Files.newBufferedReader(runFile, StandardCharsets.UTF_8)) {
        old.load(r);
      }
      for (String key : List.of("format", "input.fingerprint", "columns", "settings",
          "cml4j.version")) {
        if (!run.getProperty(key).equals(old.getProperty(key))) {
          throw new IllegalArgumentException("cannot resume " + parts + ": the earlier run had "
              + key + " = " + old.getProperty(key) + " (input " + old.getProperty("input")
              + "), this run has " + run.getProperty(key) + "; use the same input and settings, "
              + "or discard the earlier parts (--force)");
        }
      }
    }
    Files.createDirectories(parts);
    StringWriter w = new StringWriter();
    run.store(w, "cml4j regional mapping run (checked by --resume)");
    AtomicWrite.writeString(runFile, w.toString());
  }

  private static boolean hasContent(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  /** What the merge keeps of the fits: the fitted count and, for map.nc, the compact columns. */
  private static final class Merged {
    private final MapColumns columns;
    private int ok;

    Merged(MapColumns columns) {
      this.columns = columns;
    }

    synchronized void add(ColumnChunk chunk, List<ColumnFit> fits) {
      for (int i = 0; i < fits.size(); i++) {
        ok += fits.get(i).ok() ? 1 : 0;
        if (columns != null) {
          columns.set(chunk.first() + i, fits.get(i));
        }
      }
    }
  }

  /** The fits of an earlier run's complete part of chunk {@code c}, or null. */
  private static List<ColumnFit> complete(Path part, ColumnChunk c, List<String> names,
      Listener listener) {
    if (!Files.isRegularFile(part)) {
      return null;
    }
    try {
      List<ColumnFit> fits = MapTable.read(part);
      boolean ok = fits.size() == c.size();
      for (int i = 0; ok && i < fits.size(); i++) {
        ok = fits.get(i).id().equals(c.columns().get(i).id()) && fits.get(i).names().equals(names);
      }
      if (!ok) {
        listener.message(part.getFileName() + " does not match its chunk: fitting it again");
      }
      return ok ? fits : null;
    } catch (IOException | RuntimeException e) {
      listener.message(part.getFileName() + " is unreadable (" + e.getMessage()
          + "): fitting it again");
      return null;
    }
  }
}
