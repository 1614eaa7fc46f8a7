package org.cml4j.cli.estimate;

import java.time.LocalDate;
import java.time.LocalDateTime;
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

  /** 2012-05-01, 2012-05-01T06:30 or "2012-05-01 06:30". */
  public static final class Time implements CommandLine.ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
      String v = value.trim().replace(' ', 'T');
      try {
        return v.contains("T") ? LocalDateTime.parse(v) : LocalDate.parse(v).atStartOfDay();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a time; use 2012-05-01 or "
            + "2012-05-01T06:30");
      }
    }
  }
}
