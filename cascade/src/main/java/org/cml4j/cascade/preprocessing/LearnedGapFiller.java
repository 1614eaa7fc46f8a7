package org.cml4j.cascade.preprocessing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.cascade.learning.Series;
import org.cml4j.core.features.DayCycle;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.vars.Frame;

/**
 * A learned gap-filler for hourly series (forcing or observations), trained on the series itself
 * by masking: artificial gaps of 1 to {@code maxGap} steps are cut into stretches of valid data,
 * and an MLP learns to predict the hidden values from what a filler knows inside a gap — the
 * linear interpolation across it, the relative position in the gap and its length, the same
 * variable 24 h before and after (diurnal persistence), the time of day, and the other variables
 * of the frame (linearly filled). Held-out artificial gaps (a separate seed) score the learned
 * filler against plain linear interpolation; a variable is filled by the network only if it wins
 * there, otherwise linearly. Filled values are clipped to the range observed for the variable.
 * Cf. the marginal distribution sampling and ANN gap-filling of eddy-covariance data (Reichstein
 * et al. 2005; Moffat et al. 2007).
 */
public final class LearnedGapFiller {
  private final int maxGap;
  private final int examples;
  private final LearnerSpec spec;
  private final long seed;

  /**
   * @param maxGap longest artificial gap in steps (>= 1)
   * @param examples artificial gaps to train on (>= 10)
   * @param spec network settings
   * @param seed seed of the artificial gaps
   */
  public LearnedGapFiller(int maxGap, int examples, LearnerSpec spec, long seed) {
    if (maxGap < 1 || examples < 10) {
      throw new IllegalArgumentException("gap filler needs maxGap >= 1 and examples >= 10, got "
          + maxGap + ", " + examples);
    }
    this.maxGap = maxGap;
    this.examples = examples;
    this.spec = spec;
    this.seed = seed;
  }

  /**
   * Per-variable outcome.
   *
   * @param missing values that were missing
   * @param learnedRmse RMSE of the network on held-out artificial gaps
   * @param linearRmse RMSE of linear interpolation on the same gaps
   * @param usedLearned whether the network filled the variable
   */
  public record VariableReport(int missing, double learnedRmse, double linearRmse,
      boolean usedLearned) {}

  /** The filled frame and a report per filled variable. */
  public record Filled(Frame frame, Map<String, VariableReport> reports) {}

  /** Fills every NaN of the named variables of {@code frame} (other variables are context). */
  public Filled fill(Frame frame, List<String> variables) {
    Frame out = frame;
    Map<String, VariableReport> reports = new LinkedHashMap<>();
    Map<String, double[]> linear = new LinkedHashMap<>();
    for (String v : frame.names()) {
      double[] x = frame.values(v);
      if (Series.countMissing(x) < x.length) {
        linear.put(v, Series.interpolateGaps(x, "variable " + v));
      }
    }
    double[][] diurnal = DayCycle.harmonics(frame.times(), 2);
    for (String v : variables) {
      double[] x = frame.values(v);
      int missing = Series.countMissing(x);
      if (missing == 0) {
        continue;
      }
      if (missing > x.length - 48) {
        throw new IllegalArgumentException("variable " + v + " has only " + (x.length - missing)
            + " valid values of " + x.length + "; the gap filler needs at least 48");
      }
      List<double[]> context = new ArrayList<>();
      for (var e : linear.entrySet()) {
        if (!e.getKey().equals(v)) {
          context.add(e.getValue());
        }
      }
      out = out.replace(frame.spec(v), fillOne(v, x, context, diurnal, reports));
    }
    return new Filled(out, reports);
  }

  private double[] fillOne(String name, double[] x, List<double[]> context, double[][] diurnal,
      Map<String, VariableReport> reports) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double[] lin = Series.interpolateGaps(x, name);
    Rows train = artificial(x, lin, context, diurnal, examples, seed);
    Rows held = artificial(x, lin, context, diurnal, Math.max(10, examples / 4), seed + 7777);
    Learner l = Learners.create(spec, train.x.get(0).length, 1);
    l.fit(train.xs(), train.ys(), held.xs(), held.ys());
    double[][] ph = l.predict(held.xs());
    double se = 0;
    double sl = 0;
    for (int i = 0; i < held.y.size(); i++) {
      double yv = held.y.get(i)[0];
      double p = Math.max(lo, Math.min(hi, ph[i][0]));
      se += (p - yv) * (p - yv);
      sl += (held.lin.get(i) - yv) * (held.lin.get(i) - yv);
    }
    double learnedRmse = Math.sqrt(se / held.y.size());
    double linearRmse = Math.sqrt(sl / held.y.size());
    boolean use = learnedRmse < linearRmse;
    int missing = Series.countMissing(x);
    reports.put(name, new VariableReport(missing, learnedRmse, linearRmse, use));
    if (!use) {
      return lin;
    }
    double[] out = x.clone();
    int i = 0;
    while (i < x.length) {
      if (!Double.isNaN(x[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < x.length && Double.isNaN(x[j])) {
        j++;
      }
      List<double[]> rows = new ArrayList<>();
      for (int t = i; t < j; t++) {
        rows.add(features(t, i, j, lin, lin, context, diurnal));
      }
      double[][] p = l.predict(rows.toArray(double[][]::new));
      for (int t = i; t < j; t++) {
        out[t] = Math.max(lo, Math.min(hi, p[t - i][0]));
      }
      i = j;
    }
    return out;
  }

  private record Rows(List<double[]> x, List<double[]> y, List<Double> lin) {
    double[][] xs() {
      return x.toArray(double[][]::new);
    }

    double[][] ys() {
      return y.toArray(double[][]::new);
    }
  }

  private Rows artificial(double[] x, double[] lin, List<double[]> context, double[][] diurnal,
      int count, long s) {
    Random rnd = new Random(s);
    Rows r = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int n = x.length;
    int made = 0;
    for (int attempt = 0; attempt < count * 50 && made < count; attempt++) {
      int len = 1 + rnd.nextInt(maxGap);
      int a = 1 + rnd.nextInt(Math.max(1, n - len - 2));
      boolean ok = a + len < n;
      for (int t = a - 1; ok && t <= a + len; t++) {
        ok = !Double.isNaN(x[t]);
      }
      if (!ok) {
        continue;
      }
      double[] masked = lin.clone();
      for (int t = a; t < a + len; t++) {
        masked[t] = x[a - 1] + (x[a + len] - x[a - 1]) * (t - a + 1) / (double) (len + 1);
      }
      for (int t = a; t < a + len; t++) {
        r.x.add(features(t, a, a + len, masked, lin, context, diurnal));
        r.y.add(new double[] {x[t]});
        r.lin.add(masked[t]);
      }
      made++;
    }
    if (made < 5) {
      throw new IllegalArgumentException("too few stretches of valid data to train the gap filler"
          + " (" + made + " artificial gaps placed)");
    }
    return r;
  }

  private double[] features(int t, int gapStart, int gapEnd, double[] masked, double[] lin,
      List<double[]> context, double[][] diurnal) {
    int n = masked.length;
    double[] f = new double[4 + 6 + context.size()];
    System.arraycopy(diurnal[t], 0, f, 0, 4);
    int len = gapEnd - gapStart;
    f[4] = masked[t];
    f[5] = (t - gapStart + 1) / (double) (len + 1);
    f[6] = len / (double) maxGap;
    f[7] = t >= 24 ? lin[t - 24] : masked[t];
    f[8] = t + 24 < n ? lin[t + 24] : masked[t];
    f[9] = 0.5 * (f[7] + f[8]) - masked[t];
    for (int c = 0; c < context.size(); c++) {
      f[10 + c] = context.get(c)[t];
    }
    return f;
  }
}
