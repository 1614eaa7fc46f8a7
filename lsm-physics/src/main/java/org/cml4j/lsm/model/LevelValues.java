package org.cml4j.lsm.model;

/**
 * Parameter and forcing values at one time level, gathered once per step so the inner loops read
 * plain fields. Mutable scratch object; not shared between threads.
 */
public final class LevelValues {
  public double alpha;
  public double lambda;
  public double c;
  public double hbeta;
  public double tb;
  public double eps;
  public double kdown;
  public double ldown;
  public double ta;

  /** Loads the values of time level {@code k}. */
  public LevelValues load(ColumnParameters p, SurfaceForcing f, int k) {
    alpha = p.value(Param.ALPHA, k);
    lambda = p.value(Param.LAMBDA, k);
    c = p.value(Param.C, k);
    hbeta = p.value(Param.HBETA, k);
    tb = p.value(Param.TB, k);
    eps = p.value(Param.EPS, k);
    kdown = f.kdown()[k];
    ldown = f.ldown()[k];
    ta = f.ta()[k];
    return this;
  }
}
