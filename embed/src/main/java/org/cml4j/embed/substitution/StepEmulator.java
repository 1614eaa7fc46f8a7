package org.cml4j.embed.substitution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.embed.learning.FastMlp;
import org.cml4j.embed.learning.Ridge;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.RichTrajectory;

/**
 * The whole-step emulator of {@link ColumnEmulatorCoupling}: from the temperatures at the state
 * depths (all but the bottom one, held at Tb) and the forcing at both ends of the hour
 * (Kdown, Ldown, Ta at level k, then at k-1) it predicts the hourly change as a ridge-regression
 * backbone (the linear, stable diffusion part) plus an MLP for the remainder, and is rolled out
 * autoregressively.
 */
final class StepEmulator {
  private final Ridge lin;
  private final FastMlp net;
  private final int nState;
  private final double[] a;
  private final double[] b;

  private StepEmulator(Ridge lin, FastMlp net, int nState) {
    this.lin = lin;
    this.net = net;
    this.nState = nState;
    this.a = new double[nState];
    this.b = new double[nState];
  }

  /** Training pairs (state and forcing -> hourly change) at the given depths. */
  static final class Pairs {
    private final double[] depths;
    private final double inputNoise;
    private final List<double[]> x = new ArrayList<>();
    private final List<double[]> y = new ArrayList<>();

    /**
     * @param depths state depths [m] (the last is the bottom)
     * @param inputNoise standard deviation of the noise added to noisy copies of input states [K]
     */
    Pairs(double[] depths, double inputNoise) {
      this.depths = depths;
      this.inputNoise = inputNoise;
    }

    int size() {
      return x.size();
    }

    /**
     * Adds every step of a reference run; with {@code noise} each step also as a copy whose input
     * state is perturbed (so that the rollout learns to correct its own drift).
     */
    void add(RichTrajectory tr, SurfaceForcing f, Random noise) {
      int nState = depths.length - 1;
      for (int k = 1; k < tr.levels(); k++) {
        double[] prev = tr.profileAt(k - 1, depths);
        double[] next = tr.profileAt(k, depths);
        int copies = noise == null ? 1 : 2;
        for (int c = 0; c < copies; c++) {
          double[] in = new double[nState + 6];
          double[] out = new double[nState];
          for (int j = 0; j < nState; j++) {
            double e = c == 0 ? 0 : inputNoise * noise.nextGaussian();
            in[j] = prev[j] + e;
            out[j] = next[j] - in[j];
          }
          forcing(f, k, in, nState);
          x.add(in);
          y.add(out);
        }
      }
    }
  }

  /** A trained emulator and the network's report. */
  record Trained(StepEmulator emulator, TrainingReport report) {}

  /**
   * Fits the ridge backbone on the training pairs, then the MLP on what it leaves (validation
   * pairs for early stopping).
   */
  static Trained train(Pairs train, Pairs validation, LearnerSpec spec) {
    int nState = train.depths.length - 1;
    double[][] xa = train.x.toArray(double[][]::new);
    double[][] ya = train.y.toArray(double[][]::new);
    double[][] xva = validation.x.toArray(double[][]::new);
    double[][] yva = validation.y.toArray(double[][]::new);
    Ridge lin = Ridge.fit(xa, ya, 1e-3);
    residual(lin, xa, ya);
    residual(lin, xva, yva);
    Learner net = Learners.create(spec, nState + 6, nState);
    TrainingReport rep = net.fit(xa, ya, xva, yva);
    return new Trained(new StepEmulator(lin, FastMlp.of(net), nState), rep);
  }

  private static void residual(Ridge lin, double[][] x, double[][] y) {
    double[] p = new double[y[0].length];
    for (int i = 0; i < x.length; i++) {
      lin.predict(x[i], p);
      for (int j = 0; j < p.length; j++) {
        y[i][j] -= p[j];
      }
    }
  }

  private static void forcing(SurfaceForcing f, int k, double[] in, int off) {
    in[off] = f.kdown()[k];
    in[off + 1] = f.ldown()[k];
    in[off + 2] = f.ta()[k];
    in[off + 3] = f.kdown()[k - 1];
    in[off + 4] = f.ldown()[k - 1];
    in[off + 5] = f.ta()[k - 1];
  }

  private void predict(double[] in, double[] out) {
    lin.predict(in, a);
    net.predict(in, b);
    for (int j = 0; j < out.length; j++) {
      out[j] = a[j] + b[j];
    }
  }

  /** Autoregressive rollout from {@code x0}; profiles [level][depth], bottom fixed. */
  double[][] rollout(double[] x0, SurfaceForcing f) {
    double[][] s = new double[f.length()][];
    s[0] = x0.clone();
    double[] in = new double[nState + 6];
    double[] out = new double[nState];
    for (int k = 1; k < s.length; k++) {
      System.arraycopy(s[k - 1], 0, in, 0, nState);
      forcing(f, k, in, nState);
      predict(in, out);
      double[] next = s[k - 1].clone();
      for (int j = 0; j < nState; j++) {
        next[j] += out[j];
        if (!Double.isFinite(next[j])) {
          throw new IllegalStateException(ColumnEmulatorCoupling.NAME + ": rollout diverged at"
              + " step " + k);
        }
      }
      s[k] = next;
    }
    return s;
  }

  /** Spectral radius of the backbone's state map {@code x -> x + A x} (below 1 = stable). */
  double spectralRadius() {
    double[][] m = new double[nState][nState];
    for (int i = 0; i < nState; i++) {
      for (int j = 0; j < nState; j++) {
        m[i][j] = (i == j ? 1 : 0) + lin.derivative(j, i);
      }
    }
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(m, false));
    double r = 0;
    for (int i = 0; i < nState; i++) {
      r = Math.max(r, Math.hypot(e.getRealEigenvalues()[i], e.getImagEigenvalues()[i]));
    }
    return r;
  }
}
