package org.cml4j.fuse.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cml4j.core.vars.Frame;

/**
 * How the network's input matrix is built from the task's forcing (and auxiliary) frames: for each
 * forcing variable its current value and causal exponential moving averages with the given time
 * constants (a cheap memory for a feed-forward net: soil temperature integrates past forcing), the
 * hour of day as a sine/cosine pair, and auxiliary variables (e.g. physics outputs, mode 7) as they
 * are. Every feature at row t depends on forcing up to t only.
 *
 * @param forcing forcing variables to use (each must be in the forcing frame, complete)
 * @param emaHours time constants of the moving averages [h]; may be empty
 * @param hourOfDay whether to add sin/cos of the UTC hour of day
 * @param auxiliary auxiliary variables appended unchanged
 */
public record FeatureSpec(List<String> forcing, double[] emaHours, boolean hourOfDay,
    List<String> auxiliary) {
  public FeatureSpec {
    forcing = List.copyOf(forcing);
    auxiliary = List.copyOf(auxiliary);
    emaHours = emaHours.clone();
    for (double h : emaHours) {
      if (!(h > 0)) {
        throw new IllegalArgumentException("moving-average time constants must be > 0 h, got "
            + Arrays.toString(emaHours));
      }
    }
    if (forcing.isEmpty() && auxiliary.isEmpty() && !hourOfDay) {
      throw new IllegalArgumentException("feature spec selects no input at all");
    }
  }

  /** The given forcing variables with 6, 24 and 72 h moving averages and the hour of day. */
  public static FeatureSpec standard(List<String> forcing) {
    return new FeatureSpec(forcing, new double[] {6, 24, 72}, true, List.of());
  }

  /** Same spec with auxiliary inputs appended. */
  public FeatureSpec withAuxiliary(List<String> aux) {
    return new FeatureSpec(forcing, emaHours, hourOfDay, aux);
  }

  @Override
  public double[] emaHours() {
    return emaHours.clone();
  }

  /** Names of the feature columns, in order. */
  public List<String> columns() {
    List<String> names = new ArrayList<>();
    for (String v : forcing) {
      names.add(v);
      for (double h : emaHours) {
        names.add(String.format(Locale.ROOT, "%s_ema%.0fh", v, h));
      }
    }
    if (hourOfDay) {
      names.add("hour_sin");
      names.add("hour_cos");
    }
    names.addAll(auxiliary);
    return names;
  }

  /**
   * The feature matrix [time][column]. Fails naming the variable and record if a forcing or
   * auxiliary value is missing.
   */
  public double[][] matrix(Frame forcingFrame, Frame auxFrame) {
    int n = forcingFrame.size();
    List<double[]> cols = new ArrayList<>();
    double stepHours = forcingFrame.stepSeconds() / 3600.0;
    for (String v : forcing) {
      double[] x = complete(forcingFrame, v, "forcing");
      cols.add(x);
      for (double h : emaHours) {
        double a = 1 - Math.exp(-stepHours / h);
        double[] e = new double[n];
        e[0] = x[0];
        for (int i = 1; i < n; i++) {
          e[i] = e[i - 1] + a * (x[i] - e[i - 1]);
        }
        cols.add(e);
      }
    }
    if (hourOfDay) {
      long[] t = forcingFrame.times();
      double[] s = new double[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        double hour = Math.floorMod(t[i], 86400L) / 3600.0;
        s[i] = Math.sin(2 * Math.PI * hour / 24);
        c[i] = Math.cos(2 * Math.PI * hour / 24);
      }
      cols.add(s);
      cols.add(c);
    }
    for (String v : auxiliary) {
      if (!auxFrame.has(v)) {
        throw new IllegalArgumentException("auxiliary input " + v + " is not available; the task's"
            + " auxiliary frame has " + auxFrame.names());
      }
      cols.add(complete(auxFrame, v, "auxiliary input"));
    }
    double[][] m = new double[n][cols.size()];
    for (int j = 0; j < cols.size(); j++) {
      double[] c = cols.get(j);
      for (int i = 0; i < n; i++) {
        m[i][j] = c[i];
      }
    }
    return m;
  }

  private static double[] complete(Frame f, String v, String what) {
    if (!f.has(v)) {
      throw new IllegalArgumentException(what + " " + v + " is not in the frame; it has "
          + f.names());
    }
    double[] x = f.values(v);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(what + " " + v + " is missing (" + x[i]
            + ") at record " + i + "; network inputs must be complete over the whole period");
      }
    }
    return x;
  }
}
