package org.cml4j.lsm.data;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of physically plausible ranges applied by every reader, in ALMA names and SI units.
 *
 * <table>
 *   <caption>Allowed ranges</caption>
 *   <tr><th>Variable</th><th>Range</th><th>Units</th><th>Note</th></tr>
 *   <tr><td>Tair</td><td>150 to 350</td><td>K</td><td></td></tr>
 *   <tr><td>SWdown, SWup</td><td>0 to 1500</td><td>W m-2</td>
 *       <td>values in [-20, 0) (night-time sensor offset) are clipped to 0 and counted</td></tr>
 *   <tr><td>LWdown</td><td>50 to 700</td><td>W m-2</td><td></td></tr>
 *   <tr><td>LWup</td><td>50 to 1000</td><td>W m-2</td><td></td></tr>
 *   <tr><td>SurfTemp, SoilTemp_*</td><td>200 to 360</td><td>K</td><td></td></tr>
 *   <tr><td>Qh, Qle, Qg, Rnet</td><td>-1000 to 1500</td><td>W m-2</td>
 *       <td>fluxes: may use {@link OutOfRangePolicy#SET_MISSING}</td></tr>
 *   <tr><td>Wind</td><td>0 to 75</td><td>m s-1</td><td>values in [-1, 0) are clipped to 0 and counted</td></tr>
 *   <tr><td>PSurf</td><td>50000 to 110000</td><td>Pa</td><td></td></tr>
 *   <tr><td>Qair</td><td>0 to 0.1</td><td>kg kg-1</td><td></td></tr>
 *   <tr><td>Rainf, Snowf</td><td>0 to 0.1</td><td>kg m-2 s-1</td><td></td></tr>
 *   <tr><td>SoilMoist_*</td><td>0 to 1</td><td>m3 m-3</td><td></td></tr>
 * </table>
 *
 * <p>Variables not in the table (e.g. extra CSV columns) are read without a range check.
 */
public final class PhysicalRanges {

    /**
     * An allowed range [min, max]; values in [clipFloor, min) are clipped to min and counted
     * (clipFloor == min means no clipping).
     */
    public record Range(double min, double max, double clipFloor, String units) {

        /** True if {@code min <= v <= max}. */
        public boolean contains(double v) {
            return v >= min && v <= max;
        }

        /** True if v is below the range but close enough to be clipped to {@link #min()}. */
        public boolean clips(double v) {
            return v >= clipFloor && v < min;
        }

        /** Human-readable form, e.g. {@code "150 to 350 K"}, with the clipping band if any. */
        public String describe() {
            String s = num(min) + " to " + num(max) + " " + units;
            return clipFloor < min ? s + " (values from " + num(clipFloor) + " up to " + num(min)
                    + " are clipped to " + num(min) + ")" : s;
        }

        static String num(double v) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
    }

    private static final Set<String> FLUXES = Set.of("Qh", "Qle", "Qg", "Rnet");
    private static final Map<String, Range> TABLE;

    static {
        Map<String, Range> t = new LinkedHashMap<>();
        t.put("Tair", new Range(150, 350, 150, "K"));
        t.put("SWdown", new Range(0, 1500, -20, "W m-2"));
        t.put("SWup", new Range(0, 1500, -20, "W m-2"));
        t.put("LWdown", new Range(50, 700, 50, "W m-2"));
        t.put("LWup", new Range(50, 1000, 50, "W m-2"));
        t.put("SurfTemp", new Range(200, 360, 200, "K"));
        t.put("SoilTemp", new Range(200, 360, 200, "K"));
        for (String flux : new String[] {"Qh", "Qle", "Qg", "Rnet"}) {
            t.put(flux, new Range(-1000, 1500, -1000, "W m-2"));
        }
        t.put("Wind", new Range(0, 75, -1, "m s-1"));
        t.put("PSurf", new Range(50000, 110000, 50000, "Pa"));
        t.put("Qair", new Range(0, 0.1, 0, "kg kg-1"));
        t.put("Rainf", new Range(0, 0.1, 0, "kg m-2 s-1"));
        t.put("Snowf", new Range(0, 0.1, 0, "kg m-2 s-1"));
        t.put("SoilMoist", new Range(0, 1, 0, "m3 m-3"));
        TABLE = Collections.unmodifiableMap(t);
    }

    private PhysicalRanges() {
    }

    /** The whole table; SoilTemp and SoilMoist apply to every {@code SoilTemp_<depth>} / {@code SoilMoist_<depth>}. */
    public static Map<String, Range> table() {
        return TABLE;
    }

    /** The range for an ALMA variable name, resolving {@code SoilTemp_<depth>} and {@code SoilMoist_<depth>}. */
    public static Optional<Range> forVariable(String name) {
        return Optional.ofNullable(TABLE.get(baseName(name)));
    }

    /** True for the evaluation fluxes Qh, Qle, Qg, Rnet (the only ones allowed {@link OutOfRangePolicy#SET_MISSING}). */
    public static boolean isFlux(String name) {
        return FLUXES.contains(name);
    }

    private static String baseName(String name) {
        int underscore = name.indexOf('_');
        if (underscore > 0) {
            String prefix = name.substring(0, underscore);
            if (prefix.equals("SoilTemp") || prefix.equals("SoilMoist")) {
                return prefix;
            }
        }
        return name;
    }
}
