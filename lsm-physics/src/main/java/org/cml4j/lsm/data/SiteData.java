package org.cml4j.lsm.data;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, regularly spaced time series of site observations / forcing.
 *
 * <p>Times are UTC epoch seconds, strictly increasing with a constant step. Variables use ALMA names
 * and SI units: SWdown, LWdown, SWup, LWup, Qh, Qle, Qg, Rnet [W m-2]; Tair, SurfTemp (radiometric
 * skin temperature) [K]; Wind [m s-1]; PSurf [Pa]; Qair [kg kg-1]; Rainf, Snowf [kg m-2 s-1];
 * soil temperatures {@code SoilTemp_<depth in m>} [K] (e.g. {@code SoilTemp_0.02}) and soil moisture
 * {@code SoilMoist_<depth in m>} [m3 m-3]. A missing value is NaN. Every reader guarantees SWdown,
 * LWdown and Tair are present and all values passed {@link PhysicalRanges}; the public constructor
 * only checks the time axis and array lengths.
 *
 * <p>Arrays are copied in and out, so an instance cannot be modified.
 */
public final class SiteData {

    /** Prefix of soil temperature variables; the rest of the name is the depth in metres. */
    public static final String SOIL_TEMP_PREFIX = "SoilTemp_";

    private final String source;
    private final long[] times;
    private final long stepSeconds;
    private final Map<String, double[]> variables;
    private final RecordFlags flags;
    private final ZoneId zone;

    /**
     * @param source       description of the origin, normally the file path (used in every error message)
     * @param epochSeconds UTC times in seconds since 1970-01-01, strictly increasing by {@code stepSeconds}
     * @param stepSeconds  the constant time step, &gt; 0
     * @param variables    ALMA name to values in SI units, each as long as {@code epochSeconds}; NaN = missing
     * @throws SiteDataException if the time axis is not regular or an array has the wrong length
     */
    public SiteData(String source, long[] epochSeconds, long stepSeconds, Map<String, double[]> variables) {
        this(source, epochSeconds.clone(), stepSeconds, copy(variables), RecordFlags.NONE);
    }

    /** Package-private: takes ownership of the arrays (no copy); zone UTC. */
    SiteData(String source, long[] epochSeconds, long stepSeconds, Map<String, double[]> variables,
             RecordFlags flags) {
        this(source, epochSeconds, stepSeconds, variables, flags, ZoneOffset.UTC);
    }

    /** Package-private: takes ownership of the arrays (no copy); {@code zone} is the file's time zone. */
    SiteData(String source, long[] epochSeconds, long stepSeconds, Map<String, double[]> variables,
             RecordFlags flags, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.times = Objects.requireNonNull(epochSeconds, "epochSeconds");
        this.stepSeconds = stepSeconds;
        this.flags = flags;
        RegularTimes.check(source, times, stepSeconds);
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw SiteDataException.forFile(source, name, "blank variable name");
            }
            if (e.getValue().length != times.length) {
                throw SiteDataException.forFile(source, name, "has " + e.getValue().length
                        + " values but there are " + times.length + " times");
            }
            SoilTempNames.requireNewDepth(source, vars.keySet(), name);
            vars.put(name, e.getValue());
        }
        this.variables = Collections.unmodifiableMap(vars);
    }

    /**
     * Data checked as a reader checks a file (for series that come from elsewhere, e.g. one column of a
     * gridded file): the time axis and lengths as in the public constructor, then every value against
     * {@link PhysicalRanges} (values in the clip band are clipped and counted, other out-of-range values
     * fail, fluxes follow {@code fluxPolicy}). Errors name {@code source}, the record index and time, the
     * variable and the allowed range.
     */
    public static SiteData validated(String source, long[] epochSeconds, long stepSeconds,
                                     Map<String, double[]> variables, OutOfRangePolicy fluxPolicy) {
        SiteData checked = new SiteData(source, epochSeconds, stepSeconds, variables);
        Map<String, double[]> vars = copy(checked.variables);
        RecordFlags flags = RangeValidator.apply(vars, fluxPolicy, (i, v, d) -> SiteDataException.atRecord(
                source, i, Instant.ofEpochSecond(checked.times[i]), v, d));
        return new SiteData(source, checked.times, stepSeconds, vars, flags, checked.zone);
    }

    private static Map<String, double[]> copy(Map<String, double[]> variables) {
        Map<String, double[]> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** The variable name for a soil temperature at a depth in metres, with minimal digits: {@code SoilTemp_0.02}. */
    public static String soilTempName(double depthMetres) {
        return SoilTempNames.of(depthMetres);
    }

    /**
     * The variable holding the soil temperature at {@code depthMetres}, matched by numeric depth (so a
     * request for 0.1 m finds a column named {@code SoilTemp_0.10} or {@code SoilTemp_0.1}).
     */
    public Optional<String> soilTempVariable(double depthMetres) {
        return SoilTempNames.find(source, variables.keySet(), depthMetres);
    }

    /**
     * The time zone the file declared or used (e.g. {@code -07:00}); times are always held in UTC, this
     * is kept so that reports can show the file's local time. UTC when the source had no zone.
     */
    public ZoneId zone() {
        return zone;
    }

    /** Origin of the data, normally the file path. */
    public String source() {
        return source;
    }

    /** Number of records. */
    public int size() {
        return times.length;
    }

    /** Constant time step in seconds. */
    public long stepSeconds() {
        return stepSeconds;
    }

    /** Copy of the UTC epoch seconds of all records. */
    public long[] times() {
        return times.clone();
    }

    /** Time of record {@code i}. */
    public Instant time(int i) {
        return Instant.ofEpochSecond(times[Objects.checkIndex(i, times.length)]);
    }

    /** Index of the record at exactly time {@code t}, or -1 if there is none. */
    public int indexOf(Instant t) {
        return RegularTimes.indexOf(times, stepSeconds, t);
    }

    /** Names of all variables, in file order. */
    public Set<String> variableNames() {
        return variables.keySet();
    }

    /**
     * True if the variable exists (it may still contain missing values). Soil temperatures are matched
     * by numeric depth here and in {@link #variable(String)}: {@code SoilTemp_0.1} finds {@code SoilTemp_0.10}.
     */
    public boolean has(String name) {
        return variables.containsKey(resolve(name));
    }

    /**
     * Copy of a variable's values in SI units, NaN = missing.
     *
     * @throws SiteDataException naming the file and listing the available variables if absent
     */
    public double[] variable(String name) {
        return values(name).clone();
    }

    /** One value of a variable (NaN = missing). */
    public double value(String name, int record) {
        return values(name)[Objects.checkIndex(record, times.length)];
    }

    double[] values(String name) {
        double[] v = variables.get(resolve(name));
        if (v == null) {
            throw SiteDataException.forFile(source, name,
                    "no such variable; available: " + variables.keySet());
        }
        return v;
    }

    /** The stored name of a variable: soil temperatures match by numeric depth ({@code SoilTemp_0.1} = {@code _0.10}). */
    private String resolve(String name) {
        return SoilTempNames.resolve(source, variables.keySet(), name);
    }

    /** Depths in metres of all {@code SoilTemp_<depth>} variables, sorted ascending. */
    public double[] soilDepths() {
        return SoilTempNames.depths(source, variables.keySet());
    }

    /** The records from {@code from} (inclusive) to {@code toExclusive}. */
    public SiteData window(int from, int toExclusive) {
        if (from < 0 || toExclusive > times.length || from >= toExclusive) {
            throw SiteDataException.forFile(source, null, "invalid record window [" + from + ", "
                    + toExclusive + ") for " + times.length + " records");
        }
        int[][] groups = new int[toExclusive - from][];
        for (int k = 0; k < groups.length; k++) {
            groups[k] = new int[] {from + k};
        }
        Map<String, double[]> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> vars.put(k, Arrays.copyOfRange(v, from, toExclusive)));
        return new SiteData(source, Arrays.copyOfRange(times, from, toExclusive), stepSeconds, vars,
                flags.regroup(groups), zone);
    }

    /**
     * The records with {@code start <= t < endExclusive}.
     *
     * @throws SiteDataException if no record falls in the window (names the data span)
     */
    public SiteData window(Instant start, Instant endExclusive) {
        int from = RegularTimes.firstAtOrAfter(times, start);
        int to = RegularTimes.firstAtOrAfter(times, endExclusive);
        if (from >= to) {
            throw SiteDataException.forFile(source, null, "no record in the window [" + start + ", "
                    + endExclusive + "); data span " + time(0) + " to " + time(times.length - 1));
        }
        return window(from, to);
    }

    /**
     * A series with a coarser step; see {@link ResampleMethod}. New time levels are the records
     * whose UTC epoch seconds are multiples of {@code newStepSeconds} (e.g. full hours for 3600 s).
     *
     * @param newStepSeconds a positive multiple of {@link #stepSeconds()}
     */
    public SiteData resample(int newStepSeconds, ResampleMethod method) {
        return Resampler.resample(this, newStepSeconds, method);
    }

    /** Missing values, gaps, clipped values and rejected outliers of every variable. */
    public DataQualityReport report() {
        return DataQualityReport.of(this);
    }

    /**
     * Shortcut for {@code report().requireNoGapLongerThan(limit, names)}, normally called on a window.
     *
     * @throws SiteDataException naming file, variable, gap start, gap length and limit
     */
    public void requireNoGapLongerThan(java.time.Duration limit, java.util.Collection<String> names) {
        report().requireNoGapLongerThan(limit, names);
    }

    RecordFlags flags() {
        return flags;
    }

    /** Equal times, step and variables (bitwise, NaN equals NaN); source and quality flags are not compared. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SiteData other) || stepSeconds != other.stepSeconds
                || !Arrays.equals(times, other.times) || !variables.keySet().equals(other.variables.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.variables.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(times);
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "SiteData[" + source + ", " + times.length + " records, " + time(0) + " to "
                + time(times.length - 1) + ", step " + stepSeconds + " s, variables " + variables.keySet() + "]";
    }
}
