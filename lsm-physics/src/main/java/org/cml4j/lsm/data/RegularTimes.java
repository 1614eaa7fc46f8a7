package org.cml4j.lsm.data;

import java.time.Instant;
import java.util.Arrays;

/**
 * The time axis of a {@link SiteData}: UTC epoch seconds, strictly increasing by a constant step.
 * Checks an axis (errors name the source, the record and its time) and finds records by time.
 */
final class RegularTimes {
    private RegularTimes() {}

    /** Throws unless {@code times} is non-empty and increases by exactly {@code stepSeconds} &gt; 0. */
    static void check(String source, long[] times, long stepSeconds) {
        if (times.length == 0) {
            throw SiteDataException.forFile(source, null, "no records");
        }
        if (stepSeconds <= 0) {
            throw SiteDataException.forFile(source, null, "time step must be > 0 s, got " + stepSeconds);
        }
        for (int i = 1; i < times.length; i++) {
            long dt = times[i] - times[i - 1];
            if (dt != stepSeconds) {
                String what = dt <= 0 ? "time is not strictly increasing" : "irregular time step";
                throw SiteDataException.atRecord(source, i, Instant.ofEpochSecond(times[i]), "time",
                        what + ": " + dt + " s after the previous record, expected " + stepSeconds + " s");
            }
        }
    }

    /** Index of the record at exactly time {@code t}, or -1 if there is none. */
    static int indexOf(long[] times, long stepSeconds, Instant t) {
        long s = t.getEpochSecond();
        if (t.getNano() != 0 || s < times[0] || (s - times[0]) % stepSeconds != 0) {
            return -1;
        }
        long i = (s - times[0]) / stepSeconds;
        return i < times.length ? (int) i : -1;
    }

    /** Index of the first record at or after {@code t} ({@code times.length} if none). */
    static int firstAtOrAfter(long[] times, Instant t) {
        long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        int i = Arrays.binarySearch(times, s);
        return i >= 0 ? i : -i - 1;
    }
}
