package org.cml4j.lsm.data;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Applies {@link PhysicalRanges} to freshly read arrays (in place), shared by all readers. */
final class RangeValidator {

    /** Builds the reader-specific error for a record (line number for text, index + time for netCDF). */
    @FunctionalInterface
    interface Locator {
        SiteDataException error(int recordIndex, String variable, String detail);
    }

    /** Values commonly used as missing-value markers, named in the error so the user can declare them. */
    private static final java.util.Set<Double> SENTINELS = java.util.Set.of(-9999.0, -999.0, -6999.0, -99999.0,
            9999.0, 99999.0, -99.0, -9999.9);

    private RangeValidator() {
    }

    /**
     * Checks every variable that has a range: NaN is missing and skipped; values in the clip band
     * are clipped and flagged; other out-of-range values fail, except fluxes under
     * {@link OutOfRangePolicy#SET_MISSING}, which become NaN and are flagged as rejected.
     */
    static RecordFlags apply(Map<String, double[]> variables, OutOfRangePolicy fluxPolicy, Locator locator) {
        Map<String, BitSet> clipped = new HashMap<>();
        Map<String, BitSet> rejected = new HashMap<>();
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            String name = e.getKey();
            double[] x = e.getValue();
            for (int i = 0; i < x.length; i++) {
                if (Double.isInfinite(x[i])) {
                    throw locator.error(i, name, "value " + x[i] + " is not finite");
                }
            }
            Optional<PhysicalRanges.Range> range = PhysicalRanges.forVariable(name);
            if (range.isEmpty()) {
                continue;
            }
            PhysicalRanges.Range r = range.get();
            boolean setMissing = PhysicalRanges.isFlux(name) && fluxPolicy == OutOfRangePolicy.SET_MISSING;
            for (int i = 0; i < x.length; i++) {
                double v = x[i];
                if (Double.isNaN(v) || r.contains(v)) {
                    continue;
                }
                if (r.clips(v)) {
                    x[i] = r.min();
                    clipped.computeIfAbsent(name, k -> new BitSet(x.length)).set(i);
                } else if (setMissing) {
                    x[i] = Double.NaN;
                    rejected.computeIfAbsent(name, k -> new BitSet(x.length)).set(i);
                } else {
                    String hint = PhysicalRanges.isFlux(name)
                            ? " (for fluxes, OutOfRangePolicy.SET_MISSING rejects such outliers instead)" : "";
                    if (SENTINELS.contains(v)) {
                        hint += " (if " + PhysicalRanges.Range.num(v) + " marks missing values, declare it: in a site"
                                + " CSV with a comment line '# missing_value: " + PhysicalRanges.Range.num(v)
                                + "' before the header)";
                    }
                    throw locator.error(i, name, "value " + v + " is outside the allowed range "
                            + r.describe() + hint);
                }
            }
        }
        return new RecordFlags(clipped, rejected);
    }
}
