package org.cml4j.fuse.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.core.vars.Frame;

/**
 * The fusion networks' feature set on {@link FeatureTable}: for each forcing variable its current
 * value and causal exponential moving averages with the given time constants (a cheap memory for
 * a feed-forward net: soil temperature integrates past forcing), the hour of day as a sine/cosine
 * pair, and auxiliary variables (e.g. physics outputs, mode 7) as they are. Every feature at row t
 * depends on forcing up to t only.
 *
 * @param forcing forcing variables to use (each must be in the forcing frame, complete)
 * @param emaHours time constants of the moving averages [h]; may be empty
 * @param hourOfDay whether to add sin/cos of the UTC hour of day
 * @param auxiliary auxiliary variables appended unchanged
 */
public record FeatureSpec(List<String> forcing, double[] emaHours, boolean hourOfDay,
    List<String> auxiliary) {
  private static final String GAPS = "network inputs must be complete over the whole period";

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
    Frame none = Frame.regular(0, 3600);
    return table(none, v -> new double[0], v -> new double[0]).names();
  }

  /**
   * The feature matrix [time][column]. Fails naming the variable and record if a forcing or
   * auxiliary value is missing.
   */
  public double[][] matrix(Frame forcingFrame, Frame auxFrame) {
    for (String v : auxiliary) {
      if (!auxFrame.has(v)) {
        throw new IllegalArgumentException("auxiliary input " + v + " is not available; the task's"
            + " auxiliary frame has " + auxFrame.names());
      }
    }
    return table(forcingFrame, v -> present(forcingFrame, v), auxFrame::values).matrix();
  }

  private FeatureTable table(Frame axis, Function<String, double[]> forcingValues,
      Function<String, double[]> auxValues) {
    FeatureTable t = FeatureTable.rejectingGaps(axis, GAPS);
    for (String v : forcing) {
      double[] x = forcingValues.apply(v);
      t.add(v, x);
      for (double h : emaHours) {
        t.addMovingAverage(String.format(Locale.ROOT, "%s_ema%.0fh", v, h), x, h);
      }
    }
    if (hourOfDay) {
      t.addHourOfDay("hour_sin", "hour_cos");
    }
    for (String v : auxiliary) {
      t.add(v, auxValues.apply(v));
    }
    return t;
  }

  private static double[] present(Frame f, String v) {
    if (!f.has(v)) {
      throw new IllegalArgumentException("forcing " + v + " is not in the frame; it has "
          + f.names());
    }
    return f.values(v);
  }
}
