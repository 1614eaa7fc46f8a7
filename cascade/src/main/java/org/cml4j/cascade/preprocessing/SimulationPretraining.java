package org.cml4j.cascade.preprocessing;

import org.cml4j.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.cascade.samples.ParameterSampler;
import org.cml4j.cascade.samples.SampleGenerator;
import org.cml4j.cascade.samples.SampleSet;
import org.cml4j.cascade.samples.SamplingSpace;
import org.cml4j.cascade.samples.Simulator;
import org.cml4j.cascade.learning.CascadeFeatures;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.cascade.learning.Learning;
import org.cml4j.cascade.learning.Series;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Transfer learning from simulations (e.g. Read et al. 2019, process-guided deep learning;
 * Jia et al. 2021, pretraining on simulated lake temperatures): an MLP emulator mapping forcing
 * features (current forcing, trailing means over 3, 24 and 72 h, time of day) to the targets is
 * pretrained on physics runs over the task's forcing with parameters drawn across their plausible
 * ranges (so it learns the population's response), then fine-tuned on a few observed steps,
 * keeping the pretrained scalers. The same network trained from scratch on the same few steps is
 * the comparison.
 */
public final class SimulationPretraining {
  private SimulationPretraining() {}

  /** Emulator inputs: forcing, trailing means (3, 24 h SWdown; 24, 72 h Tair; 72 h SWdown). */
  public static double[][] features(Frame forcing) {
    return new FeatureTable(forcing).with(CascadeFeatures::forcing)
        .with(CascadeFeatures.trailingMeans(Variables.TAIR, 72))
        .with(CascadeFeatures.trailingMeans(Variables.SWDOWN, 72))
        .with(CascadeFeatures::diurnal).matrix();
  }

  /** A pretrained emulator and what it cost. */
  public record Pretrained(Learner learner, TrainingReport report, int simulations) {}

  /**
   * Pretrains on simulations of the task's targets.
   *
   * @param task task (mechanism, forcing, initial observations, seed, budget)
   * @param targets simulable targets
   * @param samples number of parameter samples
   * @param rowsPerSample random time steps kept from each simulation
   * @param spec network
   * @param threads threads for the simulations
   */
  public static Pretrained pretrain(CouplingTask task, List<String> targets, int samples,
      int rowsPerSample, LearnerSpec spec, int threads) {
    CalibrationProblem problem = CalibrationProblem.from(task);
    Frame forcing = problem.forcing();
    Map<String, Double> guess = problem.guess();
    List<String> fit = problem.fit();
    SamplingSpace space = SamplingSpace.around(task.mechanism(), fit, guess);
    Simulator sim = Simulator.of(task.mechanism(), new ModelInput(forcing, guess, Map.of(),
        targets, problem.initialObservations()));
    SampleSet set = new SampleGenerator(threads).generate(sim, space,
        ParameterSampler.latinHypercube(task.seed()), samples);
    double[][] x = features(forcing);
    Random rnd = new Random(task.seed() + 5);
    int nTrain = (int) Math.round(0.8 * set.size());
    List<double[]> xt = new ArrayList<>();
    List<double[]> yt = new ArrayList<>();
    List<double[]> xv = new ArrayList<>();
    List<double[]> yv = new ArrayList<>();
    int n = forcing.size();
    for (int s = 0; s < set.size(); s++) {
      for (int r = 0; r < rowsPerSample; r++) {
        int t = rnd.nextInt(n);
        double[] y = new double[targets.size()];
        for (int k = 0; k < y.length; k++) {
          y[k] = set.outputs()[s][set.outputIndex(targets.get(k))][t];
        }
        (s < nTrain ? xt : xv).add(x[t]);
        (s < nTrain ? yt : yv).add(y);
      }
    }
    Learner l = Learners.create(spec, x[0].length, targets.size());
    TrainingReport rep = l.fit(xt.toArray(double[][]::new), yt.toArray(double[][]::new),
        xv.toArray(double[][]::new), yv.toArray(double[][]::new));
    return new Pretrained(l, rep, set.size() + set.failures());
  }

  /**
   * One point of a learning curve (RMSE per target on the evaluation rows; NaN for the scratch
   * network on targets without training observations, which it cannot predict).
   */
  public record CurvePoint(int trainSteps, double[] pretrainedOnly, double[] fineTuned,
      double[] scratch) {}

  /**
   * Fine-tunes copies of the pretrained emulator, and trains fresh networks, on the first
   * {@code sizes[i]} training steps; all are scored on rows [evalFrom, evalTo) of {@code truth}.
   */
  public static List<CurvePoint> learningCurve(CouplingTask task, List<String> targets,
      Pretrained pre, int[] sizes, LearnerSpec scratchSpec, int fineTuneEpochs, double fineTuneRate,
      Frame truth, int evalFrom, int evalTo) {
    Frame forcing = CalibrationProblem.fillForcingGaps(task.mechanism(), task.forcing());
    double[][] x = features(forcing);
    double[][] y = Learning.observed(task, targets);
    Learning.Periods s = Learning.periods(task, targets);
    double[][] base = pre.learner().predict(x);
    List<CurvePoint> out = new ArrayList<>();
    for (int size : sizes) {
      int end = Math.min(size, s.trainEnd());
      Learner ft = fineTune(pre.learner(), x, y, end, s.valFrom(), s.valTo(), fineTuneEpochs,
          fineTuneRate);
      int[] cols = observedColumns(y, end);
      Learning.Trained sc = Learning.fit(scratchSpec, x, columns(y, cols), 0, end, s.valFrom(),
          s.valTo());
      double[][] pf = ft.predict(x);
      double[][] ps = new double[x.length][targets.size()];
      double[][] psObs = sc.learner().predict(x);
      for (double[] r : ps) {
        java.util.Arrays.fill(r, Double.NaN);
      }
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < cols.length; j++) {
          ps[i][cols[j]] = psObs[i][j];
        }
      }
      double[] a = new double[targets.size()];
      double[] b = new double[targets.size()];
      double[] c = new double[targets.size()];
      for (int k = 0; k < targets.size(); k++) {
        double[] o = truth.values(targets.get(k));
        a[k] = Metrics.rmse(o, Series.columnOf(base, k), evalFrom, evalTo);
        b[k] = Metrics.rmse(o, Series.columnOf(pf, k), evalFrom, evalTo);
        c[k] = Metrics.rmse(o, Series.columnOf(ps, k), evalFrom, evalTo);
      }
      out.add(new CurvePoint(end, a, b, c));
    }
    return out;
  }

  /**
   * Fine-tuning targets: the observations, where a target has no observation in the training
   * rows [0, end) its column holds the pretrained emulator's own prediction instead (so that
   * output stays anchored to the simulations while the shared layers adapt).
   */
  public static double[][] fineTuneTargets(Learner pretrained, double[][] x, double[][] y,
      int end) {
    double[][] base = null;
    double[][] out = new double[y.length][];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i].clone();
    }
    for (int k = 0; k < y[0].length; k++) {
      boolean any = false;
      for (int i = 0; i < end && !any; i++) {
        any = !Double.isNaN(y[i][k]);
      }
      if (!any) {
        base = base == null ? pretrained.predict(x) : base;
        for (int i = 0; i < y.length; i++) {
          out[i][k] = base[i][k];
        }
      }
    }
    return out;
  }

  /** Columns of {@code y} with at least one value in rows [0, end). */
  public static int[] observedColumns(double[][] y, int end) {
    return java.util.stream.IntStream.range(0, y[0].length).filter(k -> {
      for (int i = 0; i < end; i++) {
        if (!Double.isNaN(y[i][k])) {
          return true;
        }
      }
      return false;
    }).toArray();
  }

  /** The given columns of a matrix. */
  public static double[][] columns(double[][] y, int[] cols) {
    double[][] out = new double[y.length][cols.length];
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        out[i][j] = y[i][cols[j]];
      }
    }
    return out;
  }

  /**
   * A fine-tuned copy: training rows [0, end), validation [valFrom, valTo); unobserved targets
   * are handled by {@link #fineTuneTargets}.
   */
  public static Learner fineTune(Learner pretrained, double[][] x, double[][] y, int end,
      int valFrom, int valTo, int epochs, double rate) {
    Learner ft = pretrained.copy();
    y = fineTuneTargets(pretrained, x, y, end);
    double[][][] tr = Learning.usable(x, y, 0, end);
    double[][][] va = Learning.usable(x, y, valFrom, valTo);
    if (tr[0].length == 0) {
      throw new IllegalArgumentException("no observed target in the first " + end
          + " training steps to fine-tune on");
    }
    if (va[0].length == 0) {
      ft.fineTune(tr[0], tr[1], null, null, epochs, rate);
    } else {
      ft.fineTune(tr[0], tr[1], va[0], va[1], epochs, rate);
    }
    return ft;
  }
}
