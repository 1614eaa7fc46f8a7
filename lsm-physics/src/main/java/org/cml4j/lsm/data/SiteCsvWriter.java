package org.cml4j.lsm.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cml4j.lsm.regional.AtomicWrite;

/**
 * Writes any {@link SiteData} in the site CSV format read by {@link SiteCsvReader}: a {@code #}
 * comment line with source and step, a header {@code time,<variables...>}, then one row per record.
 * Values are written with full double precision ({@link Double#toString(double)}), NaN as an empty cell,
 * so that writing and reading back gives an equal {@link SiteData}.
 *
 * <p>The file is written through {@link AtomicWrite}, so readers never see a half-written file.
 */
public final class SiteCsvWriter {

    private SiteCsvWriter() {
    }

    /** Writes with times in UTC ({@code 2012-05-01T07:00:00Z}). */
    public static void write(SiteData data, Path file) {
        write(data, file, ZoneOffset.UTC);
    }

    /** Writes with times shown at the given UTC offset (e.g. the site's local standard time). */
    public static void write(SiteData data, Path file, ZoneOffset offset) {
        write(data, file, offset, List.of());
    }

    /**
     * As {@link #write(SiteData, Path, ZoneOffset)}, with extra {@code #} comment lines after the first
     * one (metadata such as {@code lat: 40.0} and {@code lon: -88.4}).
     */
    public static void write(SiteData data, Path file, ZoneOffset offset, List<String> comments) {
        try {
            AtomicWrite.write(file, tmp -> {
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    print(data, out, offset, comments);
                }
            });
        } catch (IOException e) {
            throw SiteDataException.forFile(file.toString(), "cannot write CSV: " + e, e);
        }
    }

    private static void print(SiteData data, Writer out, ZoneOffset offset, List<String> comments)
            throws IOException {
        List<String> names = new ArrayList<>(data.variableNames());
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(names);
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < names.size(); j++) {
            columns[j] = data.values(names.get(j));
        }
        long[] times = data.times();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#')
                .setRecordSeparator('\n').build())) {
            printer.printComment("cml4j site data (ALMA names, SI units: K, W m-2); source: "
                    + data.source().replace('\n', ' ') + "; step: " + data.stepSeconds() + " s");
            for (String c : comments) {
                printer.printComment(c.replace('\n', ' '));
            }
            printer.printRecord(header);
            List<String> row = new ArrayList<>(header.size());
            for (int i = 0; i < times.length; i++) {
                row.clear();
                row.add(OffsetDateTime.ofInstant(Instant.ofEpochSecond(times[i]), offset)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                for (double[] c : columns) {
                    row.add(Double.isNaN(c[i]) ? "" : Double.toString(c[i]));
                }
                printer.printRecord(row);
            }
        }
    }
}
