package org.cml4j.lsm.regional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cml4j.lsm.data.GriddedNetcdfLayout;
import org.cml4j.lsm.data.GriddedNetcdfReader;
import org.cml4j.lsm.data.SiteDataException;

/**
 * The columns of a regional mapping run, read from a gridded netCDF-4 file
 * ({@link GriddedNetcdfReader}) or a directory of site CSV files (one column per {@code *.csv},
 * id = file name without extension, location from optional {@code # lat: <deg>} and
 * {@code # lon: <deg>} comment lines), with a fingerprint that a resumed run checks.
 *
 * @param source the file or directory
 * @param kind "netcdf" or "csv-directory"
 * @param columns the columns, in run order (file order; directory: file names sorted): their
 *     identities and locations only ({@code O(columns)}, about 100 bytes each); values are read
 *     chunk by chunk ({@link ColumnChunk#load()}) or, for site files, column by column when fitted
 * @param fingerprint SHA-256 of the netCDF file's bytes, or of the directory's file names with the
 *     SHA-256 of each file
 */
public record RegionalInput(Path source, String kind, List<ColumnInput> columns,
    String fingerprint) {

  private static final Pattern COORD = Pattern.compile(
      "#\\s*(lat|latitude|lon|longitude)\\s*[:=]\\s*([-+0-9.eE]+)\\s*", Pattern.CASE_INSENSITIVE);

  public RegionalInput {
    columns = List.copyOf(columns);
  }

  /** Opens a netCDF file ({@code .nc}, {@code .nc4}, {@code .h5}) or a directory of site CSVs. */
  public static RegionalInput open(Path source) throws IOException {
    if (Files.isDirectory(source)) {
      return csvDirectory(source);
    }
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException(source + ": no such file or directory");
    }
    // the layout only (ids, locations, time axis; structure checked): the values are read chunk
    // by chunk when fitted (ColumnChunk.load), so memory never holds the region's forcing
    GriddedNetcdfLayout layout = GriddedNetcdfReader.layout(source);
    if (layout.columns() == 0) {
      throw new IllegalArgumentException(source + ": the column dimension is empty");
    }
    List<ColumnInput> cols = new ArrayList<>(layout.columns());
    for (int c = 0; c < layout.columns(); c++) {
      cols.add(new ColumnInput.Gridded(layout.ids()[c], layout.lat()[c], layout.lon()[c],
          source.toString(), c, null));
    }
    return new RegionalInput(source, "netcdf", cols, sha256(source));
  }

  /**
   * The first {@code n} columns only (all if {@code n} is at least their number): a run on part
   * of a region; the column count in {@code run.properties} tells a resumed run which part.
   */
  public RegionalInput limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("column limit must be at least 1, got " + n);
    }
    return n >= columns.size() ? this
        : new RegionalInput(source, kind, columns.subList(0, n), fingerprint);
  }

  private static RegionalInput csvDirectory(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
          && Files.isRegularFile(p)).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no *.csv site files in this directory");
    }
    List<ColumnInput> cols = new ArrayList<>();
    MessageDigest md = digest();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String id = name.substring(0, name.length() - 4);
      double[] ll = latLon(f);
      cols.add(new ColumnInput.SiteFile(id, ll[0], ll[1], f.toAbsolutePath().toString()));
      md.update((name + "\t" + sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new RegionalInput(dir, "csv-directory", cols, HexFormat.of().formatHex(md.digest()));
  }

  /** lat and lon from the leading comment lines (NaN when absent). */
  static double[] latLon(Path f) throws IOException {
    double[] ll = {Double.NaN, Double.NaN};
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String s = line.trim();
        if (s.isEmpty()) {
          continue;
        }
        if (!s.startsWith("#")) {
          break;
        }
        Matcher m = COORD.matcher(s);
        if (m.matches()) {
          boolean lat = m.group(1).toLowerCase(Locale.ROOT).startsWith("lat");
          double v;
          try {
            v = Double.parseDouble(m.group(2));
          } catch (NumberFormatException e) {
            v = Double.NaN;
          }
          double limit = lat ? 90 : 360;
          if (!(Math.abs(v) <= limit)) {
            throw SiteDataException.atLine(f.toString(), lineNo, lat ? "lat" : "lon",
                "'" + m.group(2) + "' is not a " + (lat ? "latitude" : "longitude") + " in ["
                    + -limit + ", " + limit + "] degrees");
          }
          ll[lat ? 0 : 1] = v;
        }
      }
    }
    return ll;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
