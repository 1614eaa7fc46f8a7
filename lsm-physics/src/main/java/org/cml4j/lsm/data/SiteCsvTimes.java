package org.cml4j.lsm.data;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The time column and the header declarations of a site CSV file.
 *
 * <p>Declarations are {@code #} comment lines before the header of the form {@code key: value}:
 * {@code time_zone: -07:00} (or {@code UTC}, or a region such as {@code America/Phoenix}) gives the
 * zone of times written without a UTC offset; {@code missing_value: -9999} names a sentinel read as
 * missing. Times with an offset ({@code 2012-05-01T00:00:00-07:00}, {@code ...Z}) are absolute and
 * need no declaration; a space may replace the {@code T}.
 *
 * @param zone         the declared zone, or null if none was declared
 * @param missingValue the declared missing-value sentinel, or NaN
 */
record SiteCsvTimes(ZoneId zone, double missingValue) {

    /** Reads the declarations from the comment lines before the header (null = none). */
    static SiteCsvTimes fromHeaderComment(String comment, String src) {
        ZoneId zone = null;
        double missing = Double.NaN;
        if (comment != null) {
            for (String raw : comment.split("\\R")) {
                String line = raw.strip();
                int sep = line.indexOf(':');
                int eq = line.indexOf('=');
                if (sep < 0 || (eq >= 0 && eq < sep)) {
                    sep = eq;
                }
                if (sep <= 0) {
                    continue;
                }
                String key = line.substring(0, sep).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
                String value = line.substring(sep + 1).strip();
                if (List.of("time_zone", "timezone").contains(key)) {
                    try {
                        zone = ZoneId.of(value.equalsIgnoreCase("utc") ? "Z" : value);
                    } catch (DateTimeException e) {
                        throw SiteDataException.forFile(src, "time", "declared time_zone '" + value
                                + "' not understood; use an offset such as -07:00, UTC, or a region such as"
                                + " America/Phoenix");
                    }
                } else if (List.of("missing_value", "missing").contains(key)) {
                    try {
                        missing = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw SiteDataException.forFile(src, null, "declared missing_value '" + value
                                + "' is not a number");
                    }
                }
            }
        }
        return new SiteCsvTimes(zone, missing);
    }

    /** UTC epoch seconds of a time cell; errors name file, line and the accepted forms. */
    long parse(String cell, String src, long line) {
        String s = cell.strip();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11).strip();
        }
        try {
            return OffsetDateTime.parse(s).toEpochSecond();
        } catch (DateTimeParseException e) {
            // not an offset time: try a local time below
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw SiteDataException.atLine(src, line, "time", "cannot parse '" + cell + "' as an ISO-8601 time,"
                    + " e.g. 2012-05-01T00:00:00-07:00, 2012-05-01T07:00:00Z, or a local time"
                    + " 2012-05-01T00:00:00 with the zone declared by a '# time_zone: -07:00' line before the header");
        }
        if (zone == null) {
            throw SiteDataException.atLine(src, line, "time", "time '" + cell + "' has no UTC offset and the file"
                    + " declares no zone: write e.g. 2012-05-01T00:00:00-07:00, or declare the zone of local times"
                    + " with a comment line '# time_zone: -07:00' before the header");
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() != 1) {
            throw SiteDataException.atLine(src, line, "time", "local time '" + cell + "' "
                    + (offsets.isEmpty() ? "does not exist" : "is ambiguous") + " in zone " + zone
                    + " (daylight-saving change); declare a fixed offset such as '# time_zone: -07:00'");
        }
        return local.toEpochSecond(offsets.get(0));
    }

    /** The offset written in a time cell, or null if it has none. */
    static ZoneOffset offsetOf(String cell) {
        try {
            String s = cell.strip();
            if (s.length() > 10 && s.charAt(10) == ' ') {
                s = s.substring(0, 10) + 'T' + s.substring(11).strip();
            }
            return OffsetDateTime.parse(s).getOffset();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
