package org.cml4j.lsm.estimation;

import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.lsm.model.BoundedParameter;
import org.cml4j.lsm.model.Param;

/**
 * A coordinate an inversion can fit: the model parameters themselves, plus the paper's separate
 * transfer coefficient {@code h} [W m-2 K-1] and Bowen ratio {@code beta} [-], which enter the model
 * only as hbeta = h (1 + 1/beta) and must be fitted together.
 */
public enum FitParam implements BoundedParameter {
  ALPHA(Param.ALPHA),
  LAMBDA(Param.LAMBDA),
  C(Param.C),
  /** hbeta from 1e-3 (the model allows 0, where its log coordinate is undefined). */
  HBETA(Param.HBETA, 1e-3),
  TB(Param.TB),
  EPS(Param.EPS),
  H(null, new ParameterInfo("h", "W m-2 K-1", 1e-3, 500.0, 1e-3, true, "transfer coefficient")),
  BETA(null, new ParameterInfo("beta", "-", 1e-2, 100.0, 1e-2, true, "Bowen ratio"));

  private final Param model;
  private final ParameterInfo info;

  FitParam(Param model) {
    this(model, model.min());
  }

  /** A model parameter fitted from {@code min} to its largest value; all but Tb in log space. */
  FitParam(Param model, double min) {
    this(model, new ParameterInfo(model.symbol(), model.unit(), min, model.max(), min,
        model != Param.TB, "fitted " + model.symbol()));
  }

  FitParam(Param model, ParameterInfo info) {
    this.model = model;
    this.info = info;
  }

  /** The model parameter this coordinate is, or null for h and beta. */
  public Param modelParam() {
    return model;
  }

  /**
   * Name, unit, fitting range (nominal = lower bound) and coordinates of this fit coordinate:
   * positive ones (all but Tb) are moved in log space.
   */
  @Override
  public ParameterInfo info() {
    return info;
  }

  /** Unit of the coordinate. */
  public String unit() {
    return info.unit();
  }

  /** Whether the coordinate is strictly positive (log transform allowed). */
  public boolean positive() {
    return info.positive();
  }

  /** Parses a symbol, failing with the list of known ones. */
  public static FitParam fromSymbol(String s) {
    return BoundedParameter.bySymbol(values(), s, "fit parameter");
  }
}
