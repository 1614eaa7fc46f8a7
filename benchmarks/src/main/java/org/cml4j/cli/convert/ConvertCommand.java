package org.cml4j.cli.convert;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.estimate.Converters;
import org.cml4j.lsm.data.SiteCsvWriter;
import org.cml4j.lsm.data.SiteData;
import org.cml4j.lsm.data.SiteDataReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j convert IN OUT.csv [--start T] [--end T]}: writes any site file the readers take
 * (ALMA netCDF, Noah/Bondville text, site CSV; {@link SiteDataReaders}) as the generic site CSV of
 * docs/SITE_CSV_FORMAT.md ({@link SiteCsvWriter}: ALMA names, SI units, times with the file's UTC
 * offset, written to a temporary file and moved into place, so OUT is never half-written).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Write a site file (.nc ALMA netCDF, .dat/.txt Noah text, .csv) as the generic"
        + " site CSV (docs/SITE_CSV_FORMAT.md), optionally only a window.")
public final class ConvertCommand implements Callable<Integer> {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "Site file to read.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT.csv", description = "Site CSV to write.")
  Path out;

  @Option(names = "--start", paramLabel = "TIME", converter = Converters.Time.class,
      description = "First time kept (ISO; UTC unless an offset is given).")
  OffsetDateTime start;

  @Option(names = "--end", paramLabel = "TIME", converter = Converters.Time.class,
      description = "End of the kept window (exclusive).")
  OffsetDateTime end;

  @Override
  public Integer call() {
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new Cml4jCli.InputException("OUT " + out + " must end in .csv (the site CSV"
          + " format)");
    }
    if (Files.exists(out) && Files.exists(in) && in.toAbsolutePath().normalize().equals(
        out.toAbsolutePath().normalize())) {
      throw new Cml4jCli.InputException("OUT " + out + " is the input file; write elsewhere");
    }
    if (Files.isDirectory(out)) {
      throw new Cml4jCli.InputException("OUT " + out + " is a folder; give a file name");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw new Cml4jCli.InputException("--end " + end + " is not after --start " + start);
    }
    SiteData d;
    if (start == null && end == null) {
      d = SiteDataReaders.read(in);
    } else {
      d = SiteDataReaders.read(in, start == null ? java.time.Instant.MIN : start.toInstant(),
          end == null ? java.time.Instant.MAX : end.toInstant());
    }
    ZoneOffset offset = d.zone() instanceof ZoneOffset z ? z
        : d.zone().getRules().getOffset(d.time(0));
    SiteCsvWriter.write(d, out, offset, List.of());
    PrintWriter o = spec.commandLine().getOut();
    o.printf("cml4j convert: %d records (%d s step) of %d variables %s from %s to %s (offset"
        + " %s) -> %s%n", d.size(), d.stepSeconds(), d.variableNames().size(), d.variableNames(),
        d.time(0).atOffset(offset), d.time(d.size() - 1).atOffset(offset), offset,
        out.toAbsolutePath().normalize());
    d.report().warnings().forEach(w -> spec.commandLine().getErr().println("convert: " + w));
    o.flush();
    return Cml4jCli.OK;
  }
}
