package org.cml4j.embed.adjustment;

import static org.cml4j.embed.adjustment.ParameterTransforms.gaspariCohn;
import static org.cml4j.embed.adjustment.ParameterTransforms.scale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.embed.physics.ColumnStepper;
import org.cml4j.lsm.assimilation.EnsembleAnalysis;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.ModelGrid;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.model.Param;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Ensemble Kalman filter for the simple land-surface column (Huang, Heaney &amp; van Reeuwijk
 * 2025): the state is the soil-temperature profile on the model's nodes, optionally augmented with
 * constant parameters (joint state–parameter estimation, Moradkhani et al. 2005) that then evolve
 * by a small random walk. Forecast: each member's backward-Euler step with its own parameters,
 * plus surface-weighted additive noise and an optional {@link ForecastCorrection}. Analysis:
 * the stochastic EnKF with perturbed observations (Evensen 1994; Burgers, van Leeuwen and Evensen
 * 1998) after multiplicative inflation; the observation operator is the model's output operator,
 * evaluated member by member, so any depth (and any flux) can be assimilated. Positive parameters
 * are filtered in log space; all are clamped to their physical bounds. The analysis itself is the
 * shared {@link EnsembleAnalysis}.
 */
public final class ColumnEnsembleFilter {
  private static final double NOISE_DEPTH = 0.1;
  private static final double SPREAD_DEPTH = 0.25;
  private final ModelGrid grid;
  private final SurfaceForcing forcing;
  private final Map<String, Double> base;
  private final List<ParameterInfo> augmented;
  private final InitialState initial;

  /**
   * @param grid model grid
   * @param forcing forcing at every level
   * @param base values of all six parameters (alpha, lambda, C, hbeta, Tb, eps) used as prior
   *     means of augmented ones and as fixed values of the others
   * @param augmented parameters added to the state
   * @param initial initial profile (evaluated with each member's Tb if it depends on Tb)
   */
  public ColumnEnsembleFilter(ModelGrid grid, SurfaceForcing forcing, Map<String, Double> base,
      List<ParameterInfo> augmented, InitialState initial) {
    for (Param p : Param.values()) {
      if (!base.containsKey(p.symbol())) {
        throw new IllegalArgumentException("EnKF: base parameters lack " + p.symbol()
            + "; give all of alpha, lambda, C, hbeta, Tb, eps (got " + base.keySet() + ")");
      }
    }
    this.grid = grid;
    this.forcing = forcing;
    this.base = new LinkedHashMap<>(base);
    this.augmented = List.copyOf(augmented);
    this.initial = initial;
  }

  /**
   * Runs forecast–analysis cycles over all levels.
   *
   * @param obs assimilated observations
   * @param cfg filter settings
   * @param assimilateUntil no analysis at levels >= this (free forecast afterwards)
   * @param outputs outputs to report (ensemble mean and spread)
   * @param correction optional forecast correction, or null
   */
  public EnkfResult run(List<ObservationSeries> obs, EnkfConfig cfg, int assimilateUntil,
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
        u[i][j] = pi.clampU(pi.toU(base.get(pi.name()))
            + cfg.parameterSpread() * scale(pi) * rnd.nextGaussian());
      }
      ColumnParameters cp = parameters(u[i]);
      initial.fill(x[i], cp);
      double xi = rnd.nextGaussian() * cfg.initialSpread();
      for (int node = 0; node < n - 1; node++) {
        x[i][node] += xi * Math.exp(-z[node] / SPREAD_DEPTH);
      }
    }
    OutputOperator outOp = new OutputOperator(outputs, grid);
    List<Output> obsOutputs = obs.stream().map(ObservationSeries::output).toList();
    OutputOperator obsOp = new OutputOperator(obsOutputs.isEmpty()
        ? List.of(Output.SURFACE_TEMPERATURE) : obsOutputs, grid);
    int no = outputs.size();
    double[][] outMean = new double[levels][no];
    double[][] outSpread = new double[levels][no];
    double[][] fMean = new double[levels][];
    double[][] aMean = new double[levels][];
    boolean[] analysed = new boolean[levels];
    double[][] innov = new double[levels][obs.size()];
    double[][] pMean = new double[levels][np];
    double[][] pSpread = new double[levels][np];
    LevelValues[] lv = new LevelValues[members];
    for (int i = 0; i < members; i++) {
      lv[i] = new LevelValues();
    }
    ColumnStepper stepper = new ColumnStepper(grid);
    double[] next = new double[n];
    long steps = 0;
    record(0, x, u, lv, outOp, outMean, outSpread, pMean, pSpread);
    fMean[0] = EnsembleAnalysis.mean(x);
    aMean[0] = fMean[0];
    java.util.Arrays.fill(innov[0], Double.NaN);
    for (int k = 1; k < levels; k++) {
      for (int i = 0; i < members; i++) {
        load(lv[i], u[i], k);
        stepper.step(x[i], next, lv[i]);
        if (correction != null) {
          correction.correct(k, x[i], next, lv[i]);
        }
        double eta = cfg.stateNoise() * rnd.nextGaussian();
        for (int node = 0; node < n - 1; node++) {
          x[i][node] = next[node] + eta * Math.exp(-z[node] / NOISE_DEPTH);
        }
        x[i][n - 1] = next[n - 1];
        for (int j = 0; j < np; j++) {
          u[i][j] = augmented.get(j).clampU(u[i][j]
              + cfg.parameterWalk() * scale(augmented.get(j)) * rnd.nextGaussian());
        }
        steps++;
      }
      fMean[k] = EnsembleAnalysis.mean(x);
      java.util.Arrays.fill(innov[k], Double.NaN);
      if (k < assimilateUntil) {
        analysed[k] = analyse(k, x, u, lv, obs, obsOp, cfg, rnd, innov[k]);
      }
      aMean[k] = EnsembleAnalysis.mean(x);
      record(k, x, u, lv, outOp, outMean, outSpread, pMean, pSpread);
    }
    List<String> names = augmented.stream().map(ParameterInfo::name).toList();
    return new EnkfResult(outputs, outMean, outSpread, fMean, aMean, analysed, innov, names,
        pMean, pSpread, steps, (System.nanoTime() - t0) * 1e-9);
  }

  private boolean analyse(int k, double[][] x, double[][] u, LevelValues[] lv,
      List<ObservationSeries> obs, OutputOperator obsOp, EnkfConfig cfg, Random rnd,
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
    int m = n + np;
    int p = valid.size();
    // inflate forecast anomalies
    double[] xm = EnsembleAnalysis.mean(x);
    double[] um = EnsembleAnalysis.mean(u);
    double rho = Math.sqrt(cfg.inflation());
    for (int i = 0; i < members; i++) {
      for (int node = 0; node < n - 1; node++) {
        x[i][node] = xm[node] + rho * (x[i][node] - xm[node]);
      }
      for (int j = 0; j < np; j++) {
        u[i][j] = augmented.get(j).clampU(um[j] + rho * (u[i][j] - um[j]));
      }
    }
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
    double[][] z = new double[members][m];
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

  private void record(int k, double[][] x, double[][] u, LevelValues[] lv, OutputOperator op,
      double[][] outMean, double[][] outSpread, double[][] pMean, double[][] pSpread) {
    int members = x.length;
    int no = op.size();
    double[] y = new double[no];
    double[] s1 = new double[no];
    double[] s2 = new double[no];
    for (int i = 0; i < members; i++) {
      load(lv[i], u[i], k);
      op.evaluate(x[i], lv[i], y);
      for (int j = 0; j < no; j++) {
        s1[j] += y[j];
        s2[j] += y[j] * y[j];
      }
    }
    for (int j = 0; j < no; j++) {
      outMean[k][j] = s1[j] / members;
      outSpread[k][j] = Math.sqrt(Math.max(0, (s2[j] - s1[j] * s1[j] / members) / (members - 1)));
    }
    int np = augmented.size();
    for (int j = 0; j < np; j++) {
      double a = 0;
      double b = 0;
      for (int i = 0; i < members; i++) {
        double v = augmented.get(j).fromU(u[i][j]);
        a += v;
        b += v * v;
      }
      pMean[k][j] = a / members;
      pSpread[k][j] = Math.sqrt(Math.max(0, (b - a * a / members) / (members - 1)));
    }
  }

  private ColumnParameters parameters(double[] u) {
    ColumnParameters.Builder b = ColumnParameters.builder();
    for (Param p : Param.values()) {
      b.set(p, base.get(p.symbol()));
    }
    for (int j = 0; j < u.length; j++) {
      b.set(Param.fromSymbol(augmented.get(j).name()), augmented.get(j).fromU(u[j]));
    }
    return b.build();
  }

  private void load(LevelValues v, double[] u, int k) {
    v.alpha = base.get("alpha");
    v.lambda = base.get("lambda");
    v.c = base.get("C");
    v.hbeta = base.get("hbeta");
    v.tb = base.get("Tb");
    v.eps = base.get("eps");
    for (int j = 0; j < u.length; j++) {
      double val = augmented.get(j).fromU(u[j]);
      switch (augmented.get(j).name()) {
        case "alpha" -> v.alpha = val;
        case "lambda" -> v.lambda = val;
        case "C" -> v.c = val;
        case "hbeta" -> v.hbeta = val;
        case "Tb" -> v.tb = val;
        case "eps" -> v.eps = val;
        default -> throw new IllegalArgumentException("cannot augment " + augmented.get(j).name());
      }
    }
    v.kdown = forcing.kdown()[k];
    v.ldown = forcing.ldown()[k];
    v.ta = forcing.ta()[k];
  }
}
