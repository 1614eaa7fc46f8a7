package org.cml4j.cascade.learning;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.Variables;

/**
 * Builds the learners' input matrix [t][feature] of the cascade couplings from named series:
 * physics outputs, forcing, trailing means of forcing (memory the network would otherwise
 * lack) and the diurnal harmonics of {@link TimeFeatures}. Every column is finite (NaN inputs are
 * rejected naming the variable and step).
 */
public final class FeatureBuilder {
  private final Frame axis;
  private final List<double[]> columns = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  /** A builder on the axis of {@code axis}. */
  public FeatureBuilder(Frame axis) {
    this.axis = axis;
  }

  /** Adds every named variable of a frame (same axis). */
  public FeatureBuilder add(Frame f, List<String> vars, String prefix) {
    for (String v : vars) {
      add(prefix + v, f.values(v));
    }
    return this;
  }

  /** Adds one column. */
  public FeatureBuilder add(String name, double[] v) {
    if (v.length != axis.size()) {
      throw new IllegalArgumentException("feature " + name + " has " + v.length + " steps, axis "
          + axis.size());
    }
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("feature " + name + " is " + v[i] + " at step " + i
            + "; fill gaps before building features");
      }
    }
    columns.add(v.clone());
    names.add(name);
    return this;
  }

  /** Adds the trailing mean over {@code window} steps (shorter at the start). */
  public FeatureBuilder addTrailingMean(String name, double[] v, int window) {
    double[] m = new double[v.length];
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i];
      if (i >= window) {
        s -= v[i - window];
      }
      m[i] = s / Math.min(i + 1, window);
    }
    return add(name + ".mean" + window, m);
  }

  /** Adds SWdown, LWdown, Tair and trailing means of SWdown (3 h, 24 h) and Tair (24 h). */
  public FeatureBuilder addForcing(Frame forcing) {
    double[] sw = forcing.values(Variables.SWDOWN);
    double[] ta = forcing.values(Variables.TAIR);
    add(Variables.SWDOWN, sw).add(Variables.LWDOWN, forcing.values(Variables.LWDOWN))
        .add(Variables.TAIR, ta);
    addTrailingMean(Variables.SWDOWN, sw, 3).addTrailingMean(Variables.SWDOWN, sw, 24);
    return addTrailingMean(Variables.TAIR, ta, 24);
  }

  /** Adds the four diurnal harmonics. */
  public FeatureBuilder addDiurnal() {
    double[][] d = TimeFeatures.diurnal(axis);
    String[] n = {"sin24", "cos24", "sin12", "cos12"};
    for (int j = 0; j < n.length; j++) {
      add(n[j], Series.columnOf(d, j));
    }
    return this;
  }

  /** Feature names in column order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** The matrix [t][feature]. */
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
}
