package org.cml4j.lsm.data;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-variable, per-record marks set by validation: values clipped into range and flux outliers
 * rejected (set to NaN). Immutable once handed to a {@link SiteData}; follows windows and resampling.
 */
final class RecordFlags {

    static final RecordFlags NONE = new RecordFlags(Map.of(), Map.of());

    private final Map<String, BitSet> clipped;
    private final Map<String, BitSet> rejected;

    RecordFlags(Map<String, BitSet> clipped, Map<String, BitSet> rejected) {
        this.clipped = Collections.unmodifiableMap(new HashMap<>(clipped));
        this.rejected = Collections.unmodifiableMap(new HashMap<>(rejected));
    }

    int clippedCount(String variable) {
        BitSet b = clipped.get(variable);
        return b == null ? 0 : b.cardinality();
    }

    int rejectedCount(String variable) {
        BitSet b = rejected.get(variable);
        return b == null ? 0 : b.cardinality();
    }

    /**
     * Flags of a derived series whose record k is built from the old records {@code groups[k]}:
     * a new record is flagged if any of its source records was.
     */
    RecordFlags regroup(int[][] groups) {
        return new RecordFlags(regroup(clipped, groups), regroup(rejected, groups));
    }

    private static Map<String, BitSet> regroup(Map<String, BitSet> flags, int[][] groups) {
        Map<String, BitSet> out = new HashMap<>();
        for (Map.Entry<String, BitSet> e : flags.entrySet()) {
            BitSet old = e.getValue();
            BitSet b = new BitSet(groups.length);
            for (int k = 0; k < groups.length; k++) {
                for (int i : groups[k]) {
                    if (old.get(i)) {
                        b.set(k);
                        break;
                    }
                }
            }
            if (!b.isEmpty()) {
                out.put(e.getKey(), b);
            }
        }
        return out;
    }
}
