package org.cml4j.lsm.model;

import java.util.Locale;
import org.cml4j.core.spi.ParameterInfo;

/**
 * The physical parameters of the soil-column / surface-energy-balance model of Huang, Heaney &amp;
 * van Reeuwijk (2025). Each parameter may be constant or time-dependent (one value per time level).
 *
 * <p>{@link #HBETA} is the bulk turbulent exchange coefficient {@code h(1+1/beta)} [W m-2 K-1]:
 * the model only ever sees this combination, so {@code h} and the Bowen ratio {@code beta} are
 * accepted by the builders and converted (see {@link ColumnParameters.Builder#hBeta(double, double)}).
 */
public enum Param implements BoundedParameter {
  /** Surface shortwave albedo [-], allowed [0, 1]. */
  ALPHA("alpha", "-", 0.0, 1.0, 0.2, false),
  /** Soil thermal conductivity [W m-1 K-1]. */
  LAMBDA("lambda", "W m-1 K-1", 1e-3, 10.0, 0.8, true),
  /** Volumetric soil heat capacity [J m-3 K-1]. */
  C("C", "J m-3 K-1", 1e4, 1e8, 2.2e6, true),
  /** Turbulent exchange coefficient h(1+1/beta) for QH+QE [W m-2 K-1]. */
  HBETA("hbeta", "W m-2 K-1", 0.0, 1e3, 20.0, true),
  /** Bottom (Dirichlet) temperature, also the uniform initial temperature by default [K]. */
  TB("Tb", "K", 150.0, 400.0, 293.0, false),
  /** Surface longwave emissivity [-]. */
  EPS("eps", "-", 0.5, 1.0, 0.95, false);

  /** Number of parameters. */
  public static final int COUNT = values().length;

  private final String unit;
  private final ParameterInfo info;

  Param(String symbol, String unit, double min, double max, double nominal, boolean positive) {
    this.unit = unit;
    this.info = new ParameterInfo(symbol, unit.equals("-") ? "1" : unit, min, max, nominal,
        positive, name().toLowerCase(Locale.ROOT));
  }

  /**
   * The parameter as the coupling SPI describes it: symbol, unit ("1" when dimensionless), bounds,
   * nominal value, and whether estimators move it in log space (lambda, C, hbeta).
   */
  @Override
  public ParameterInfo info() {
    return info;
  }

  /** SI unit, "-" when dimensionless. */
  public String unit() {
    return unit;
  }

  /** Parses a symbol (case-insensitive); fails with the list of known symbols. */
  public static Param fromSymbol(String s) {
    return BoundedParameter.bySymbol(values(), s, "parameter");
  }
}
