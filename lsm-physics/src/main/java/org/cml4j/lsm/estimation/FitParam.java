package org.cml4j.lsm.estimation;

import org.cml4j.lsm.model.Param;

/**
 * A coordinate an inversion can fit: the model parameters themselves, plus the paper's separate
 * transfer coefficient {@code h} [W m-2 K-1] and Bowen ratio {@code beta} [-], which enter the model
 * only as hbeta = h (1 + 1/beta) and must be fitted together.
 */
public enum FitParam {
  ALPHA(Param.ALPHA, 0.0, 1.0),
  LAMBDA(Param.LAMBDA, Param.LAMBDA.min(), Param.LAMBDA.max()),
  C(Param.C, Param.C.min(), Param.C.max()),
  HBETA(Param.HBETA, 1e-3, Param.HBETA.max()),
  TB(Param.TB, Param.TB.min(), Param.TB.max()),
  EPS(Param.EPS, Param.EPS.min(), Param.EPS.max()),
  H(null, 1e-3, 500.0),
  BETA(null, 1e-2, 100.0);

  private final Param model;
  private final double min;
  private final double max;

  FitParam(Param model, double min, double max) {
    this.model = model;
    this.min = min;
    this.max = max;
  }

  /** The model parameter this coordinate is, or null for h and beta. */
  public Param modelParam() {
    return model;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Name used in files and on the command line. */
  public String symbol() {
    return this == H ? "h" : this == BETA ? "beta" : model.symbol();
  }

  /** Unit of the coordinate. */
  public String unit() {
    return this == H ? "W m-2 K-1" : this == BETA ? "-" : model.unit();
  }

  /** Whether the coordinate is strictly positive (log transform allowed). */
  public boolean positive() {
    return this != TB;
  }

  /** Parses a symbol, failing with the list of known ones. */
  public static FitParam fromSymbol(String s) {
    for (FitParam f : values()) {
      if (f.symbol().equalsIgnoreCase(s.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown fit parameter '" + s
        + "'; known: alpha, lambda, C, hbeta, Tb, eps, h, beta");
  }
}
