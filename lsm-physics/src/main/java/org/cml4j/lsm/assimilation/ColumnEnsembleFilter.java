package org.cml4j.lsm.assimilation;

import static org.cml4j.lsm.assimilation.ParameterTransforms.gaspariCohn;
import static org.cml4j.lsm.assimilation.ParameterTransforms.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.ColumnStepper;

/**
 * The ensemble Kalman filter of cml4j for the simple land-surface column (Huang, Heaney &amp; van
 * Reeuwijk 2025), used by the embedding couplings and the fusion hybrid alike. The state is the
 * soil-temperature profile on the model's nodes, optionally augmented with constant parameters
 * (joint state–parameter estimation, Moradkhani et al. 2005) that then evolve by a small random
 * walk. Forecast: each member's exact backward-Euler step ({@link ColumnStepper}) with its own
 * parameters, perturbed by a pluggable {@link ForecastNoise} (additive surface noise, an AR(1)
 * model-error flux), plus an optional {@link ForecastCorrection}. Analysis at every level from 1
 * with observations: the stochastic EnKF with perturbed observations (Evensen 1994; Burgers, van
 * Leeuwen and Evensen 1998) after multiplicative inflation, optionally localized in the vertical;
 * the observation operator is the model's output operator, evaluated member by member, so any
 * depth (and any flux) can be assimilated. The bottom node keeps its Dirichlet value. Positive
 * parameters are filtered in log space; all are clamped to their bounds. Without observations (or
 * from {@code assimilateUntil} on) the ensemble runs free. Seeded: the same settings give the same
 * result. The analysis itself is {@link EnsembleAnalysis}.
 */
public final class ColumnEnsembleFilter {
  private static final double SPREAD_DEPTH = 0.25;
  private final ModelGrid grid;
  private final SurfaceForcing forcing;
  private final ColumnParameters base;
  private final List<ParameterInfo> augmented;
  private final InitialState initial;

  /**
   * @param grid model grid
   * @param forcing forcing at every level
   * @param base values of all six parameters (alpha, lambda, C, hbeta, Tb, eps) by symbol, used as
   *     prior means of augmented ones and as fixed values of the others
   * @param augmented parameters added to the state
   * @param initial initial profile (evaluated with each member's Tb if it depends on Tb)
   */
  public ColumnEnsembleFilter(ModelGrid grid, SurfaceForcing forcing, Map<String, Double> base,
      List<ParameterInfo> augmented, InitialState initial) {
    this(grid, forcing, columnParameters(base), augmented, initial);
  }

  /** The same with the constant base parameters as column parameters. */
  public ColumnEnsembleFilter(ModelGrid grid, SurfaceForcing forcing, ColumnParameters base,
      List<ParameterInfo> augmented, InitialState initial) {
    if (base.maxSeriesLength() != 1) {
      throw new IllegalArgumentException("the EnKF runs with constant parameters only");
    }
    this.grid = grid;
    this.forcing = forcing;
    this.base = base;
    this.augmented = List.copyOf(augmented);
    this.initial = initial;
  }

  private static ColumnParameters columnParameters(Map<String, Double> base) {
    ColumnParameters.Builder b = ColumnParameters.builder();
    for (Param p : Param.values()) {
      if (!base.containsKey(p.symbol())) {
        throw new IllegalArgumentException("EnKF: base parameters lack " + p.symbol()
            + "; give all of alpha, lambda, C, hbeta, Tb, eps (got " + base.keySet() + ")");
      }
      b.set(p, base.get(p.symbol()));
    }
    return b.build();
  }

  /**
   * Runs forecast–analysis cycles over all levels.
   *
   * @param obs assimilated observations (empty = free run)
   * @param cfg filter settings
   * @param assimilateUntil no analysis at levels >= this (free forecast afterwards)
   * @param outputs outputs to report (ensemble mean and spread)
   * @param correction optional forecast correction, or null
   */
  public EnkfResult run(List<ObservationSeries> obs, EnsembleSettings cfg, int assimilateUntil,
      List<Output> outputs, ForecastCorrection correction) {
    long t0 = System.nanoTime();
    int levels = forcing.length();
    for (ObservationSeries o : obs) {
      if (o.values().length != levels) {
        throw new IllegalArgumentException("observation " + o.output().name() + " has "
            + o.values().length + " levels, the forcing " + levels);
      }
    }
    int n = grid.nodes();
    int np = augmented.size();
    int members = cfg.members();
    Random rnd = new Random(cfg.seed());
    double[][] x = new double[members][n];
    double[][] u = new double[members][np];
    double[] z = grid.nodeDepths();
    for (int i = 0; i < members; i++) {
      for (int j = 0; j < np; j++) {
        ParameterInfo pi = augmented.get(j);
        u[i][j] = pi.clampU(pi.toU(base.constant(Param.fromSymbol(pi.name())))
            + cfg.parameterSpread() * scale(pi) * rnd.nextGaussian());
      }
      initial.fill(x[i], parameters(u[i]));
      double xi = rnd.nextGaussian() * cfg.initialSpread();
      for (int node = 0; node < n - 1; node++) {
        x[i][node] += xi * Math.exp(-z[node] / SPREAD_DEPTH);
      }
    }
    ForecastNoise.Run noise = cfg.noise().start(members, grid, rnd);
    List<Output> obsOutputs = obs.stream().map(ObservationSeries::output).toList();
    OutputOperator obsOp = new OutputOperator(obsOutputs.isEmpty()
        ? List.of(Output.SURFACE_TEMPERATURE) : obsOutputs, grid);
    EnkfRecorder rec = new EnkfRecorder(levels, outputs, grid, augmented,
        obs.size());
    LevelValues[] lv = new LevelValues[members];
    for (int i = 0; i < members; i++) {
      lv[i] = new LevelValues();
    }
    ColumnStepper stepper = new ColumnStepper(grid);
    double[] next = new double[n];
    rec.forecast(0, x);
    record(rec, 0, x, u, lv);
    for (int k = 1; k < levels; k++) {
      for (int i = 0; i < members; i++) {
        load(lv[i], u[i], k);
        noise.beforeStep(i, lv[i], rnd);
        stepper.step(x[i], next, lv[i]);
        if (correction != null) {
          correction.correct(k, x[i], next, lv[i]);
        }
        noise.afterStep(i, next, rnd);
        System.arraycopy(next, 0, x[i], 0, n);
        for (int j = 0; j < np; j++) {
          u[i][j] = augmented.get(j).clampU(u[i][j]
              + cfg.parameterWalk() * scale(augmented.get(j)) * rnd.nextGaussian());
        }
      }
      rec.forecast(k, x);
      if (k < assimilateUntil) {
        rec.analysed(k, analyse(k, x, u, lv, obs, obsOp, cfg, rnd, rec.innovation(k)));
      }
      record(rec, k, x, u, lv);
    }
    return rec.result((long) members * (levels - 1), (System.nanoTime() - t0) * 1e-9);
  }

  private boolean analyse(int k, double[][] x, double[][] u, LevelValues[] lv,
      List<ObservationSeries> obs, OutputOperator obsOp, EnsembleSettings cfg, Random rnd,
      double[] innovation) {
    List<Integer> valid = new ArrayList<>();
    for (int j = 0; j < obs.size(); j++) {
      if (!Double.isNaN(obs.get(j).at(k))) {
        valid.add(j);
      }
    }
    if (valid.isEmpty()) {
      return false;
    }
    int members = x.length;
    int n = x[0].length;
    int np = u[0].length;
    int p = valid.size();
    inflate(x, u, cfg.inflation());
    double[][] hx = new double[members][p];
    double[] all = new double[obs.size()];
    for (int i = 0; i < members; i++) {
      load(lv[i], u[i], k);
      obsOp.evaluate(x[i], lv[i], all);
      for (int q = 0; q < p; q++) {
        hx[i][q] = all[valid.get(q)];
      }
    }
    double[] hm = EnsembleAnalysis.mean(hx);
    double[] y = new double[p];
    double[] sd = new double[p];
    for (int a = 0; a < p; a++) {
      ObservationSeries o = obs.get(valid.get(a));
      y[a] = o.at(k);
      sd[a] = o.sd();
      innovation[valid.get(a)] = y[a] - hm[a];
    }
    double[][] z = new double[members][n + np];
    for (int i = 0; i < members; i++) {
      System.arraycopy(x[i], 0, z[i], 0, n);
      System.arraycopy(u[i], 0, z[i], n, np);
    }
    double[][] gain = EnsembleAnalysis.gain(z, hx, sd);
    if (cfg.localization() > 0) {
      double dz = grid.dx();
      for (int a = 0; a < p; a++) {
        Output o = obs.get(valid.get(a)).output();
        double depth = o.kind() == Output.Kind.SOIL_TEMPERATURE ? o.depth() : 0;
        for (int node = 0; node < n; node++) {
          gain[node][a] *= gaspariCohn(Math.abs(node * dz - depth) / cfg.localization());
        }
      }
    }
    EnsembleAnalysis.update(z, hx, gain, y, sd, rnd, -1);
    for (int i = 0; i < members; i++) {
      System.arraycopy(z[i], 0, x[i], 0, n);
      System.arraycopy(z[i], n, u[i], 0, np);
      for (int j = 0; j < np; j++) {
        u[i][j] = augmented.get(j).clampU(u[i][j]);
      }
      load(lv[i], u[i], k);
      x[i][n - 1] = lv[i].tb;
    }
    return true;
  }

  /** Multiplicative inflation of the forecast anomalies (states above the bottom, parameters). */
  private void inflate(double[][] x, double[][] u, double inflation) {
    int n = x[0].length;
    double[] xm = EnsembleAnalysis.mean(x);
    double[] um = EnsembleAnalysis.mean(u);
    double rho = Math.sqrt(inflation);
    for (int i = 0; i < x.length; i++) {
      for (int node = 0; node < n - 1; node++) {
        x[i][node] = xm[node] + rho * (x[i][node] - xm[node]);
      }
      for (int j = 0; j < u[i].length; j++) {
        u[i][j] = augmented.get(j).clampU(um[j] + rho * (u[i][j] - um[j]));
      }
    }
  }

  private void record(EnkfRecorder rec, int k, double[][] x, double[][] u,
      LevelValues[] lv) {
    rec.analysis(k, x);
    for (int i = 0; i < x.length; i++) {
      load(lv[i], u[i], k);
      rec.member(k, x[i], lv[i], u[i]);
    }
    rec.close(k, x.length);
  }

  /** A member's parameters: the base with its augmented ones. */
  private ColumnParameters parameters(double[] u) {
    ColumnParameters p = base;
    for (int j = 0; j < u.length; j++) {
      p = p.with(Param.fromSymbol(augmented.get(j).name()), augmented.get(j).fromU(u[j]));
    }
    return p;
  }

  private void load(LevelValues v, double[] u, int k) {
    v.load(parameters(u), forcing, k);
  }
}
