package org.cml4j.fuse.twin;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.Trajectory;

/**
 * A seeded synthetic twin whose truth differs structurally from the constant-parameter model that
 * couplings fit: the truth is the Huang et al. (2025) soil column (101 nodes, 1 m, hourly) forced
 * by {@link SyntheticWeather}, but with a turbulent exchange coefficient that varies with wind and
 * sunshine, {@code hbeta(t) = 5 + 4 Wind (1 + 0.5 SWdown / 800)} [W m-2 K-1] (stability and
 * wind dependence, as in bulk transfer formulae), and with the turbulent flux split into Qh and Qle
 * by a Bowen ratio that rises as the surface dries, {@code beta(t) = 0.3 + 0.12 day +
 * 0.4 SWdown / 800}. A constant-hbeta model cannot match it, a learner can. Constant truth
 * parameters: alpha 0.23, lambda 1.1 W m-1 K-1, C 2.4e6 J m-3 K-1, Tb 292.5 K, eps 0.95; three days
 * of spin-up from a uniform Tb profile precede the first record.
 *
 * <p>Observed (with seeded Gaussian noise, 0.1 K and 5 W m-2 by default): SurfTemp,
 * SoilTemp_0.02/0.04/0.08/0.16, Qg, Rnet (the model's: {@code Rnet = Qg + Qh + Qle} exactly in
 * the truth), Qh, Qle and QhQle = Qh + Qle.
 */
public final class StructuralTwin {
  /** Observed depths [m]. */
  public static final double[] DEPTHS = {0.02, 0.04, 0.08, 0.16};
  /** Every observed variable, in frame order. */
  public static final List<String> OBSERVED = List.of(Variables.SURF_TEMP, "SoilTemp_0.02",
      "SoilTemp_0.04", "SoilTemp_0.08", "SoilTemp_0.16", Variables.QG, Variables.RNET,
      Variables.QH, Variables.QLE, Variables.QHQLE);
  private static final int SPIN_UP_HOURS = 72;

  private final Frame forcing;
  private final Frame truth;
  private final double[] hbeta;

  private StructuralTwin(Frame forcing, Frame truth, double[] hbeta) {
    this.forcing = forcing;
    this.truth = truth;
    this.hbeta = hbeta;
  }

  /** Generates the twin over {@code days} days from {@code seed}. */
  public static StructuralTwin generate(int days, long seed) {
    if (days < 2) {
      throw new IllegalArgumentException("a twin needs at least 2 days, got " + days);
    }
    int n = days * 24;
    Frame all = SyntheticWeather.hourly(n + SPIN_UP_HOURS, seed);
    double[] sw = all.values(Variables.SWDOWN);
    double[] wind = all.values("Wind");
    double[] hb = new double[sw.length];
    double[] beta = new double[sw.length];
    for (int i = 0; i < hb.length; i++) {
      double sun = sw[i] / 800;
      hb[i] = 5 + 4 * wind[i] * (1 + 0.5 * sun);
      int day = Math.max(0, (i - SPIN_UP_HOURS) / 24);
      beta[i] = 0.3 + 0.12 * day + 0.4 * sun;
    }
    ColumnParameters p = ColumnParameters.builder().alpha(0.23).lambda(1.1).heatCapacity(2.4e6)
        .hbeta(20).tb(292.5).eps(0.95).build().withSeries(org.cml4j.lsm.model.Param.HBETA, hb);
    SoilColumnModel model = LsmMechanism.huang2025().columnModel();
    Trajectory tr = model.simulate(p, LsmMechanism.surfaceForcing(all), InitialState.uniformTb());
    Frame f = all.slice(SPIN_UP_HOURS, all.size());
    Frame t = f.select(List.of());
    for (String v : OBSERVED) {
      if (v.equals(Variables.QH) || v.equals(Variables.QLE)) {
        continue;
      }
      double[] s = tr.output(Output.parse(v));
      t = t.with(v, java.util.Arrays.copyOfRange(s, SPIN_UP_HOURS, s.length));
    }
    double[] turb = t.values(Variables.QHQLE);
    double[] qh = new double[n];
    double[] qle = new double[n];
    for (int i = 0; i < n; i++) {
      double b = beta[i + SPIN_UP_HOURS];
      qh[i] = turb[i] * b / (1 + b);
      qle[i] = turb[i] - qh[i];
    }
    t = t.with(Variables.QH, qh).with(Variables.QLE, qle).select(OBSERVED);
    return new StructuralTwin(f, t, java.util.Arrays.copyOfRange(hb, SPIN_UP_HOURS, hb.length));
  }

  /** Forcing: SWdown, LWdown, Tair, Wind. */
  public Frame forcing() {
    return forcing;
  }

  /** Noise-free truth of every observed variable. */
  public Frame truth() {
    return truth;
  }

  /** The true time-varying hbeta [W m-2 K-1]. */
  public double[] hbeta() {
    return hbeta.clone();
  }

  /**
   * Observations with seeded Gaussian noise: {@code sdK} on temperatures, {@code sdFlux} on
   * fluxes; QhQle is the sum of the noisy Qh and Qle.
   */
  public Frame observations(double sdK, double sdFlux, long seed) {
    if (!(sdK >= 0) || !(sdFlux >= 0)) {
      throw new IllegalArgumentException("noise standard deviations must be >= 0, got " + sdK
          + " K and " + sdFlux + " W m-2");
    }
    Random rnd = new Random(seed);
    Frame o = truth.select(List.of());
    for (String v : OBSERVED) {
      if (v.equals(Variables.QHQLE)) {
        continue;
      }
      double sd = truth.spec(v).unit().equals("K") ? sdK : sdFlux;
      double[] s = truth.values(v);
      for (int i = 0; i < s.length; i++) {
        s[i] += sd * rnd.nextGaussian();
      }
      o = o.with(v, s);
    }
    double[] h = o.values(Variables.QH);
    double[] le = o.values(Variables.QLE);
    double[] sum = new double[h.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = h[i] + le[i];
    }
    return o.with(Variables.QHQLE, sum).select(OBSERVED);
  }

  /**
   * A coupling task on this twin: train on the first {@code trainDays} days, validate on the next
   * {@code validationDays}, test on the rest; default noise.
   */
  public CouplingTask task(String name, int trainDays, int validationDays, List<String> targets,
      Budget budget, long seed) {
    int n = forcing.size();
    TimeSplit split = new TimeSplit(trainDays * 24, (trainDays + validationDays) * 24, n);
    return CouplingTask.builder().name(name).mechanism(LsmMechanism.huang2025())
        .forcing(forcing).observations(observations(0.1, 5, seed + 1)).split(split)
        .targets(new ArrayList<>(targets)).budget(budget).seed(seed).build();
  }
}
