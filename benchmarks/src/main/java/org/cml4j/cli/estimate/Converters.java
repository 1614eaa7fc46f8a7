package org.cml4j.cli.estimate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cml4j.lsm.data.IsoTimes;
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

  /** An ISO time, as {@link IsoTimes#parse}. */
  public static final class Time implements CommandLine.ITypeConverter<OffsetDateTime> {
    @Override
    public OffsetDateTime convert(String value) {
      try {
        return IsoTimes.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
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
