package org.cml4j.cascade.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.cascade.samples.SampleSet;
import org.cml4j.cascade.samples.SamplingSpace;
import org.cml4j.core.features.SeriesFeatures;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;

/**
 * Learned initialisation of an inversion (amortised inference, cf. Cranmer, Brehmer &amp; Louppe
 * 2020): an MLP trained on physics-generated samples ({@link SampleSet}) maps cheap
 * {@link SeriesFeatures} of the observed series (means, diurnal amplitudes and their ratios,
 * phase lags between depths) to the parameters, in the unit-cube coordinates of the sampling
 * space. Its estimate — or starts scattered around it by the network's own held-out error — seeds
 * a gradient or Levenberg–Marquardt inversion, replacing random starts.
 */
public final class LearnedInitialiser {
  private final Learner net;
  private final SamplingSpace space;
  private final List<String> outputs;
  private final int from;
  private final int to;
  private final double stepHours;
  private final double[] heldOutError;
  private final TrainingReport report;

  private LearnedInitialiser(Learner net, SamplingSpace space, List<String> outputs, int from,
      int to, double stepHours, double[] heldOutError, TrainingReport report) {
    this.net = net;
    this.space = space;
    this.outputs = outputs;
    this.from = from;
    this.to = to;
    this.stepHours = stepHours;
    this.heldOutError = heldOutError;
    this.report = report;
  }

  /**
   * Trains on samples; the last 20 % of the samples are held out for early stopping and for the
   * error estimate.
   *
   * @param samples physics-generated samples
   * @param outputs the sample outputs that will be observed, in the order observations will be
   *     given (the first is the phase reference)
   * @param from first step of the feature window
   * @param to end of the feature window (exclusive)
   * @param stepHours step in hours
   * @param noise standard deviation of Gaussian noise added to the sample series before computing
   *     features (the observations' noise level; 0 for none)
   * @param spec network settings
   */
  public static LearnedInitialiser train(SampleSet samples, List<String> outputs, int from, int to,
      double stepHours, double noise, LearnerSpec spec) {
    int n = samples.size();
    if (n < 20) {
      throw new IllegalArgumentException("learned initialisation needs at least 20 samples, got "
          + n + " (" + samples.failures() + " failed)");
    }
    Random rnd = new Random(spec.seed() + 11);
    double[][] x = new double[n][];
    double[][] y = samples.unitParameters();
    for (int s = 0; s < n; s++) {
      List<double[]> series = new ArrayList<>();
      for (String o : outputs) {
        double[] v = samples.output(s, o);
        if (noise > 0) {
          for (int i = 0; i < v.length; i++) {
            v[i] += noise * rnd.nextGaussian();
          }
        }
        series.add(v);
      }
      x[s] = SeriesFeatures.of(series, from, to, stepHours);
    }
    int nTrain = (int) Math.round(0.8 * n);
    double[][] xt = java.util.Arrays.copyOfRange(x, 0, nTrain);
    double[][] yt = java.util.Arrays.copyOfRange(y, 0, nTrain);
    double[][] xv = java.util.Arrays.copyOfRange(x, nTrain, n);
    double[][] yv = java.util.Arrays.copyOfRange(y, nTrain, n);
    Learner net = Learners.create(spec, x[0].length, y[0].length);
    TrainingReport r = net.fit(xt, yt, xv, yv);
    double[][] pv = net.predict(xv);
    double[] err = new double[y[0].length];
    for (int j = 0; j < err.length; j++) {
      double s2 = 0;
      for (int i = 0; i < pv.length; i++) {
        s2 += (pv[i][j] - yv[i][j]) * (pv[i][j] - yv[i][j]);
      }
      err[j] = Math.sqrt(s2 / pv.length);
    }
    return new LearnedInitialiser(net, samples.space(), List.copyOf(outputs), from, to, stepHours,
        err, r);
  }

  /** The parameter estimate (physical values, order of the sampling space) from observations. */
  public double[] estimate(List<double[]> observed) {
    double[] u = net.predict(new double[][] {features(observed)})[0];
    for (int j = 0; j < u.length; j++) {
      u[j] = Math.max(0, Math.min(1, u[j]));
    }
    return space.fromUnit(u);
  }

  /**
   * {@code n} starts: the estimate first, then Gaussian perturbations of it in unit-cube
   * coordinates with the held-out error as standard deviation (clipped to the cube).
   */
  public List<double[]> starts(List<double[]> observed, int n, long seed) {
    double[] u0 = space.toUnit(estimate(observed));
    Random rnd = new Random(seed);
    List<double[]> out = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      double[] u = u0.clone();
      if (s > 0) {
        for (int j = 0; j < u.length; j++) {
          u[j] = Math.max(0, Math.min(1, u[j] + heldOutError[j] * rnd.nextGaussian()));
        }
      }
      out.add(space.fromUnit(u));
    }
    return out;
  }

  private double[] features(List<double[]> observed) {
    if (observed.size() != outputs.size()) {
      throw new IllegalArgumentException("learned initialiser was trained on " + outputs
          + " but got " + observed.size() + " observed series");
    }
    return SeriesFeatures.of(observed, from, to, stepHours);
  }

  /** Held-out RMSE of each parameter in unit-cube coordinates (0.1 = 10 % of its range). */
  public double[] heldOutError() {
    return heldOutError.clone();
  }

  /** The parameter space the samples were drawn from (estimates are in its order and units). */
  public SamplingSpace space() {
    return space;
  }

  /** The network's training (losses per epoch, kept epoch). */
  public TrainingReport report() {
    return report;
  }
}
