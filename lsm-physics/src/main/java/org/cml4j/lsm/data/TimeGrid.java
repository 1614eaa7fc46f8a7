package org.cml4j.lsm.data;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The regular time axis behind the records a reader found: the step is the most common spacing (the
 * smallest on a tie), every spacing must be a multiple of it, and time steps with no record are
 * "absent" (read as missing values and reported by {@link DataQualityReport#timeGaps()}). Shared by the
 * site CSV and ALMA netCDF readers.
 */
final class TimeGrid {

    /** Largest number of records (present plus absent) a read may produce. */
    static final int MAX_RECORDS = 20_000_000;

    /** Builds the error for record {@code i} whose spacing {@code dt} is not a multiple of {@code step}. */
    @FunctionalInterface
    interface IrregularError {
        SiteDataException at(int record, long dt, long step);
    }

    final long[] times;
    final long step;
    /** Grid index of each record read. */
    final int[] index;
    final BitSet absent;

    private TimeGrid(long[] times, long step, int[] index, BitSet absent) {
        this.times = times;
        this.step = step;
        this.index = index;
        this.absent = absent;
    }

    /**
     * @param t      strictly increasing UTC seconds of the records read (at least 2)
     * @param before time of the last record before the window, or Long.MIN_VALUE if none
     * @param after  time of the first record after the window, or Long.MAX_VALUE if none
     * @param lo     window start (inclusive); absent steps from here to the first record are added
     *               only if the source has a record before the window
     * @param hi     window end (exclusive); likewise for the end
     */
    static TimeGrid of(long[] t, long before, long after, long lo, long hi, String src, IrregularError err) {
        long step = modalStep(t);
        for (int i = 1; i < t.length; i++) {
            long dt = t[i] - t[i - 1];
            if (dt % step != 0) {
                throw err.at(i, dt, step);
            }
        }
        long t0 = t[0];
        if (before != Long.MIN_VALUE) {
            t0 -= Math.max(0, Math.min((t0 - lo) / step, (t0 - before - 1) / step)) * step;
        }
        long tn = t[t.length - 1];
        if (after != Long.MAX_VALUE) {
            tn += Math.max(0, Math.min((hi - 1 - tn) / step, (after - 1 - tn) / step)) * step;
        }
        long count = (tn - t0) / step + 1;
        if (count > MAX_RECORDS) {
            throw SiteDataException.forFile(src, "time", "the records span " + count + " steps of " + step
                    + " s (more than " + MAX_RECORDS + "); request a shorter window");
        }
        int n = (int) count;
        long[] grid = new long[n];
        for (int k = 0; k < n; k++) {
            grid[k] = t0 + k * step;
        }
        BitSet absent = new BitSet(n);
        absent.set(0, n);
        int[] index = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            index[i] = (int) ((t[i] - t0) / step);
            absent.clear(index[i]);
        }
        return new TimeGrid(grid, step, index, absent);
    }

    /** True if every grid step has a record. */
    boolean complete() {
        return absent.isEmpty();
    }

    /** The values of the records laid on the grid; absent steps are NaN. */
    double[] spread(double[] x) {
        if (complete()) {
            return x;
        }
        double[] y = new double[times.length];
        Arrays.fill(y, Double.NaN);
        for (int i = 0; i < index.length; i++) {
            y[index[i]] = x[i];
        }
        return y;
    }

    /** The most common spacing of consecutive times (the smallest one on a tie). */
    private static long modalStep(long[] t) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 1; i < t.length; i++) {
            counts.merge(t[i] - t[i - 1], 1, Integer::sum);
        }
        long best = -1;
        int bestCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
