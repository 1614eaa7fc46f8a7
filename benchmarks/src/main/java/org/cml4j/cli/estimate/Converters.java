package org.cml4j.cli.estimate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.cml4j.lsm.data.IsoTimes;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.model.Output;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** picocli converters with one-line messages. */
public final class Converters {
  private Converters() {}

  /**
   * A converter from a parse function that throws {@link IllegalArgumentException} with a
   * one-line message: picocli reports that message (exit code 2).
   *
   * @param <T> the converted type
   */
  public abstract static class Parsed<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    protected Parsed(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Fit parameter symbols (alpha, lambda, C, hbeta, Tb, eps, h, beta). */
  public static final class Fit extends Parsed<FitParam> {
    public Fit() {
      super(FitParam::fromSymbol);
    }
  }

  /** ALMA-style output names (SoilTemp_0.05, SurfTemp, Qg, LWup, QhQle, Rnet). */
  public static final class Out extends Parsed<Output> {
    public Out() {
      super(Output::parse);
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
  public static final class Time extends Parsed<OffsetDateTime> {
    public Time() {
      super(IsoTimes::parse);
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
