package org.cml4j.cli.map;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.cml4j.bench.ProgressListener;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.core.provenance.Provenance;
import org.cml4j.lsm.regional.AtomicWrite;
import org.cml4j.testbeds.region.SyntheticRegion;

/**
 * The synthetic region of {@code cml4j map --synthetic} and the generation of that input:
 * {@code --write-input} only, or into {@code OUT/synthetic}, reused by {@code --resume} when it was
 * generated with the same settings (recorded in {@value #SYNTHETIC_PROPERTIES}).
 *
 * @param columns columns of the region ({@code --synthetic})
 * @param format {@code nc} (one netCDF-4 file) or {@code csv} (one site CSV per column)
 * @param hours hourly levels
 * @param depths observed soil depths in m
 * @param noise observation noise SD in K
 * @param seed seed of the region (also the seed of the fits' starts)
 */
record SyntheticInput(int columns, String format, int hours, List<Double> depths, double noise,
    long seed) {

  /** File in OUT/synthetic recording how the synthetic input there was generated. */
  static final String SYNTHETIC_PROPERTIES = "synthetic.properties";

  /** The synthetic region of these settings. */
  SyntheticRegion region() {
    return new SyntheticRegion(columns, hours, depths.stream().mapToDouble(Double::doubleValue)
        .toArray(), noise, seed);
  }

  /** {@code --synthetic N --write-input FILE}: generates the input only. */
  int writeOnly(PrintWriter w, Path writeInput) throws IOException {
    long t0 = System.nanoTime();
    try {
      write(region(), writeInput);
    } catch (IllegalArgumentException e) {
      throw new Cml4jCli.InputException(e.getMessage());
    }
    w.printf(Locale.ROOT, "wrote %s: %d columns x %d hourly records%s in %.1f s%n", writeInput,
        columns, hours, Files.isRegularFile(writeInput) ? String.format(Locale.ROOT,
            " (%.1f MB)", Files.size(writeInput) / 1048576.0) : "",
        (System.nanoTime() - t0) * 1e-9);
    w.println(PeakMemory.describe());
    w.flush();
    return Cml4jCli.OK;
  }

  /**
   * Writes {@code region} with its truth into {@code dir} and returns the input to map, or
   * returns the input an earlier run left there when {@code resume} and its settings match.
   */
  Path generate(SyntheticRegion region, Path dir, boolean resume, boolean force,
      ProgressListener progress) throws IOException {
    Path target = format.equals("nc") ? dir.resolve("region.nc") : dir.resolve("sites");
    Path truth = dir.resolve("truth.csv");
    Path propsFile = dir.resolve(SYNTHETIC_PROPERTIES);
    Properties want = new Properties();
    want.setProperty("columns", Integer.toString(region.columns()));
    want.setProperty("hours", Integer.toString(region.hours()));
    want.setProperty("depths", depths.toString());
    want.setProperty("noise", Double.toString(region.noiseSd()));
    want.setProperty("seed", Long.toString(seed));
    want.setProperty("format", format);
    want.setProperty("cml4j.version", Provenance.cml4jVersion());
    boolean earlier = Files.exists(target) || Files.exists(truth);
    if (earlier && !force) {
      if (!resume) {
        throw new Cml4jCli.InputException(dir + " holds the synthetic input of an earlier run: "
            + "resume it (--resume) or discard it (--force)");
      }
      checkSameSettings(dir, propsFile, want);
      if (Files.exists(target) && Files.isRegularFile(truth)) {
        progress.message("resume: reusing the synthetic input " + target);
        return target;
      }
    }
    progress.message(String.format(Locale.ROOT, "generating a synthetic region of %d columns "
        + "(%d h, depths %s m, noise %.3g K) into %s", region.columns(), region.hours(),
        depths, region.noiseSd(), target));
    write(region, target);
    region.writeTruth(truth);
    StringWriter w = new StringWriter();
    want.store(w, "cml4j map --synthetic: how this input was generated (checked by --resume)");
    AtomicWrite.writeString(propsFile, w.toString());
    return target;
  }

  private void write(SyntheticRegion region, Path target) throws IOException {
    if (format.equals("nc")) {
      region.writeNetcdf(target);
    } else {
      region.writeCsvDirectory(target);
    }
  }

  private static void checkSameSettings(Path dir, Path propsFile, Properties want)
      throws IOException {
    if (!Files.isRegularFile(propsFile)) {
      throw new Cml4jCli.InputException("cannot resume " + dir + ": it has no "
          + SYNTHETIC_PROPERTIES + ", so its synthetic input cannot be checked against this "
          + "run's; discard it (--force)");
    }
    Properties had = new Properties();
    try (Reader r = Files.newBufferedReader(propsFile)) {
      had.load(r);
    }
    List<String> diff = new ArrayList<>();
    for (String k : want.stringPropertyNames().stream().sorted().toList()) {
      if (!want.getProperty(k).equals(had.getProperty(k))) {
        diff.add(k + " " + had.getProperty(k) + " (earlier) vs " + want.getProperty(k)
            + " (this run)");
      }
    }
    if (!diff.isEmpty()) {
      throw new Cml4jCli.InputException("cannot resume " + dir + ": its synthetic input was "
          + "generated with other settings: " + String.join(", ", diff) + "; use the earlier "
          + "settings, another --out, or --force to discard it");
    }
  }
}
