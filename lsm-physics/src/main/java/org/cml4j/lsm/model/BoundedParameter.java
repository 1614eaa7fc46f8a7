package org.cml4j.lsm.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.cml4j.core.spi.ParameterInfo;

/**
 * A parameter described by a {@link ParameterInfo}: the model's parameters ({@link Param}) and the
 * coordinates an inversion fits ({@code FitParam}) take their symbol and bounds from it, so a range
 * is written once, in the enum constant.
 */
public interface BoundedParameter {
  /** Name, unit, bounds, nominal value and estimation coordinates (log or linear). */
  ParameterInfo info();

  /** Short name used in files and on the command line (e.g. {@code lambda}). */
  default String symbol() {
    return info().name();
  }

  /** Smallest allowed value. */
  default double min() {
    return info().lower();
  }

  /** Largest allowed value. */
  default double max() {
    return info().upper();
  }

  /**
   * The one of {@code values} whose symbol is {@code symbol} (trimmed, case-insensitive).
   *
   * @param what e.g. "parameter", used in the error
   * @throws IllegalArgumentException naming {@code what}, the symbol and the known ones
   */
  static <P extends BoundedParameter> P bySymbol(P[] values, String symbol, String what) {
    for (P p : values) {
      if (p.symbol().equalsIgnoreCase(symbol.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + symbol + "'; known: "
        + Arrays.stream(values).map(BoundedParameter::symbol).collect(Collectors.joining(", ")));
  }
}
