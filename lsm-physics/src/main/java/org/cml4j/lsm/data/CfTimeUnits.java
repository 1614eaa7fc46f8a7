package org.cml4j.lsm.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CF / udunits time units string such as {@code "seconds since 2011-12-16 18:30:00"},
 * {@code "hours since 2012-05-01T00:00:00Z"} or {@code "days since 2000-01-01 00:00:00 -07:00"}.
 * A reference time without a zone is UTC (CF default). Only the standard (Gregorian) calendar.
 */
record CfTimeUnits(long secondsPerUnit, Instant epoch) {

    private static final Pattern UNITS = Pattern.compile(
            "\\s*(\\w+)\\s+since\\s+(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?))?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?)?\\s*", Pattern.CASE_INSENSITIVE);

    /** Parses the units; the exception names file and variable and shows the offending string. */
    static CfTimeUnits parse(String units, String file, String variable) {
        Matcher m = units == null ? null : UNITS.matcher(units);
        if (m == null || !m.matches()) {
            throw SiteDataException.forFile(file, variable, "time units '" + units
                    + "' not understood; expected '<seconds|minutes|hours|days> since <yyyy-mm-dd[ hh:mm:ss][ zone]>'");
        }
        long perUnit = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86400;
            default -> throw SiteDataException.forFile(file, variable, "time unit '" + m.group(1) + "' in '"
                    + units + "' not supported; use seconds, minutes, hours or days");
        };
        try {
            String[] ymd = m.group(2).split("-");
            LocalDate date = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
            LocalTime time = m.group(3) == null ? LocalTime.MIDNIGHT : parseTime(m.group(3));
            return new CfTimeUnits(perUnit, date.atTime(time).toInstant(parseZone(m.group(4))));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw SiteDataException.forFile(file, variable, "invalid reference time in time units '" + units
                    + "': " + e.getMessage());
        }
    }

    private static LocalTime parseTime(String s) {
        String[] p = s.split(":");
        int h = Integer.parseInt(p[0]);
        int min = Integer.parseInt(p[1]);
        double sec = p.length > 2 ? Double.parseDouble(p[2]) : 0;
        long nanos = Math.round((sec - Math.floor(sec)) * 1e9);
        return LocalTime.of(h, min, (int) Math.floor(sec), (int) nanos);
    }

    private static ZoneOffset parseZone(String z) {
        if (z == null || z.equalsIgnoreCase("Z") || z.equalsIgnoreCase("UTC") || z.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        String sign = z.substring(0, 1);
        String rest = z.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (rest.length() <= 2) {
            hours = Integer.parseInt(rest);
        } else {
            hours = Integer.parseInt(rest.substring(0, rest.length() - 2));
            minutes = Integer.parseInt(rest.substring(rest.length() - 2));
        }
        int total = (hours * 3600 + minutes * 60) * (sign.equals("-") ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(total);
    }

    /** UTC epoch seconds of a time value; the value times the unit must be a whole number of seconds. */
    long toEpochSeconds(double value) {
        double seconds = value * secondsPerUnit;
        long whole = Math.round(seconds);
        if (Double.isNaN(seconds) || Math.abs(seconds - whole) > 1e-3) {
            throw new IllegalArgumentException("time value " + value + " is not a whole number of seconds");
        }
        return epoch.getEpochSecond() + whole;
    }

    /**
     * UTC epoch seconds of a time variable's values: at least 2 records, strictly increasing and, if
     * {@code regular}, every step equal to the first. Errors name the file, the record (and its time)
     * and the variable; the records are checked in order, so the first bad one is named.
     */
    long[] toEpochSeconds(double[] raw, String file, String variable, boolean regular) {
        if (raw.length < 2) {
            throw SiteDataException.forFile(file, variable, "need at least 2 records, found " + raw.length);
        }
        long[] t = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            try {
                t[i] = toEpochSeconds(raw[i]);
            } catch (IllegalArgumentException e) {
                throw SiteDataException.atRecord(file, i, null, variable, e.getMessage());
            }
            if (i > 0 && t[i] <= t[i - 1]) {
                throw SiteDataException.atRecord(file, i, Instant.ofEpochSecond(t[i]), variable,
                        (t[i] == t[i - 1] ? "duplicated time" : "time goes backwards")
                                + ", previous record is " + Instant.ofEpochSecond(t[i - 1]));
            }
            if (regular && i > 1 && t[i] - t[i - 1] != t[1] - t[0]) {
                throw SiteDataException.atRecord(file, i, Instant.ofEpochSecond(t[i]), variable,
                        "irregular time step: " + (t[i] - t[i - 1]) + " s after the previous record, expected "
                                + (t[1] - t[0]) + " s");
            }
        }
        return t;
    }
}
