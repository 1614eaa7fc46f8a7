package org.cml4j.lsm.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <p>The format is specified in {@code docs/SITE_CSV_FORMAT.md} (the one home of the rules). In short:
 * UTF-8 (a BOM is accepted), commas, RFC 4180 quoting, LF or CRLF, {@code #} comments, blank lines
 * ignored; a header with {@code time,SWdown,LWdown,Tair} and optional ALMA variables in SI units;
 * times with a UTC offset, or local times with a {@code # time_zone: -07:00} declaration before the
 * header; missing values empty, {@code NaN}, {@code NA} or a declared {@code # missing_value}; time
 * steps may be absent (read as missing and reported), never shifted; every value inside the read window
 * is checked against {@link PhysicalRanges}. Every error is a {@link SiteDataException} naming the file,
 * the line, the column and the allowed range where there is one.
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
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setAllowMissingColumnNames(true).build();

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

    /** Reads a whole site CSV file; throws {@link SiteDataException} naming file, line and column if unusable. */
    public static SiteData read(Path file, Options options) {
        return read(file, options, null, null);
    }

    /**
     * Reads only the records with {@code start <= t < endExclusive}, streaming: memory is bounded by the
     * window, records before it are only parsed for their time, and reading stops at the first record
     * after it. Structure errors anywhere before the window end and value errors inside the window are
     * reported; gaps and value problems outside the window are not looked at.
     *
     * @param start        first instant (inclusive), or null for the file start
     * @param endExclusive end (exclusive), or null for the file end
     */
    public static SiteData read(Path file, Options options, Instant start, Instant endExclusive) {
        String src = file.toString();
        SiteDataReaders.requireFile(file);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            try (CSVParser parser = FORMAT.parse(in)) {
                return read(parser, src, options, start, endExclusive);
            }
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw SiteDataException.forFile(src, "not UTF-8 text (save the CSV as UTF-8): " + cause, e);
            }
            throw SiteDataException.forFile(src, "cannot read CSV: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SiteDataException.forFile(src, "malformed CSV: " + e.getMessage(), e);
        }
    }

    private static List<String> header(CSVParser parser, String src) {
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw SiteDataException.forFile(src, null, "empty file: no header line (expected e.g. "
                    + String.join(",", REQUIRED_COLUMNS) + ")");
        }
        for (String h : header) {
            for (String sep : new String[] {";", "\t", "|"}) {
                if (header.size() <= 2 && h.contains(sep)) {
                    throw SiteDataException.atLine(src, 1, null, "header looks " + (sep.equals("\t") ? "tab"
                            : "'" + sep + "'") + "-separated (" + h.strip() + "); cml4j expects commas"
                            + " (RFC 4180 CSV with '.' as decimal separator)");
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h == null || h.isBlank()) {
                throw SiteDataException.forFile(src, null, "header column " + (i + 1) + " has no name");
            }
            Integer before = seen.put(h, i);
            if (before != null) {
                throw SiteDataException.forFile(src, h, "duplicate column name '" + h + "' (columns "
                        + (before + 1) + " and " + (i + 1) + ")");
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!header.contains(required)) {
                throw SiteDataException.forFile(src, required, "required column '" + required
                        + "' missing; columns found: " + header);
            }
        }
        return header;
    }

    private static SiteData read(CSVParser parser, String src, Options options, Instant start, Instant end) {
        List<String> header = header(parser, src);
        SiteCsvTimes decl = SiteCsvTimes.fromHeaderComment(parser.getHeaderComment(), src);
        long lo = start == null ? Long.MIN_VALUE : start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0);
        long hi = end == null ? Long.MAX_VALUE : end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
        int timeColumn = header.indexOf("time");
        List<String> names = new ArrayList<>(header);
        names.remove("time");
        int[] columnOf = names.stream().mapToInt(header::indexOf).toArray();
        List<Long> times = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        long prevLine = -1;
        long first = Long.MIN_VALUE;
        long before = Long.MIN_VALUE;
        long after = Long.MAX_VALUE;
        ZoneId zone = decl.zone();
        for (CSVRecord r : parser) {
            long line = parser.getCurrentLineNumber();
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != header.size()) {
                throw SiteDataException.atLine(src, line, null, "expected " + header.size() + " cells, found "
                        + r.size() + " (one cell per header column)");
            }
            long t = decl.parse(r.get(timeColumn), src, line);
            if (zone == null) {
                zone = SiteCsvTimes.offsetOf(r.get(timeColumn));
            }
            if (prev != Long.MIN_VALUE && t <= prev) {
                throw SiteDataException.atLine(src, line, "time", (t == prev ? "duplicated time"
                        : "time goes backwards (not monotonic)") + ": " + r.get(timeColumn)
                        + " is not after the time on line " + prevLine + " (times must be strictly increasing)");
            }
            if (first == Long.MIN_VALUE) {
                first = t;
            }
            prev = t;
            prevLine = line;
            if (t < lo) {
                before = t;
                continue;
            }
            if (t >= hi) {
                after = t;
                break;
            }
            double[] row = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                row[j] = parseNumber(r.get(columnOf[j]), decl.missingValue(), src, line, names.get(j), columnOf[j] + 1);
            }
            times.add(t);
            lines.add(line);
            rows.add(row);
        }
        if (rows.size() < 2) {
            String span = first == Long.MIN_VALUE ? "the file has no data rows"
                    : "data span " + Instant.ofEpochSecond(first) + " to " + Instant.ofEpochSecond(prev);
            throw SiteDataException.forFile(src, null, "need at least 2 data rows" + (start == null && end == null
                    ? "" : " in the window [" + start + ", " + end + ")") + ", found " + rows.size() + "; " + span);
        }
        return build(src, names, times, lines, rows, before, after, lo, hi, options,
                zone == null ? ZoneOffset.UTC : zone);
    }

    /** Lays the rows on a regular grid (absent records become missing), validates, builds the SiteData. */
    private static SiteData build(String src, List<String> names, List<Long> times, List<Long> lines,
                                  List<double[]> rows, long before, long after, long lo, long hi,
                                  Options options, ZoneId zone) {
        TimeGrid grid = TimeGrid.of(times.stream().mapToLong(Long::longValue).toArray(), before, after, lo, hi,
                src, (i, dt, step) -> SiteDataException.atLine(src, lines.get(i), "time", "irregular time step: "
                        + dt + " s after line " + lines.get(i - 1) + ", which is not a multiple of the file's step of "
                        + step + " s (absent records are allowed, shifted ones are not)"));
        int n = grid.times.length;
        long[] lineOf = new long[n];
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (String name : names) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, Double.NaN);
            vars.put(name, x);
        }
        double[][] columns = vars.values().toArray(new double[0][]);
        for (int i = 0; i < rows.size(); i++) {
            int k = grid.index[i];
            lineOf[k] = lines.get(i);
            double[] row = rows.get(i);
            for (int j = 0; j < columns.length; j++) {
                columns[j][k] = row[j];
            }
        }
        RecordFlags flags = RangeValidator.apply(vars, options.fluxPolicy(),
                (i, v, d) -> SiteDataException.atLine(src, lineOf[i], v, d)).withAbsent(grid.absent);
        SiteData data = new SiteData(src, grid.times, grid.step, vars, flags, zone);
        LOG.info("read {}", data);
        for (String w : data.report().warnings()) {
            LOG.warn("{}: {}", src, w);
        }
        return data;
    }

    private static double parseNumber(String cell, double missingValue, String src, long line, String name,
                                      int column) {
        String c = cell.strip();
        if (c.isEmpty() || c.equalsIgnoreCase("NaN") || c.equalsIgnoreCase("NA")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(c) + 0.0;
        } catch (NumberFormatException e) {
            throw SiteDataException.atLine(src, line, name, "column " + column + " (" + name
                    + "): cannot parse '" + cell + "' as a number" + (c.contains(",") || c.matches("-?\\d+,\\d+")
                    ? " (use '.' as the decimal separator)" : ""));
        }
        return v == missingValue ? Double.NaN : v;
    }
}
