package org.cml4j.core.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.vars.Frame;

/**
 * The one builder of learners' input matrices [time step][feature] from named series on a time
 * axis: columns of frames, trailing means and causal exponential moving averages (memory for a
 * feed-forward network: soil temperature and ground heat flux integrate past forcing), the hour of
 * day and the diurnal harmonics of {@link DayCycle}, in the order they are added. Every couplings'
 * feature set is a recipe on it ({@link #with}).
 *
 * <p>Gaps: by default a non-finite value is rejected naming the feature, the step and what to do
 * about it; {@link #allowingGaps} keeps NaN (for learners that drop incomplete rows). Running
 * statistics of a column with gaps are NaN where their window holds one.
 */
public final class FeatureTable {
  private final Frame axis;
  private final String gapHint;
  private final List<double[]> columns = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  private FeatureTable(Frame axis, String gapHint) {
    this.axis = axis;
    this.gapHint = gapHint;
  }

  /** A table on the axis of {@code axis} rejecting gaps ("fill gaps before building features"). */
  public FeatureTable(Frame axis) {
    this(axis, "fill gaps before building features");
  }

  /** A table rejecting gaps with {@code hint} (what to do) in the error message. */
  public static FeatureTable rejectingGaps(Frame axis, String hint) {
    return new FeatureTable(axis, hint);
  }

  /** A table keeping NaN values. */
  public static FeatureTable allowingGaps(Frame axis) {
    return new FeatureTable(axis, null);
  }

  /** The time axis. */
  public Frame axis() {
    return axis;
  }

  /** Applies a recipe (a coupling's feature set) to this table. */
  public FeatureTable with(UnaryOperator<FeatureTable> recipe) {
    return recipe.apply(this);
  }

  /** Adds one column. */
  public FeatureTable add(String name, double[] v) {
    if (v.length != axis.size()) {
      throw new IllegalArgumentException("feature " + name + " has " + v.length + " steps, axis "
          + axis.size());
    }
    for (int i = 0; gapHint != null && i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("feature " + name + " is " + v[i] + " at step " + i
            + "; " + gapHint);
      }
    }
    columns.add(v.clone());
    names.add(name);
    return this;
  }

  /** Adds the named variables of a frame on the same axis, named {@code prefix + variable}. */
  public FeatureTable add(Frame f, Iterable<String> vars, String prefix) {
    for (String v : vars) {
      add(prefix + v, f.values(v));
    }
    return this;
  }

  /** Adds the trailing mean of {@code v} over {@code window} steps (shorter at the start). */
  public FeatureTable addTrailingMean(String name, double[] v, int window) {
    double[] m = new double[v.length];
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i];
      if (i >= window) {
        s -= v[i - window];
      }
      m[i] = s / Math.min(i + 1, window);
    }
    return add(name, m);
  }

  /** Adds the trailing mean over {@code hours} (rounded to whole steps, at least one). */
  public FeatureTable addTrailingMeanHours(String name, double[] v, double hours) {
    return addTrailingMean(name, v, Math.max(1, (int) Math.round(hours / stepHours())));
  }

  /**
   * Adds the causal exponential moving average with time constant {@code hours}: {@code e_0 =
   * v_0}, {@code e_i = e_(i-1) + a (v_i - e_(i-1))}, {@code a = 1 - exp(-step / hours)}.
   */
  public FeatureTable addMovingAverage(String name, double[] v, double hours) {
    double a = 1 - Math.exp(-stepHours() / hours);
    double[] e = new double[v.length];
    if (v.length > 0) {
      e[0] = v[0];
    }
    for (int i = 1; i < v.length; i++) {
      e[i] = e[i - 1] + a * (v[i] - e[i - 1]);
    }
    return add(name, e);
  }

  /** Adds sin and cos of the hour of day ({@link DayCycle#sinHour}, {@link DayCycle#cosHour}). */
  public FeatureTable addHourOfDay(String sinName, String cosName) {
    long[] t = axis.times();
    double[] s = new double[t.length];
    double[] c = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      double h = DayCycle.hour(t[i]);
      s[i] = DayCycle.sinHour(h);
      c[i] = DayCycle.cosHour(h);
    }
    return add(sinName, s).add(cosName, c);
  }

  /**
   * Adds the diurnal harmonics of {@link DayCycle#harmonics}: {@code names} holds sin and cos
   * names of the 24 h cycle, then of the 12 h cycle, and so on.
   */
  public FeatureTable addDiurnal(String... names) {
    if (names.length == 0 || names.length % 2 != 0) {
      throw new IllegalArgumentException("diurnal harmonics need sin/cos name pairs, got "
          + Arrays.toString(names));
    }
    double[][] d = DayCycle.harmonics(axis.times(), names.length / 2);
    for (int j = 0; j < names.length; j++) {
      double[] c = new double[d.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = d[i][j];
      }
      add(names[j], c);
    }
    return this;
  }

  /** Feature names in column order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** Number of columns. */
  public int width() {
    return columns.size();
  }

  /** The matrix [step][feature]. */
  public double[][] matrix() {
    double[][] x = new double[axis.size()][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      double[] c = columns.get(j);
      for (int i = 0; i < c.length; i++) {
        x[i][j] = c[i];
      }
    }
    return x;
  }

  /** The z-score transform of every column fitted on steps [0, fitEnd) ({@link Standardizer}). */
  public Standardizer standardizer(int fitEnd) {
    return Standardizer.fit(Arrays.copyOf(matrix(), fitEnd), "features " + names);
  }

  private double stepHours() {
    return axis.stepSeconds() / 3600.0;
  }
}
