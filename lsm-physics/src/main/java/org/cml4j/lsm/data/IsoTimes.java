package org.cml4j.lsm.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times as users write them on the command line and in experiment files: {@code 2012-05-01},
 * {@code 2012-05-01T06:30}, {@code "2012-05-01 06:30"} (all read as UTC), or with an offset as
 * the site files write it: {@code 2012-07-01T00:00-07:00}, {@code 2012-07-01T07:00Z}. The offset
 * kept in the result says which zone the user meant (for reports). The one home of this parsing
 * ({@code estimate --start/--end}, {@code bench --window/--split}, {@code convert --start/--end}).
 */
public final class IsoTimes {
  private IsoTimes() {}

  /**
   * Parses one time.
   *
   * @throws IllegalArgumentException with a one-line message quoting {@code value} and the
   *     accepted forms
   */
  public static OffsetDateTime parse(String value) {
    String v = value == null ? "" : value.trim().replace(' ', 'T');
    try {
      if (!v.contains("T")) {
        return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      String clock = v.substring(v.indexOf('T'));
      boolean offset = clock.endsWith("Z") || clock.contains("+") || clock.contains("-");
      return offset ? OffsetDateTime.parse(v) : LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not a time; use 2012-05-01, "
          + "2012-05-01T06:30 (UTC) or 2012-05-01T06:30-07:00 (with an offset)");
    }
  }
}
