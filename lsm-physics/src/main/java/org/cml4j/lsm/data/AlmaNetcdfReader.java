package org.cml4j.lsm.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an ALMA-convention netCDF-4 site file (Urban-PLUMBER / PLUMBER2 style) with jHDF.
 *
 * <ul>
 *   <li>{@code time}: numbers in the CF units of its {@code units} attribute (e.g. {@code "seconds
 *       since 2011-12-16 18:30:00"}, UTC if no zone), standard calendar, regular step.</li>
 *   <li>Data variables: any numeric type, extra singleton dimensions (time, y, x) are flattened.
 *       {@code _FillValue}/{@code missing_value} become NaN, {@code scale_factor}/{@code add_offset}
 *       are applied, and a companion {@code <name>_qc} flag whose value is in
 *       {@link Options#missingQcFlags()} (default 3 = missing) also marks the value missing.</li>
 *   <li>Read: SWdown, LWdown, Tair (required); SWup, LWup, Qh, Qle, Qg, Rnet, SurfTemp, Wind (or speed
 *       from Wind_N/Wind_E), PSurf, Qair, Rainf, Snowf if present; a single-level {@code SoilTemp} becomes
 *       {@code SoilTemp_<depth>}, the depth taken from a {@code depth}/{@code soil_depth}/{@code SoilDepth}
 *       attribute (e.g. {@code "0.02 m"}) or a scalar {@code soil_depth}/{@code SoilDepth} variable,
 *       else {@link Options#defaultSoilDepth()}.</li>
 *   <li>Units: temperatures in K or degC, radiation/heat fluxes in W m-2 (any common spelling),
 *       PSurf in Pa, hPa or kPa; an unrecognised unit is an error.</li>
 *   <li>Every value is checked against {@link PhysicalRanges}; errors name the record index and time.</li>
 * </ul>
 */
public final class AlmaNetcdfReader {

    private static final Logger LOG = LoggerFactory.getLogger(AlmaNetcdfReader.class);
    private static final List<String> REQUIRED = List.of("SWdown", "LWdown", "Tair");
    private static final List<String> OPTIONAL = List.of("SWup", "LWup", "Qh", "Qle", "Qg", "Rnet",
            "SurfTemp", "Wind", "PSurf", "Qair", "Rainf", "Snowf");
    private static final Set<String> TEMPERATURES = Set.of("Tair", "SurfTemp", "SoilTemp");
    private static final Set<String> ENERGY_FLUXES = Set.of("SWdown", "LWdown", "SWup", "LWup", "Qh", "Qle", "Qg", "Rnet");
    private static final double NC_DEFAULT_FILL = 9.969209968386869e36;
    private static final Pattern DEPTH = Pattern.compile("\\s*([-+0-9.eE]+)\\s*(m|cm|mm)?\\s*");

    /**
     * @param fluxPolicy       out-of-range handling for Qh, Qle, Qg, Rnet (others always fail)
     * @param missingQcFlags   values of {@code <name>_qc} that mark a value missing
     * @param defaultSoilDepth depth in m of a {@code SoilTemp} variable without depth metadata
     */
    public record Options(OutOfRangePolicy fluxPolicy, Set<Integer> missingQcFlags, double defaultSoilDepth) {
        /** FAIL for fluxes, qc 3 = missing, SoilTemp at 0.02 m (Urban-PLUMBER convention). */
        public static final Options DEFAULT = new Options(OutOfRangePolicy.FAIL, Set.of(3), 0.02);
    }

    private AlmaNetcdfReader() {
    }

    /** Reads with {@link Options#DEFAULT}. */
    public static SiteData read(Path file) {
        return read(file, Options.DEFAULT);
    }

    /** Reads an ALMA netCDF-4 file; throws {@link SiteDataException} for anything unusable. */
    public static SiteData read(Path file, Options options) {
        String src = file.toString();
        SiteDataReaders.requireFile(file);
        try (HdfFile hdf = new HdfFile(file)) {
            return read(hdf, src, options);
        } catch (SiteDataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SiteDataException.forFile(src, "cannot read as netCDF-4/HDF5 (netCDF-3 classic files must be "
                    + "converted, e.g. nccopy -k nc4): " + e, e);
        }
    }

    private static SiteData read(HdfFile hdf, String src, Options options) {
        Dataset timeVar = dataset(hdf, "time");
        if (timeVar == null) {
            throw SiteDataException.forFile(src, "time", "no 'time' variable");
        }
        String calendar = attrString(timeVar, "calendar");
        if (calendar != null && !Set.of("standard", "gregorian", "proleptic_gregorian").contains(calendar.toLowerCase(Locale.ROOT))) {
            throw SiteDataException.forFile(src, "time", "calendar '" + calendar + "' not supported (standard only)");
        }
        CfTimeUnits units = CfTimeUnits.parse(attrString(timeVar, "units"), src, "time");
        double[] raw = toDoubles(timeVar.getDataFlat(), src, "time");
        long[] times = units.toEpochSeconds(raw, src, "time", false);
        int n = times.length;
        Map<String, double[]> vars = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            if (dataset(hdf, name) == null) {
                throw SiteDataException.forFile(src, name, "required variable missing; variables found: "
                        + hdf.getChildren().keySet());
            }
            vars.put(name, readVariable(hdf, name, n, src, options));
        }
        for (String name : OPTIONAL) {
            if (dataset(hdf, name) != null) {
                vars.put(name, readVariable(hdf, name, n, src, options));
            }
        }
        if (!vars.containsKey("Wind") && dataset(hdf, "Wind_N") != null && dataset(hdf, "Wind_E") != null) {
            double[] vn = readVariable(hdf, "Wind_N", n, src, options);
            double[] ve = readVariable(hdf, "Wind_E", n, src, options);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = Math.hypot(vn[i], ve[i]);
            }
            vars.put("Wind", w);
        }
        if (dataset(hdf, "SoilTemp") != null) {
            vars.put(SiteData.soilTempName(soilDepth(hdf, src, options)), readVariable(hdf, "SoilTemp", n, src, options));
        }
        TimeGrid grid = TimeGrid.of(times, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, src,
                (i, dt, step) -> SiteDataException.atRecord(src, i, Instant.ofEpochSecond(times[i]), "time",
                        "irregular time step: " + dt + " s after the previous record, not a multiple of the"
                        + " file's step of " + step + " s (absent records are allowed, shifted ones are not)"));
        vars.replaceAll((k, x) -> grid.spread(x));
        int[] recordOf = new int[grid.times.length];
        for (int i = 0; i < grid.index.length; i++) {
            recordOf[grid.index[i]] = i;
        }
        RecordFlags flags = RangeValidator.apply(vars, options.fluxPolicy(), (k, v, d) -> SiteDataException
                .atRecord(src, recordOf[k], Instant.ofEpochSecond(grid.times[k]), v, d)).withAbsent(grid.absent);
        SiteData data = new SiteData(src, grid.times, grid.step, vars, flags);
        LOG.info("read {}", data);
        return data;
    }

    private static double[] readVariable(HdfFile hdf, String name, int n, String src, Options options) {
        Dataset ds = dataset(hdf, name);
        if (ds.getSize() != n) {
            throw SiteDataException.forFile(src, name, "has " + ds.getSize() + " values (dimensions "
                    + java.util.Arrays.toString(ds.getDimensions()) + ") but time has " + n
                    + "; only (time) with extra singleton dimensions is supported");
        }
        double[] x = toDoubles(ds.getDataFlat(), src, name);
        Double fill = attrNumber(ds, "_FillValue");
        Double missing = attrNumber(ds, "missing_value");
        double scale = orElse(attrNumber(ds, "scale_factor"), 1.0);
        double offset = orElse(attrNumber(ds, "add_offset"), 0.0);
        double[] unit = unitConversion(name, attrString(ds, "units"), src);
        for (int i = 0; i < n; i++) {
            double v = x[i];
            boolean isMissing = Double.isNaN(v) || (fill != null && v == fill) || (missing != null && v == missing)
                    || (fill == null && Math.abs(v) >= NC_DEFAULT_FILL * 0.999);
            x[i] = isMissing ? Double.NaN : (v * scale + offset) * unit[0] + unit[1] + 0.0;
        }
        Dataset qc = dataset(hdf, name + "_qc");
        if (qc != null && qc.getSize() == n && !options.missingQcFlags().isEmpty()) {
            double[] q = toDoubles(qc.getDataFlat(), src, name + "_qc");
            for (int i = 0; i < n; i++) {
                if (options.missingQcFlags().contains((int) q[i])) {
                    x[i] = Double.NaN;
                }
            }
        }
        return x;
    }

    /** {factor, offset} converting the file's units to SI for the variable's kind. */
    private static double[] unitConversion(String name, String units, String src) {
        boolean temperature = TEMPERATURES.contains(name);
        boolean flux = ENERGY_FLUXES.contains(name);
        if (units == null || !(temperature || flux || name.equals("PSurf"))) {
            return new double[] {1, 0};
        }
        String u = units.toLowerCase(Locale.ROOT).replaceAll("[\\s^.*·°_]", "");
        if (temperature && Set.of("k", "kelvin", "degk", "degreesk").contains(u)) {
            return new double[] {1, 0};
        }
        if (temperature && Set.of("c", "degc", "celsius", "degreesc", "degreescelsius", "degreec").contains(u)) {
            return new double[] {1, 273.15};
        }
        if (flux && Set.of("w/m2", "wm-2", "w/m-2").contains(u)) {
            return new double[] {1, 0};
        }
        if (name.equals("PSurf")) {
            switch (u) {
                case "pa": return new double[] {1, 0};
                case "hpa", "mb", "mbar": return new double[] {100, 0};
                case "kpa": return new double[] {1000, 0};
                default: break;
            }
        }
        throw SiteDataException.forFile(src, name, "units '" + units + "' not understood; expected "
                + (temperature ? "K or degC" : flux ? "W m-2" : "Pa, hPa or kPa"));
    }

    private static double soilDepth(HdfFile hdf, String src, Options options) {
        Dataset soil = dataset(hdf, "SoilTemp");
        for (String attr : new String[] {"depth", "soil_depth", "SoilDepth"}) {
            Attribute a = soil.getAttribute(attr);
            if (a != null) {
                return parseDepth(String.valueOf(scalar(a.getData())), null, src);
            }
        }
        for (String var : new String[] {"soil_depth", "SoilDepth"}) {
            Dataset d = dataset(hdf, var);
            if (d != null) {
                if (d.getSize() != 1) {
                    throw SiteDataException.forFile(src, var, "multi-level SoilTemp (" + d.getSize()
                            + " depths) is not supported yet");
                }
                return parseDepth(String.valueOf(toDoubles(d.getDataFlat(), src, var)[0]), attrString(d, "units"), src);
            }
        }
        LOG.warn("{}: SoilTemp has no depth attribute or coordinate; assuming {} m", src, options.defaultSoilDepth());
        return options.defaultSoilDepth();
    }

    private static double parseDepth(String text, String units, String src) {
        Matcher m = DEPTH.matcher(text);
        try {
            if (m.matches()) {
                double v = Double.parseDouble(m.group(1));
                String u = m.group(2) != null ? m.group(2) : units == null ? "m" : units.trim();
                double f = switch (u) {
                    case "m" -> 1;
                    case "cm" -> 0.01;
                    case "mm" -> 0.001;
                    default -> Double.NaN;
                };
                if (v * f > 0) {
                    return v * f;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw SiteDataException.forFile(src, "SoilTemp", "soil depth '" + text + "' not understood; expected e.g. '0.02 m'");
    }

    private static Dataset dataset(HdfFile hdf, String name) {
        Node node = hdf.getChildren().get(name);
        return node instanceof Dataset d ? d : null;
    }

    private static double[] toDoubles(Object flat, String src, String name) {
        if (flat instanceof double[] d) {
            return d.clone();
        }
        if (flat != null && flat.getClass().isArray() && flat.getClass().getComponentType().isPrimitive()
                && flat.getClass().getComponentType() != boolean.class && flat.getClass().getComponentType() != char.class) {
            double[] out = new double[Array.getLength(flat)];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) Array.get(flat, i)).doubleValue();
            }
            return out;
        }
        throw SiteDataException.forFile(src, name, "not a numeric variable ("
                + (flat == null ? "null" : flat.getClass().getSimpleName()) + ")");
    }

    private static Object scalar(Object data) {
        return data != null && data.getClass().isArray() && Array.getLength(data) > 0 ? Array.get(data, 0) : data;
    }

    private static String attrString(Node node, String name) {
        Attribute a = node.getAttribute(name);
        Object v = a == null ? null : scalar(a.getData());
        return v == null ? null : v.toString();
    }

    private static Double attrNumber(Node node, String name) {
        Attribute a = node.getAttribute(name);
        Object v = a == null ? null : scalar(a.getData());
        return v instanceof Number num ? num.doubleValue() : null;
    }

    private static double orElse(Double v, double fallback) {
        return v == null ? fallback : v;
    }
}
