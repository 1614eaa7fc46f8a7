package org.cml4j.embed.adjustment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.learning.FastMlp;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.embed.timing.Timing;
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.assimilation.ObservationSeries;
import org.cml4j.lsm.model.LevelValues;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.OutputOperator;
import org.cml4j.lsm.solver.ColumnStepper;

/**
 * Mode 5 (model adjustment) with learning in the data-assimilation cycle, analysis emulation: the
 * EnKF ({@link ColumnEnsembleFilter}, state only, calibrated model) runs over the training period;
 * an MLP learns its analysis step — the increment at a few control depths from the innovations
 * (observation minus forecast, with a missing-value mask), the forecast's state shape, the forcing
 * and the hour of day (cf. learned data assimilation, e.g. Boudier et al. 2023). From the end of
 * training on, one deterministic model run with the emulated analysis replaces the ensemble: it
 * assimilates the validation-period observations and forecasts the test period freely. The EnKF
 * also runs over the validation period for comparison: diagnostics give both analyses' RMSE
 * against the observations and the cost of one cycle of each.
 */
public final class AnalysisEmulatorCoupling extends IncrementLearningCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.analysis-emulator",
      CouplingMode.MODEL_ADJUSTMENT,
      "network emulating the EnKF analysis step (innovations -> increments) in a single"
      + " deterministic run");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final Timing.Plan timing;

  /**
   * @param timing warm-ups and repeats of the cost comparison (EnKF against emulated analysis,
   *     both over the whole axis, interleaved; its {@code steps} is not used); diagnostics only
   */
  public AnalysisEmulatorCoupling(CouplingDefaults defaults, EnkfConfig config,
      EnkfSetup setup, Timing.Plan timing) {
    super(INFO, defaults, config, setup);
    this.timing = timing;
  }

  public AnalysisEmulatorCoupling(CouplingDefaults defaults, EnkfConfig config,
      EnkfSetup setup) {
    this(defaults, config, setup, new Timing.Plan(1, 3, 1));
  }

  public AnalysisEmulatorCoupling(CouplingDefaults defaults) {
    this(defaults, EnkfConfig.standard(), EnkfSetup.defaults());
  }

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    IncrementLearning.CalibratedFilter cf = calibratedFilter(task);
    CalibratedColumn col = cf.column();
    List<ObservationSeries> obs = cf.observations();
    double[][] aux = cf.auxiliary();
    double[] hours = cf.hours();
    List<String> report = new ArrayList<>(TaskSupport.simulableTargets(task));
    TaskSupport.observedSimulable(task, false, 1).stream().filter(v -> !report.contains(v))
        .forEach(report::add);
    List<Output> outs = report.stream().map(Output::parse).toList();
    int trainEnd = task.split().trainEnd();
    int valEnd = task.split().validationEnd();
    EnkfResult enkf = cf.filter().run(obs, cf.config().settings(), valEnd, outs, null);
    StateFeatures sf = cf.features();
    IncrementLearning.Pairs all = IncrementLearning.increments(cf, enkf, trainEnd,
        sf.size(aux[0].length) + 2 * obs.size(), (k, v, in) -> features(sf,
            enkf.forecastMean()[k], v, hours[k], aux[k], enkf.innovation()[k], in));
    int nt = all.size() - Math.max(1, all.size() / 5);
    IncrementLearning.Trained tr = IncrementLearning.train(all.slice(0, nt),
        all.slice(nt, all.size()), new int[] {32, 32}, task.budget().scale(60, 150, 300),
        task.seed(), NAME);
    long t1 = System.nanoTime();
    double[] x0 = enkf.analysisMean()[trainEnd - 1];
    Emulated em = new Emulated(col, sf, tr.net(), obs, hours, aux);
    double[][] states = em.run(x0, trainEnd - 1, col.levels(), valEnd);
    // timing (diagnostics only): both sides over the whole axis, analyses until valEnd, the
    // same warm-ups and repeats, interleaved; per cycle = per hourly step
    int cycles = col.levels() - 1;
    double[] start = enkf.analysisMean()[0];
    // the emulated analysis was trained on the training period; should it diverge from level 0,
    // time it from the end of training instead (per cycle; noted)
    boolean fromStart = em.runs(start, 0, col.levels(), valEnd);
    int from = fromStart ? 0 : trainEnd - 1;
    double[] timedStart = fromStart ? start : x0;
    int emuCycles = col.levels() - 1 - from;
    Timing.Comparison raw = Timing.compare(timing,
        () -> em.run(timedStart, from, col.levels(), valEnd),
        () -> cf.filter().run(obs, cf.config().settings(), valEnd, outs, null));
    Timing.Comparison tc = perCycle(raw, cycles / (double) emuCycles);
    double emuCycle = tc.fastMedian() / cycles;
    double enkfCycle = tc.slowMedian() / cycles;
    double[][] ye = col.outputs(states, trainEnd - 1, report);
    Map<String, double[]> pred = new LinkedHashMap<>();
    Diagnostics.Builder d = Diagnostics.builder().scalar("members", cf.config().members())
        .scalar("trainingPairs", nt).scalar("epochs", tr.report().epochs())
        .scalar("enkfCycleMicros", enkfCycle * 1e6).scalar("emulatedCycleMicros", emuCycle * 1e6)
        .scalar("speedup", tc.speedupMedian()).scalar("speedupMin", tc.speedupMin())
        .scalar("speedupMax", tc.speedupMax()).scalar("timingRepeats", timing.repeats())
        .scalar("enkfCycleCpuMicros", tc.cpu().slowMedian() / cycles * 1e6)
        .scalar("emulatedCycleCpuMicros", tc.cpu().fastMedian() / cycles * 1e6)
        .scalar("speedupCpu", tc.cpu().speedupMedian())
        .scalar("speedupCpuMin", tc.cpu().speedupMin())
        .scalar("speedupCpuMax", tc.cpu().speedupMax())
        .scalar("physicsEvaluations", cf.calibration().evaluations() + enkf.memberSteps()
            / (double) (col.levels() - 1) + 1)
        .curve("trainLoss", tr.report().trainLoss())
        .curve("validationLoss", tr.report().valLoss());
    if (!fromStart) {
      d.note("timing: the emulated analysis diverged when started at level 0; timed from the end"
          + " of training, per cycle");
    }
    for (int j = 0; j < report.size(); j++) {
      String t = report.get(j);
      double[] e = enkf.output(t);
      double[] s = new double[col.levels()];
      for (int k = 0; k < s.length; k++) {
        s[k] = k < trainEnd - 1 ? e[k] : ye[j][k - trainEnd + 1];
      }
      if (task.targets().contains(t)) {
        pred.put(t, s);
      }
      if (task.observations().has(t) && valEnd > trainEnd) {
        double[] o = task.observations().values(t);
        d.scalar("validationAnalysisRmseEnkf_" + t, TaskSupport.rmse(e, o, trainEnd, valEnd));
        d.scalar("validationAnalysisRmseEmulated_" + t, TaskSupport.rmse(s, o, trainEnd,
            valEnd));
      }
    }
    return new Result(TaskSupport.frame(task, pred), cf.calibration().fitted(), d.build(),
        TaskSupport.config("members", cf.config().members(), "assimilate", cf.assimilated(),
            "network", "32x32 tanh"), 0).timed((t1 - t0) * 1e-9, 0)
        .withCalibration(cf.calibration().id());
  }

  /** Rescales the fast side so both sides are per the same number of cycles. */
  private static Timing.Comparison perCycle(Timing.Comparison c, double fastScale) {
    if (fastScale == 1) {
      return c;
    }
    double[] f = c.fast().clone();
    double[] fc = c.cpu().fast().clone();
    for (int i = 0; i < f.length; i++) {
      f[i] *= fastScale;
      fc[i] *= fastScale;
    }
    return new Timing.Comparison(f, c.slow(), new Timing.Comparison(fc, c.cpu().slow(), null));
  }

  private static void features(StateFeatures sf, double[] forecast, LevelValues v, double hour,
      double[] aux, double[] innovation, double[] in) {
    sf.features(forecast, v, hour, aux, in);
    int off = sf.size(aux.length);
    for (int j = 0; j < innovation.length; j++) {
      boolean ok = Double.isFinite(innovation[j]);
      in[off + j] = ok ? innovation[j] : 0;
      in[off + innovation.length + j] = ok ? 1 : 0;
    }
  }

  /** The deterministic model with the emulated analysis. */
  private static final class Emulated {
    private final CalibratedColumn col;
    private final StateFeatures sf;
    private final FastMlp net;
    private final List<ObservationSeries> obs;
    private final double[] hours;
    private final double[][] aux;
    private final OutputOperator op;

    Emulated(CalibratedColumn col, StateFeatures sf, FastMlp net, List<ObservationSeries> obs,
        double[] hours, double[][] aux) {
      this.col = col;
      this.sf = sf;
      this.net = net;
      this.obs = obs;
      this.hours = hours;
      this.aux = aux;
      this.op = new OutputOperator(obs.stream().map(ObservationSeries::output).toList(),
          col.grid());
    }

    /** Whether {@link #run} completes (does not diverge) over [from, to). */
    boolean runs(double[] x0, int from, int to, int assimilateUntil) {
      try {
        run(x0, from, to, assimilateUntil);
        return true;
      } catch (IllegalStateException e) {
        return false;
      }
    }

    /** States over [from, to), analysing at steps below {@code assimilateUntil}. */
    double[][] run(double[] x0, int from, int to, int assimilateUntil) {
      ColumnStepper st = new ColumnStepper(col.grid());
      double[] hx = new double[obs.size()];
      double[] innov = new double[obs.size()];
      double[] in = new double[net.nIn()];
      double[] out = new double[net.nOut()];
      return col.run((k, prev, next, v) -> {
        st.step(prev, next, v);
        if (k >= assimilateUntil) {
          return;
        }
        op.evaluate(next, v, hx);
        boolean any = false;
        for (int j = 0; j < hx.length; j++) {
          innov[j] = obs.get(j).at(k) - hx[j];
          any |= Double.isFinite(innov[j]);
        }
        if (any) {
          features(sf, next, v, hours[k], aux[k], innov, in);
          net.predict(in, out);
          sf.apply(out, next);
        }
      }, x0, from, to);
    }
  }
}
