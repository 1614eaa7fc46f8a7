package org.cml4j.lsm.estimation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.lsm.gradient.AdjointGradient;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.Param;

/**
 * Maps a vector of fitted coordinates (in physical units, in the order of {@link #free()}) onto full
 * model parameters, with the chain rule for gradients and Jacobians. Parameters not fitted keep
 * their values from {@code base}. h and beta, when fitted, set hbeta = h (1 + 1/beta).
 */
public final class ParameterSpace {
  private final List<FitParam> free;
  private final ColumnParameters base;
  private final int iH;
  private final int iBeta;
  private final List<ParameterInfo> bounds = new ArrayList<>();

  public ParameterSpace(List<FitParam> free, ColumnParameters base) {
    if (free.isEmpty()) {
      throw new IllegalArgumentException("nothing to fit: give at least one parameter");
    }
    if (EnumSet.copyOf(free).size() != free.size()) {
      throw new IllegalArgumentException("fit parameters repeated: " + free);
    }
    if (free.contains(FitParam.HBETA) && (free.contains(FitParam.H) || free.contains(FitParam.BETA))) {
      throw new IllegalArgumentException("fit either hbeta or h and beta, not both: " + free);
    }
    this.free = List.copyOf(free);
    for (FitParam f : free) {
      bounds.add(f.info());
    }
    this.base = base;
    this.iH = free.indexOf(FitParam.H);
    this.iBeta = free.indexOf(FitParam.BETA);
    if ((iH >= 0) != (iBeta >= 0)) {
      throw new IllegalArgumentException("h and beta enter the model only as hbeta = h(1+1/beta):"
          + " fit both or fit hbeta");
    }
  }

  public List<FitParam> free() {
    return free;
  }

  public int dimension() {
    return free.size();
  }

  public ColumnParameters base() {
    return base;
  }

  /**
   * Model parameters for the coordinates {@code theta}, each first put strictly inside its range
   * ({@link #clamp}), so no optimiser path (step, line search, start) can hand the model a value on
   * or beyond a bound; values are validated by the model.
   *
   * @throws IllegalStateException if a coordinate is NaN (the optimiser diverged)
   */
  public ColumnParameters toModel(double[] theta) {
    double[] t = clamp(theta);
    ColumnParameters p = base;
    for (int i = 0; i < free.size(); i++) {
      FitParam f = free.get(i);
      if (f.modelParam() != null) {
        p = p.with(f.modelParam(), t[i]);
      }
    }
    if (iH >= 0) {
      p = p.with(Param.HBETA, inside(Param.HBETA.min(), Param.HBETA.max(),
          t[iH] * (1 + 1 / t[iBeta])));
    }
    return p;
  }

  /**
   * Clamps each coordinate strictly inside its physical range ({@link ParameterInfo#clampInside}:
   * a margin of 1e-9 of the range from each bound): the model rejects some values on a bound
   * (an initial temperature must lie in the open interval (150, 400) K), and a value put through
   * {@code log}/{@code exp} can land an ulp beyond it. Used by every optimiser that steps freely.
   *
   * @throws IllegalStateException naming the coordinate if one is NaN (the optimiser diverged:
   *     non-finite loss or gradient); a multi-start records that start as failed
   */
  public double[] clamp(double[] theta) {
    double[] t = theta.clone();
    for (int i = 0; i < t.length; i++) {
      FitParam f = free.get(i);
      if (Double.isNaN(t[i])) {
        throw new IllegalStateException("parameter " + f.symbol() + " became NaN: the optimiser "
            + "diverged (non-finite loss or gradient); allowed range [" + f.min() + ", " + f.max()
            + "] " + f.unit());
      }
      t[i] = bounds.get(i).clampInside(t[i]);
    }
    return t;
  }

  private static double inside(double lo, double hi, double v) {
    return new ParameterInfo("", "", lo, hi, lo, false, "").clampInside(v);
  }

  /** The model parameters whose derivatives are needed (tangent directions). */
  public List<Param> modelDirections() {
    List<Param> d = new ArrayList<>();
    for (FitParam f : free) {
      if (f.modelParam() != null) {
        d.add(f.modelParam());
      }
    }
    if (iH >= 0) {
      d.add(Param.HBETA);
    }
    return d;
  }

  /**
   * For each direction of {@link #modelDirections()} the coordinate it equals, i.e. the column of
   * the single 1 in its row of {@link #chain}; null when h and beta are fitted separately (the
   * chain then depends on theta).
   */
  int[] directionCoordinates() {
    if (iH >= 0) {
      return null;
    }
    int[] sel = new int[modelDirections().size()];
    int j = 0;
    for (int i = 0; i < free.size(); i++) {
      if (free.get(i).modelParam() != null) {
        sel[j++] = i;
      }
    }
    return sel;
  }

  /** d model-param / d theta_i for the direction list of {@link #modelDirections()}. */
  double[][] chain(double[] theta) {
    List<Param> dirs = modelDirections();
    double[][] c = new double[dirs.size()][free.size()];
    int j = 0;
    for (int i = 0; i < free.size(); i++) {
      if (free.get(i).modelParam() != null) {
        c[j++][i] = 1;
      }
    }
    if (iH >= 0) {
      double h = theta[iH];
      double beta = theta[iBeta];
      c[j][iH] = 1 + 1 / beta;
      c[j][iBeta] = -h / (beta * beta);
    }
    return c;
  }

  /** Gradient with respect to the coordinates from an adjoint gradient (constant parameters). */
  public double[] gradient(double[] theta, AdjointGradient g) {
    double[] byParam = new double[Param.COUNT];
    for (Param p : modelDirections()) {
      byParam[p.ordinal()] = g.constant(p);
    }
    return gradient(theta, byParam);
  }

  /**
   * Gradient with respect to the coordinates from the gradient with respect to the constant model
   * parameters, indexed by {@link Param#ordinal()}.
   */
  public double[] gradient(double[] theta, double[] byParam) {
    List<Param> dirs = modelDirections();
    double[][] c = chain(theta);
    double[] out = new double[free.size()];
    for (int j = 0; j < dirs.size(); j++) {
      double gj = byParam[dirs.get(j).ordinal()];
      for (int i = 0; i < out.length; i++) {
        out[i] += gj * c[j][i];
      }
    }
    return out;
  }

  /** Coordinates of given model parameters (h and beta from {@code h} if fitted). */
  public double[] fromModel(ColumnParameters p, double hIfSplit) {
    double[] t = new double[free.size()];
    for (int i = 0; i < t.length; i++) {
      FitParam f = free.get(i);
      if (f.modelParam() != null) {
        t[i] = p.constant(f.modelParam());
      }
    }
    if (iH >= 0) {
      double hb = p.constant(Param.HBETA);
      t[iH] = hIfSplit;
      t[iBeta] = 1 / (hb / hIfSplit - 1);
    }
    return t;
  }

  /** Named values, in fit order, plus the derived hbeta when h and beta are fitted. */
  public Map<String, Double> named(double[] theta) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < free.size(); i++) {
      m.put(free.get(i).symbol(), theta[i]);
    }
    if (iH >= 0) {
      m.put("hbeta", theta[iH] * (1 + 1 / theta[iBeta]));
    }
    return m;
  }

  @Override
  public String toString() {
    return "ParameterSpace" + free;
  }
}
