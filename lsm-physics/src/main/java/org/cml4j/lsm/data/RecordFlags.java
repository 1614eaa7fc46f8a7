package org.cml4j.lsm.data;

import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-variable, per-record marks set by validation: values clipped into range and flux outliers
 * rejected (set to NaN); and records absent from the file (missing time steps a reader inserted as
 * missing values). Immutable once handed to a {@link SiteData}; follows windows and resampling.
 */
final class RecordFlags {

    static final RecordFlags NONE = new RecordFlags(Map.of(), Map.of());

    private final Map<String, BitSet> clipped;
    private final Map<String, BitSet> rejected;
    private final BitSet absent;

    RecordFlags(Map<String, BitSet> clipped, Map<String, BitSet> rejected) {
        this(clipped, rejected, new BitSet());
    }

    RecordFlags(Map<String, BitSet> clipped, Map<String, BitSet> rejected, BitSet absent) {
        this.clipped = Collections.unmodifiableMap(new HashMap<>(clipped));
        this.rejected = Collections.unmodifiableMap(new HashMap<>(rejected));
        this.absent = (BitSet) absent.clone();
    }

    /** The same clip/reject marks with the given records marked absent from the file. */
    RecordFlags withAbsent(BitSet absentRecords) {
        return new RecordFlags(clipped, rejected, absentRecords);
    }

    int clippedCount(String variable) {
        BitSet b = clipped.get(variable);
        return b == null ? 0 : b.cardinality();
    }

    /** Index of the first clipped record of the variable, or -1. */
    int firstClipped(String variable) {
        BitSet b = clipped.get(variable);
        return b == null ? -1 : b.nextSetBit(0);
    }

    int rejectedCount(String variable) {
        BitSet b = rejected.get(variable);
        return b == null ? 0 : b.cardinality();
    }

    /** Copy of the records that were absent from the file (inserted as missing). */
    BitSet absent() {
        return (BitSet) absent.clone();
    }

    /**
     * Flags of a derived series whose record k is built from the old records {@code groups[k]}:
     * a new record is flagged if any of its source records was.
     */
    RecordFlags regroup(int[][] groups) {
        return new RecordFlags(regroup(clipped, groups), regroup(rejected, groups),
                regroup(absent, groups));
    }

    private static Map<String, BitSet> regroup(Map<String, BitSet> flags, int[][] groups) {
        Map<String, BitSet> out = new HashMap<>();
        for (Map.Entry<String, BitSet> e : flags.entrySet()) {
            BitSet b = regroup(e.getValue(), groups);
            if (!b.isEmpty()) {
                out.put(e.getKey(), b);
            }
        }
        return out;
    }

    private static BitSet regroup(BitSet old, int[][] groups) {
        BitSet b = new BitSet(groups.length);
        if (old.isEmpty()) {
            return b;
        }
        for (int k = 0; k < groups.length; k++) {
            for (int i : groups[k]) {
                if (old.get(i)) {
                    b.set(k);
                    break;
                }
            }
        }
        return b;
    }
}
