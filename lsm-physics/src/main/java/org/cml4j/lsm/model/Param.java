package org.cml4j.lsm.model;

/**
 * The physical parameters of the soil-column / surface-energy-balance model of Huang, Heaney &amp;
 * van Reeuwijk (2025). Each parameter may be constant or time-dependent (one value per time level).
 *
 * <p>{@link #HBETA} is the bulk turbulent exchange coefficient {@code h(1+1/beta)} [W m-2 K-1]:
 * the model only ever sees this combination, so {@code h} and the Bowen ratio {@code beta} are
 * accepted by the builders and converted (see {@link ColumnParameters.Builder#hBeta(double, double)}).
 */
public enum Param {
  /** Surface shortwave albedo [-], allowed [0, 1]. */
  ALPHA("alpha", "-", 0.0, 1.0),
  /** Soil thermal conductivity [W m-1 K-1]. */
  LAMBDA("lambda", "W m-1 K-1", 1e-3, 10.0),
  /** Volumetric soil heat capacity [J m-3 K-1]. */
  C("C", "J m-3 K-1", 1e4, 1e8),
  /** Turbulent exchange coefficient h(1+1/beta) for QH+QE [W m-2 K-1]. */
  HBETA("hbeta", "W m-2 K-1", 0.0, 1e3),
  /** Bottom (Dirichlet) temperature, also the uniform initial temperature by default [K]. */
  TB("Tb", "K", 150.0, 400.0),
  /** Surface longwave emissivity [-]. */
  EPS("eps", "-", 0.5, 1.0);

  /** Number of parameters. */
  public static final int COUNT = values().length;

  private final String symbol;
  private final String unit;
  private final double min;
  private final double max;

  Param(String symbol, String unit, double min, double max) {
    this.symbol = symbol;
    this.unit = unit;
    this.min = min;
    this.max = max;
  }

  /** Short name used in files and on the command line (e.g. {@code lambda}). */
  public String symbol() {
    return symbol;
  }

  /** SI unit. */
  public String unit() {
    return unit;
  }

  /** Smallest physically allowed value. */
  public double min() {
    return min;
  }

  /** Largest physically allowed value. */
  public double max() {
    return max;
  }

  /** Parses a symbol (case-insensitive); fails with the list of known symbols. */
  public static Param fromSymbol(String s) {
    for (Param p : values()) {
      if (p.symbol.equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown parameter '" + s + "'; known: alpha, lambda, C, hbeta, Tb, eps");
  }
}
