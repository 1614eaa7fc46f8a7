package org.cml4j.cascade.postprocessing;

import java.util.Arrays;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.learn.TrainingReport;
import org.cml4j.core.optim.Adam;

/**
 * Learned, input-dependent weights for combining ensemble members (a mixture of experts, Jacobs et
 * al. 1991, with fixed experts): a gating MLP maps features x(t) to logits z(t)[k][m], the weights
 * are {@code w = softmax_m(z[k])} and the combined prediction of target k is
 * {@code sum_m w[k][m] y_m,k(t)}. Trained by full-batch Adam on the mean squared error of each
 * target (scaled by its variance), using the learner's exact {@link Learner#backprop} with the
 * hand-derived softmax-mixture gradient; a small penalty on the logits pulls the weights towards
 * the plain mean where the data say nothing. Early stopping on the validation rows restores the
 * best parameters.
 */
public final class GatedEnsemble {
  private static final double LOGIT_PENALTY = 1e-3;
  private final Learner gate;
  private final int members;
  private final int targets;
  private final TrainingReport report;

  private GatedEnsemble(Learner gate, int members, int targets, TrainingReport report) {
    this.gate = gate;
    this.members = members;
    this.targets = targets;
    this.report = report;
  }

  /**
   * Trains a gate.
   *
   * @param spec gating network (hidden layers, seed; epochs = Adam steps, patience in steps)
   * @param x features [t][f] (finite)
   * @param y member predictions [t][k][m] (finite)
   * @param obs observations [t][k] (NaN = missing)
   * @param trainRows rows to fit on
   * @param valRows rows for early stopping (may be empty)
   * @param learningRate Adam step size
   */
  public static GatedEnsemble train(LearnerSpec spec, double[][] x, double[][][] y,
      double[][] obs, int[] trainRows, int[] valRows, double learningRate) {
    int nk = y[0].length;
    int nm = y[0][0].length;
    Learner gate = Learners.create(spec, x[0].length, nk * nm);
    gate.setScalers(Standardizer.fit(pick(x, trainRows), "gate features"),
        Standardizer.identity(nk * nm));
    double[] var = new double[nk];
    for (int k = 0; k < nk; k++) {
      double s = 0;
      double s2 = 0;
      int n = 0;
      for (int t : trainRows) {
        if (!Double.isNaN(obs[t][k])) {
          s += obs[t][k];
          s2 += obs[t][k] * obs[t][k];
          n++;
        }
      }
      var[k] = n < 2 ? 1 : Math.max(1e-12, s2 / n - (s / n) * (s / n));
    }
    double[] p = gate.params();
    Adam adam = Adam.uniform(Adam.Settings.pytorchDecimal(), p.length, learningRate);
    int epochs = spec.maxEpochs();
    double[] tl = new double[epochs];
    double[] vl = new double[epochs];
    Arrays.fill(vl, Double.NaN);
    double best = Double.POSITIVE_INFINITY;
    double[] bestP = p.clone();
    int bestEpoch = 0;
    int since = 0;
    double[][] xt = pick(x, trainRows);
    double[][] xv = pick(x, valRows);
    int e = 0;
    boolean stopped = false;
    long t0 = System.nanoTime();
    for (; e < epochs; e++) {
      double[][] z = gate.predict(xt);
      double[][] dz = new double[xt.length][nk * nm];
      tl[e] = lossAndGradient(z, y, obs, trainRows, var, nk, nm, dz);
      double[] g = gate.backprop(xt, dz);
      adam.stepAt(e + 1, p, g);
      gate.setParams(p);
      double score = tl[e];
      if (valRows.length > 0) {
        vl[e] = lossAndGradient(gate.predict(xv), y, obs, valRows, var, nk, nm, null);
        score = vl[e];
      }
      if (score < best) {
        best = score;
        bestP = p.clone();
        bestEpoch = e + 1;
        since = 0;
      } else if (spec.patience() > 0 && ++since >= spec.patience()) {
        e++;
        stopped = true;
        break;
      }
    }
    gate.setParams(bestP);
    return new GatedEnsemble(gate, nm, nk, new TrainingReport(e, bestEpoch, Arrays.copyOf(tl, e),
        Arrays.copyOf(vl, e), (System.nanoTime() - t0) * 1e-9, stopped));
  }

  /** Weights [t][k][m] for the feature rows. */
  public double[][][] weights(double[][] x) {
    double[][] z = gate.predict(x);
    double[][][] w = new double[x.length][targets][];
    for (int t = 0; t < x.length; t++) {
      for (int k = 0; k < targets; k++) {
        w[t][k] = softmax(z[t], k * members, members);
      }
    }
    return w;
  }

  /** Combined predictions [t][k]. */
  public double[][] combine(double[][] x, double[][][] y) {
    double[][][] w = weights(x);
    double[][] out = new double[x.length][targets];
    for (int t = 0; t < x.length; t++) {
      for (int k = 0; k < targets; k++) {
        for (int mi = 0; mi < members; mi++) {
          out[t][k] += w[t][k][mi] * y[t][k][mi];
        }
      }
    }
    return out;
  }

  /**
   * The gate's training: loss per epoch (each target's mean squared error divided by its variance,
   * averaged over targets, plus the small logit penalty; dimensionless), the kept (best
   * validation) epoch, whether patience stopped it, and the wall-clock seconds.
   */
  public TrainingReport report() {
    return report;
  }

  private static double lossAndGradient(double[][] z, double[][][] y, double[][] obs, int[] rows,
      double[] var, int nk, int nm, double[][] dz) {
    double loss = 0;
    int[] count = new int[nk];
    for (int t : rows) {
      for (int k = 0; k < nk; k++) {
        count[k] += Double.isNaN(obs[t][k]) ? 0 : 1;
      }
    }
    for (int r = 0; r < rows.length; r++) {
      int t = rows[r];
      for (int k = 0; k < nk; k++) {
        double[] w = softmax(z[r], k * nm, nm);
        for (int mi = 0; mi < nm; mi++) {
          double zz = z[r][k * nm + mi];
          loss += LOGIT_PENALTY * zz * zz / (rows.length * nm);
          if (dz != null) {
            dz[r][k * nm + mi] += 2 * LOGIT_PENALTY * zz / (rows.length * nm);
          }
        }
        if (Double.isNaN(obs[t][k]) || count[k] == 0) {
          continue;
        }
        double pred = 0;
        for (int mi = 0; mi < nm; mi++) {
          pred += w[mi] * y[t][k][mi];
        }
        double err = pred - obs[t][k];
        double scale = 1.0 / (count[k] * var[k] * nk);
        loss += err * err * scale;
        if (dz != null) {
          for (int mi = 0; mi < nm; mi++) {
            dz[r][k * nm + mi] += 2 * err * scale * w[mi] * (y[t][k][mi] - pred);
          }
        }
      }
    }
    return loss;
  }

  private static double[] softmax(double[] z, int from, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[from + i]);
    }
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Math.exp(z[from + i] - max);
      s += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    return w;
  }

  private static double[][] pick(double[][] x, int[] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = x[rows[i]];
    }
    return out;
  }
}
