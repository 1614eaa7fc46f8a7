package org.cml4j.cli.estimate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.model.Output;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** picocli converters with one-line messages. */
public final class Converters {
  private Converters() {}

  /** Fit parameter symbols (alpha, lambda, C, hbeta, Tb, eps, h, beta). */
  public static final class Fit implements CommandLine.ITypeConverter<FitParam> {
    @Override
    public FitParam convert(String value) {
      try {
        return FitParam.fromSymbol(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** ALMA-style output names (SoilTemp_0.05, SurfTemp, Qg, LWup, QhQle, Rnet). */
  public static final class Out implements CommandLine.ITypeConverter<Output> {
    @Override
    public Output convert(String value) {
      try {
        return Output.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** adam or lm. */
  public static final class Solver implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (!v.equals("adam") && !v.equals("lm")) {
        throw new TypeConversionException("unknown solver '" + value + "'; allowed: adam, lm");
      }
      return v;
    }
  }

  /**
   * An ISO time: 2012-05-01, 2012-05-01T06:30, "2012-05-01 06:30" (all read as UTC), or with an
   * offset as the site files write it: 2012-07-01T00:00-07:00, 2012-07-01T07:00Z. The offset kept
   * in the result says which zone the user meant (reported).
   */
  public static final class Time implements CommandLine.ITypeConverter<OffsetDateTime> {
    @Override
    public OffsetDateTime convert(String value) {
      String v = value.trim().replace(' ', 'T');
      try {
        if (!v.contains("T")) {
          return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        String clock = v.substring(v.indexOf('T'));
        boolean offset = clock.endsWith("Z") || clock.contains("+") || clock.contains("-");
        return offset ? OffsetDateTime.parse(v)
            : LocalDateTime.parse(v).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a time; use 2012-05-01, "
            + "2012-05-01T06:30 (UTC) or 2012-05-01T06:30-07:00 (with an offset)");
      }
    }
  }

  /** How a window's times were read, for reports: "UTC" or "UTC-07:00 (given as ...)". */
  public static String zoneNote(OffsetDateTime start, OffsetDateTime end) {
    StringBuilder sb = new StringBuilder();
    for (OffsetDateTime t : new OffsetDateTime[] {start, end}) {
      if (t == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t == start ? "--start " : "--end ").append(t).append(t.getOffset()
          .equals(ZoneOffset.UTC) ? " (UTC" + ")" : " (offset " + t.getOffset() + ", = "
          + t.toInstant() + ")");
    }
    return sb.length() == 0 ? "" : "Window times as given: " + sb + "; times in this report are "
        + "UTC.";
  }
}
