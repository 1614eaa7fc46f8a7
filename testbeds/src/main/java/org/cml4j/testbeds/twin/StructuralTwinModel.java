package org.cml4j.testbeds.twin;

import static org.cml4j.lsm.model.Output.SIGMA;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.rich.RichColumnStep;
import org.cml4j.testbeds.weather.Weather;

/**
 * The forward "truth" model of the structural-twin tasks: a layered, moisture-dependent soil
 * column with a surface energy balance whose turbulent flux is split by a varying Bowen ratio.
 * Its heat step is the rich column's {@link RichColumnStep} (backward Euler with the hourly step,
 * forcing at the new level, node heat capacity {@code C_i} and conductivity {@code lambda_i},
 * surface energy balance of Huang, Heaney &amp; van Reeuwijk (2025) with LWdown absorbed with
 * emissivity eps, Dirichlet bottom at Tb; see there for the equations); this class sets the step's
 * drivers from its coupled water state and keeps the water, the Bowen split and the diagnostics.
 * Node properties C_i = C_j(S_j), lambda_i = lambda_j(S_j) come from the horizon j containing the
 * node and its saturation S_j at the start of the step ({@link SoilLayer}); net radiation is
 * radiometric, so {@code Rnet = G + Qh + Qle} exactly.
 *
 * <p>Turbulent fluxes at level k: {@code h = rhoCp C_H (U + Uc w)} with the daylight weight
 * {@code w = clamp(sin(elevation) / 0.25, 0, 1)}; Bowen ratio
 * {@code B = Bn + (Bd f - Bn) w}, {@code Bd = Bwet + (Bdry - Bwet)(1 - beta)},
 * {@code beta = sum_j rootShare_j beta_j(S_j)}, afternoon factor
 * {@code f = 1 + rise max(0, sin(pi (hour - 9) / 12))} on 9–21 h;
 * {@code Qh = h (Ts - Ta)}, {@code Qle = Qh / B}, so {@code H = h (1 + 1/B)} (the simple model's
 * hbeta, here varying in time).
 *
 * <p>Water (operator-split, after the heat step, in mm): rain infiltrates the top bucket (excess
 * above saturation runs off); evapotranspiration {@code E = Qle dt / L_v} is drawn from the
 * buckets by root share down to the residual saturation (dew, E &lt; 0, wets the topsoil);
 * water above field capacity drains to the horizon below with e-folding time tau (and leaves the
 * column from the last bucket). Non-dynamic horizons keep their saturation.
 */
public final class StructuralTwinModel {
  /** Name of the hidden effective exchange coefficient h(1 + 1/B) series [W m-2 K-1]. */
  public static final String HBETA_EFFECTIVE = "hbetaEff";
  /** Name of the hidden Bowen-ratio series [-]. */
  public static final String BOWEN_RATIO = "BowenRatio";

  private final TwinPhysics physics;
  private final ModelGrid grid;
  private final int[] layerOf;

  /** The truth model on {@code grid} (its dt must be the weather's hourly step). */
  public StructuralTwinModel(TwinPhysics physics, ModelGrid grid) {
    if (grid.dt() != Weather.STEP) {
      throw new IllegalArgumentException("twin grid time step must be " + Weather.STEP + " s, got "
          + grid.dt());
    }
    double bottom = physics.layers().get(physics.layers().size() - 1).bottom();
    if (bottom < grid.depth() - 1e-9) {
      throw new IllegalArgumentException("soil layers end at " + bottom + " m, above the column"
          + " bottom at " + grid.depth() + " m");
    }
    this.physics = physics;
    this.grid = grid;
    this.layerOf = new int[grid.nodes()];
    for (int i = 0; i < layerOf.length; i++) {
      layerOf[i] = physics.layerAt(grid.nodeDepth(i));
    }
  }

  public TwinPhysics physics() {
    return physics;
  }

  public ModelGrid grid() {
    return grid;
  }

  /** Name of the hidden saturation-weighted volumetric moisture of horizon {@code j} (0-based). */
  public static String soilMoisture(int j) {
    return "SoilMoist_layer" + (j + 1);
  }

  /**
   * Runs the model over the weather from {@code initial} (one temperature per node, K) and the
   * layers' initial saturations.
   *
   * @param depths soil depths [m] to output as {@code SoilTemp_<depth>}
   * @return a frame on the weather's axis with the soil temperatures, SurfTemp, Qg, LWup, Qh, Qle,
   *     QhQle, Rnet, the horizons' volumetric moisture and the hidden hbetaEff and BowenRatio
   */
  public Frame simulate(Weather w, List<Double> depths, double[] initial) {
    int n = grid.nodes();
    if (initial.length != n) {
      throw new IllegalArgumentException("initial profile has " + initial.length + " values, the"
          + " grid " + n + " nodes");
    }
    for (double d : depths) {
      if (!(d >= 0 && d <= grid.depth())) {
        throw new IllegalArgumentException("output depth " + d + " m outside the column [0, "
            + grid.depth() + "] m");
      }
    }
    int levels = w.size();
    int nl = physics.layers().size();
    double[] sat = new double[nl];
    for (int j = 0; j < nl; j++) {
      sat[j] = physics.layers().get(j).initialSaturation();
    }
    double[] t = initial.clone();
    double[] cap = new double[n];
    double[] lam = new double[n];
    RichColumnStep step = new RichColumnStep(n, grid.dx(), grid.dt(), physics.albedo(),
        physics.eps(), physics.tb(), true);
    double dt = grid.dt();
    List<double[]> soil = new ArrayList<>();
    for (int d = 0; d < depths.size(); d++) {
      soil.add(new double[levels]);
    }
    double[] ts = new double[levels];
    double[] qg = new double[levels];
    double[] lwup = new double[levels];
    double[] qh = new double[levels];
    double[] qle = new double[levels];
    double[] rnet = new double[levels];
    double[] hbeta = new double[levels];
    double[] bowen = new double[levels];
    double[][] moist = new double[nl][levels];
    for (int lev = 0; lev < levels; lev++) {
      double[] hb = exchange(w, lev, sat);
      if (lev > 0) {
        properties(sat, cap, lam);
        step.properties(cap, lam);
        step.advance(t, w.swdown()[lev], w.lwdown()[lev], w.tair()[lev], hb[0] * (1 + 1 / hb[1]),
            lev);
      }
      // diagnostics at this level
      double x = t[0];
      double emit = physics.eps() * SIGMA * x * x * x * x;
      ts[lev] = x;
      rnet[lev] = (1 - physics.albedo()) * w.swdown()[lev] + physics.eps() * w.lwdown()[lev] - emit;
      qh[lev] = hb[0] * (x - w.tair()[lev]);
      qle[lev] = qh[lev] / hb[1];
      qg[lev] = rnet[lev] - qh[lev] - qle[lev];
      lwup[lev] = emit + (1 - physics.eps()) * w.lwdown()[lev];
      hbeta[lev] = hb[0] * (1 + 1 / hb[1]);
      bowen[lev] = hb[1];
      for (int d = 0; d < depths.size(); d++) {
        soil.get(d)[lev] = interpolate(t, depths.get(d), grid.dx());
      }
      if (lev > 0) {
        water(sat, w.rainf()[lev] * dt, qle[lev] * dt / TwinPhysics.LATENT_HEAT, dt);
      }
      for (int j = 0; j < nl; j++) {
        moist[j][lev] = sat[j] * physics.layers().get(j).porosity();
      }
    }
    Frame f = Frame.onAxis(w.times(), Weather.STEP);
    for (int d = 0; d < depths.size(); d++) {
      f = f.with(Variables.soilTemperature(depths.get(d)), soil.get(d));
    }
    f = f.with(Variables.SURF_TEMP, ts).with(Variables.QG, qg).with(Variables.LWUP, lwup)
        .with(Variables.QH, qh).with(Variables.QLE, qle).with(Variables.QHQLE, add(qh, qle))
        .with(Variables.RNET, rnet);
    for (int j = 0; j < nl; j++) {
      f = f.with(new VariableSpec(soilMoisture(j), "m3 m-3"), moist[j]);
    }
    return f.with(new VariableSpec(HBETA_EFFECTIVE, "W m-2 K-1"), hbeta)
        .with(new VariableSpec(BOWEN_RATIO, "1"), bowen);
  }

  /** A linear profile from {@code surface} at the top to Tb at the bottom [K]. */
  public double[] linearProfile(double surface) {
    double[] t = new double[grid.nodes()];
    for (int i = 0; i < t.length; i++) {
      double f = grid.nodeDepth(i) / grid.depth();
      t[i] = (1 - f) * surface + f * physics.tb();
    }
    return t;
  }

  /** Exchange coefficient h [W m-2 K-1] and Bowen ratio B at level {@code lev}. */
  double[] exchange(Weather w, int lev, double[] sat) {
    double light = Math.max(0, Math.min(1, w.sinElevation()[lev] / 0.25));
    double h = physics.rhoCp() * physics.transferCoefficient()
        * (w.wind()[lev] + physics.convectiveVelocity() * light);
    double beta = 0;
    for (int j = 0; j < sat.length; j++) {
      beta += physics.layers().get(j).rootShare() * physics.waterStress(sat[j]);
    }
    double hour = w.hourOfDay(lev);
    double rise = hour > 9 && hour < 21
        ? 1 + physics.afternoonRise() * Math.sin(Math.PI * (hour - 9) / 12) : 1;
    double day = (physics.bowenWet() + (physics.bowenDry() - physics.bowenWet()) * (1 - beta))
        * rise;
    double b = physics.bowenNight() + (day - physics.bowenNight()) * light;
    return new double[] {h, b};
  }

  /** Node heat capacity [J m-3 K-1] and conductivity [W m-1 K-1] at the horizons' saturations. */
  private void properties(double[] sat, double[] cap, double[] lam) {
    for (int i = 0; i < cap.length; i++) {
      SoilLayer l = physics.layers().get(layerOf[i]);
      double s = sat[layerOf[i]];
      cap[i] = l.heatCapacity(s);
      lam[i] = l.conductivity(s);
    }
  }

  /** Bucket update over one step: rain and evapotranspiration in mm. */
  private void water(double[] sat, double rain, double et, double dt) {
    List<SoilLayer> ls = physics.layers();
    int nl = ls.size();
    double[] cap = new double[nl];
    double[] wat = new double[nl];
    double top = 0;
    for (int j = 0; j < nl; j++) {
      SoilLayer l = ls.get(j);
      cap[j] = l.porosity() * (l.bottom() - top) * 1000;
      wat[j] = sat[j] * cap[j];
      top = l.bottom();
    }
    if (ls.get(0).dynamic()) {
      wat[0] = Math.min(cap[0], wat[0] + rain + Math.max(0, -et));
    }
    if (et > 0) {
      for (int j = 0; j < nl; j++) {
        if (ls.get(j).dynamic()) {
          double avail = Math.max(0, wat[j] - physics.residualSaturation() * cap[j]);
          wat[j] -= Math.min(avail, ls.get(j).rootShare() * et);
        }
      }
    }
    double f = 1 - Math.exp(-dt / physics.drainageTime());
    for (int j = 0; j < nl; j++) {
      if (!ls.get(j).dynamic()) {
        continue;
      }
      double drain = Math.max(0, wat[j] - physics.fieldCapacity() * cap[j]) * f;
      wat[j] -= drain;
      if (j + 1 < nl && ls.get(j + 1).dynamic()) {
        wat[j + 1] = Math.min(cap[j + 1], wat[j + 1] + drain);
      }
    }
    for (int j = 0; j < nl; j++) {
      if (ls.get(j).dynamic()) {
        sat[j] = wat[j] / cap[j];
      }
    }
  }

  private static double interpolate(double[] t, double depth, double dx) {
    double pos = depth / dx;
    int i = Math.min((int) Math.floor(pos + 1e-9), t.length - 2);
    double wgt = pos - i;
    return Math.abs(wgt) < 1e-9 ? t[i] : (1 - wgt) * t[i] + wgt * t[i + 1];
  }

  private static double[] add(double[] a, double[] b) {
    double[] s = new double[a.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }
}
