package org.cml4j.lsm.data;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Data quality of every variable of a {@link SiteData} (typically of a window about to be used):
 * missing values, the longest gap, values clipped into range and flux outliers rejected by a reader.
 *
 * <p>A gap is a run of consecutive missing records; its length in seconds is
 * {@code records * stepSeconds} (the span with no valid value).
 *
 * @param source      source (file) of the data
 * @param zone        the file's time zone (times in this report are UTC)
 * @param timeGaps    runs of time steps absent from the file, in time order (empty if the file had
 *                    every step)
 * @param start       time of the first record (UTC)
 * @param end         time of the last record (UTC)
 * @param stepSeconds the time step [s]
 * @param records     number of records covered
 * @param byName      quality of every variable by ALMA name, in file order
 */
public record DataQualityReport(String source, ZoneId zone, List<TimeGap> timeGaps, Instant start,
                                Instant end, long stepSeconds, int records,
                                Map<String, VariableQuality> byName) {

    /**
     * Quality of one variable.
     *
     * @param variable          ALMA name
     * @param records           number of records
     * @param missing           records with a missing value (NaN)
     * @param longestGapRecords length of the longest run of missing records (0 if none)
     * @param longestGapSeconds that length in seconds
     * @param longestGapStart   time of the first missing record of the longest gap, or null
     * @param clipped           values clipped into range by the reader (e.g. SWdown -3 W m-2 to 0)
     * @param rejectedOutliers  flux values outside range set to missing by the reader
     * @param firstClipped      time of the first clipped value, or null if none
     */
    public record VariableQuality(String variable, int records, int missing, int longestGapRecords,
                                  long longestGapSeconds, Instant longestGapStart, int clipped,
                                  int rejectedOutliers, Instant firstClipped) {

        /** Fraction of records missing, 0..1. */
        public double missingFraction() {
            return records == 0 ? 0 : (double) missing / records;
        }
    }

    /**
     * A run of consecutive time steps absent from the file (the reader inserted them as missing values).
     *
     * @param first   time of the first absent record
     * @param last    time of the last absent record
     * @param records number of absent records
     */
    public record TimeGap(Instant first, Instant last, int records) {
        @Override
        public String toString() {
            return records + " missing record" + (records == 1 ? "" : "s") + " " + first
                    + (records == 1 ? "" : " to " + last);
        }
    }

    /** Copies the list and the map (the map keeps its order). */
    public DataQualityReport {
        timeGaps = List.copyOf(timeGaps);
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    static DataQualityReport of(SiteData data) {
        Map<String, VariableQuality> out = new LinkedHashMap<>();
        for (String name : data.variableNames()) {
            double[] x = data.values(name);
            int missing = 0;
            int run = 0;
            int longest = 0;
            int longestStart = -1;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    missing++;
                    run++;
                    if (run > longest) {
                        longest = run;
                        longestStart = i - run + 1;
                    }
                } else {
                    run = 0;
                }
            }
            int firstClip = data.flags().firstClipped(name);
            out.put(name, new VariableQuality(name, x.length, missing, longest, longest * data.stepSeconds(),
                    longestStart < 0 ? null : data.time(longestStart), data.flags().clippedCount(name),
                    data.flags().rejectedCount(name), firstClip < 0 ? null : data.time(firstClip)));
        }
        List<TimeGap> gaps = new ArrayList<>();
        BitSet absent = data.flags().absent();
        for (int i = absent.nextSetBit(0); i >= 0 && i < data.size(); i = absent.nextSetBit(i)) {
            int j = Math.min(absent.nextClearBit(i), data.size());
            gaps.add(new TimeGap(data.time(i), data.time(j - 1), j - i));
            i = j;
        }
        return new DataQualityReport(data.source(), data.zone(), gaps, data.time(0), data.time(data.size() - 1),
                data.stepSeconds(), data.size(), out);
    }

    /**
     * One line per noteworthy finding: each variable with clipped values (count and first record),
     * with rejected outliers, and each run of absent time steps. Empty if the data are clean.
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (VariableQuality q : byName.values()) {
            if (q.clipped() > 0) {
                w.add(q.variable() + ": " + q.clipped() + " value" + (q.clipped() == 1 ? "" : "s")
                        + " clipped into range " + PhysicalRanges.forVariable(q.variable())
                        .map(PhysicalRanges.Range::describe).orElse("") + ", first at " + q.firstClipped());
            }
            if (q.rejectedOutliers() > 0) {
                w.add(q.variable() + ": " + q.rejectedOutliers() + " out-of-range value"
                        + (q.rejectedOutliers() == 1 ? "" : "s") + " set to missing");
            }
        }
        for (TimeGap g : timeGaps) {
            w.add("time: " + g + " (absent from the file, read as missing values)");
        }
        return w;
    }

    /** All variables, in file order. */
    public Collection<VariableQuality> variables() {
        return byName.values();
    }

    /** Quality of one variable; throws a {@link SiteDataException} listing the available ones if absent. */
    public VariableQuality variable(String name) {
        VariableQuality q = byName.get(name);
        if (q == null) {
            throw SiteDataException.forFile(source, name, "no such variable; available: " + byName.keySet());
        }
        return q;
    }

    /**
     * Checks that none of the given variables has a gap longer than {@code limit}.
     *
     * @throws SiteDataException naming the file, the variable, the gap's start time and length and the
     *                           limit; also if a variable does not exist
     */
    public void requireNoGapLongerThan(Duration limit, Collection<String> names) {
        for (String name : names) {
            VariableQuality q = variable(name);
            if (q.longestGapSeconds() > limit.getSeconds()) {
                throw SiteDataException.forFile(source, name, "gap of " + q.longestGapRecords() + " missing records ("
                        + formatDuration(q.longestGapSeconds()) + ") starting at " + q.longestGapStart()
                        + " is longer than the limit of " + formatDuration(limit.getSeconds())
                        + " (window " + start + " to " + end + ")");
            }
        }
    }

    /** e.g. {@code "2 h 30 min"}, {@code "45 s"}, {@code "3 d 1 h"}. */
    static String formatDuration(long seconds) {
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder sb = new StringBuilder();
        if (d > 0) {
            sb.append(d).append(" d ");
        }
        if (h > 0) {
            sb.append(h).append(" h ");
        }
        if (m > 0) {
            sb.append(m).append(" min ");
        }
        if (s > 0 || sb.length() == 0) {
            sb.append(s).append(" s ");
        }
        return sb.toString().trim();
    }

    /** A Markdown table, one row per variable. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(header("`" + source + "`")).append("\n\n");
        sb.append("| variable | missing | missing % | longest gap | gap start | clipped | rejected outliers |\n");
        sb.append("|---|---:|---:|---|---|---:|---:|\n");
        for (VariableQuality q : byName.values()) {
            sb.append("| ").append(q.variable()).append(" | ").append(q.missing()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * q.missingFraction())).append(" | ")
                    .append(gap(q)).append(" | ").append(q.longestGapStart() == null ? "" : q.longestGapStart())
                    .append(" | ").append(q.clipped()).append(" | ").append(q.rejectedOutliers()).append(" |\n");
        }
        for (String w : warnings()) {
            sb.append("\n- ").append(w);
        }
        return sb.toString();
    }

    /** The first line of both tables (without line end): source, records, period, zone and step. */
    private String header(String shownSource) {
        return "Data quality of " + shownSource + ": " + records + " records, " + start + " to " + end
                + " (UTC; file time zone " + zone + "), step " + stepSeconds + " s";
    }

    private static String gap(VariableQuality q) {
        return q.longestGapRecords() == 0 ? "none"
                : q.longestGapRecords() + " rec (" + formatDuration(q.longestGapSeconds()) + ")";
    }

    /** Plain-text table, one line per variable. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(header(source)).append('\n');
        sb.append(String.format(Locale.ROOT, "  %-14s %8s %8s  %-22s %-22s %8s %9s%n", "variable", "missing",
                "miss%", "longest gap", "gap start", "clipped", "rejected"));
        for (VariableQuality q : byName.values()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %8d %8.1f  %-22s %-22s %8d %9d%n", q.variable(),
                    q.missing(), 100 * q.missingFraction(), gap(q),
                    q.longestGapStart() == null ? "-" : q.longestGapStart().toString(), q.clipped(),
                    q.rejectedOutliers()));
        }
        for (String w : warnings()) {
            sb.append("  warning: ").append(w).append('\n');
        }
        return sb.toString();
    }
}
