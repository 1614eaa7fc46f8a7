package org.cml4j.lsm.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the generic cml4j site CSV format.
 *
 * <h2>Site CSV format</h2>
 * <ul>
 *   <li><b>Encoding and syntax:</b> UTF-8, comma-separated, RFC 4180 quoting. Lines starting with
 *       {@code #} are comments (free-form metadata, e.g. site name and licence) and are ignored.
 *       Blank lines are ignored. Spaces around cells are ignored.</li>
 *   <li><b>Header:</b> the first non-comment line names the columns. Column order is free; names are
 *       case-sensitive and must be unique.</li>
 *   <li><b>{@code time}</b> (required): ISO-8601 date-time with a UTC offset, e.g.
 *       {@code 2012-05-01T00:00:00-07:00} or {@code 2012-05-01T07:00:00Z}. The value is the
 *       instant the row describes (instantaneous state, or end of the averaging interval for fluxes).
 *       Times must be strictly increasing and regularly spaced: keep a row with empty cells for a missing
 *       record rather than omitting it. At least 2 rows.</li>
 *   <li><b>Required variables</b> (ALMA names, SI units): {@code SWdown} [W m-2] downward shortwave,
 *       {@code LWdown} [W m-2] downward longwave, {@code Tair} [K] air temperature.</li>
 *   <li><b>Optional variables:</b> {@code SWup}, {@code LWup}, {@code Qh} (sensible heat, positive
 *       upward), {@code Qle} (latent heat, positive upward), {@code Qg} (ground heat, positive into the
 *       ground), {@code Rnet} [W m-2]; {@code SurfTemp} radiometric surface temperature [K];
 *       {@code SoilTemp_<depth in m>} soil temperature [K], e.g. {@code SoilTemp_0.05};
 *       {@code SoilMoist_<depth in m>} [m3 m-3]; {@code Wind} [m s-1]; {@code PSurf} [Pa];
 *       {@code Qair} [kg kg-1]; {@code Rainf}, {@code Snowf} [kg m-2 s-1]. Any other column is read as a
 *       numeric variable without range check.</li>
 *   <li><b>Missing values:</b> an empty cell or {@code NaN} (any case). Do not use sentinels such as
 *       -999: they fail the range checks.</li>
 *   <li><b>Validation:</b> every value is checked against {@link PhysicalRanges} (e.g. Tair 150 to 350 K;
 *       SWdown in [-20, 0) is clipped to 0 and counted, below -20 is an error). Errors name the file,
 *       the line, the column and the allowed range.</li>
 * </ul>
 * Example:
 * <pre>
 * # site: US-WestPhoenix, licence CC-BY-4.0
 * time,SWdown,LWdown,Tair,LWup,SoilTemp_0.02
 * 2012-05-01T00:00:00-07:00,0.0,385.2,300.1,470.5,305.3
 * 2012-05-01T00:30:00-07:00,0.0,384.9,299.8,,305.0
 * </pre>
 * {@link SiteCsvWriter} writes this format.
 */
public final class SiteCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCsvReader.class);
    /** Columns every site CSV must have. */
    public static final List<String> REQUIRED_COLUMNS = List.of("time", "SWdown", "LWdown", "Tair");
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).build();

    /** @param fluxPolicy out-of-range handling for Qh, Qle, Qg, Rnet (others always fail) */
    public record Options(OutOfRangePolicy fluxPolicy) {
        /** FAIL for every variable. */
        public static final Options DEFAULT = new Options(OutOfRangePolicy.FAIL);
    }

    private SiteCsvReader() {
    }

    /** Reads with {@link Options#DEFAULT}. */
    public static SiteData read(Path file) {
        return read(file, Options.DEFAULT);
    }

    /** Reads a site CSV file; throws {@link SiteDataException} naming file, line and column if unusable. */
    public static SiteData read(Path file, Options options) {
        String src = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            return read(parser, src, options);
        } catch (NoSuchFileException e) {
            throw SiteDataException.forFile(src, null, "file not found");
        } catch (IOException | UncheckedIOException e) {
            throw SiteDataException.forFile(src, "cannot read CSV: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SiteDataException.forFile(src, "malformed CSV: " + e.getMessage(), e);
        }
    }

    private static SiteData read(CSVParser parser, String src, Options options) {
        List<String> header = parser.getHeaderNames();
        for (String required : REQUIRED_COLUMNS) {
            if (!header.contains(required)) {
                throw SiteDataException.forFile(src, required, "required column '" + required
                        + "' missing; columns found: " + header);
            }
        }
        int timeColumn = header.indexOf("time");
        List<String> names = new ArrayList<>(header);
        names.remove("time");
        int[] columnOf = names.stream().mapToInt(header::indexOf).toArray();
        List<Long> times = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (CSVRecord r : parser) {
            long line = parser.getCurrentLineNumber();
            if (r.size() != header.size()) {
                throw SiteDataException.atLine(src, line, null, "expected " + header.size() + " cells, found " + r.size());
            }
            long t = parseTime(r.get(timeColumn), src, line);
            if (!times.isEmpty()) {
                long prev = times.get(times.size() - 1);
                long step = times.size() > 1 ? times.get(1) - times.get(0) : t - prev;
                if (t <= prev || t - prev != step) {
                    throw SiteDataException.atLine(src, line, "time", (t == prev ? "duplicated time"
                            : t < prev ? "time goes backwards (not monotonic)"
                            : "irregular time step of " + (t - prev) + " s, expected " + step
                            + " s (keep rows with empty cells for missing records)")
                            + ": " + r.get(timeColumn) + " after line " + lines.get(lines.size() - 1));
                }
            }
            double[] row = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                row[j] = parseNumber(r.get(columnOf[j]), src, line, names.get(j), columnOf[j] + 1);
            }
            times.add(t);
            lines.add(line);
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw SiteDataException.forFile(src, null, "need at least 2 data rows, found " + rows.size());
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            double[] x = new double[rows.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rows.get(i)[j];
            }
            vars.put(names.get(j), x);
        }
        RecordFlags flags = RangeValidator.apply(vars, options.fluxPolicy(),
                (i, v, d) -> SiteDataException.atLine(src, lines.get(i), v, d));
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        SiteData data = new SiteData(src, t, t[1] - t[0], vars, flags);
        LOG.info("read {}", data);
        return data;
    }

    private static long parseTime(String cell, String src, long line) {
        try {
            return OffsetDateTime.parse(cell).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw SiteDataException.atLine(src, line, "time", "cannot parse '" + cell
                    + "' as an ISO-8601 time with UTC offset, e.g. 2012-05-01T00:00:00-07:00 or 2012-05-01T07:00:00Z");
        }
    }

    private static double parseNumber(String cell, String src, long line, String name, int column) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell) + 0.0;
        } catch (NumberFormatException e) {
            throw SiteDataException.atLine(src, line, name, "column " + column + " (" + name
                    + "): cannot parse '" + cell + "' as a number");
        }
    }
}
