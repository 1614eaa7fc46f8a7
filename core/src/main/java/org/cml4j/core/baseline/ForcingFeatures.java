package org.cml4j.core.baseline;

import java.util.List;
import java.util.function.Function;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.core.vars.Frame;

/**
 * The baselines' feature set on {@link FeatureTable}: the forcing variables, the time of day as
 * sin/cos, and trailing running means over 6 h, 24 h and 72 h (soil temperature and ground heat
 * flux respond to the recent history of radiation and air temperature, so a memoryless network
 * needs them). Rows are time steps; the first rows use the history available so far. Gaps are
 * kept (NaN), for learners that drop incomplete rows.
 */
public final class ForcingFeatures {
  /** Running-mean windows in hours. */
  public static final int[] WINDOWS_H = {6, 24, 72};

  private ForcingFeatures() {}

  /** Names of the columns {@link #matrix} produces for the given variables. */
  public static List<String> names(List<String> variables) {
    return table(Frame.regular(0, 3600), variables, v -> new double[0]).names();
  }

  /** Feature matrix [time][feature] for the named variables of a frame. */
  public static double[][] matrix(Frame f, List<String> variables) {
    return table(f, variables, f::values).matrix();
  }

  private static FeatureTable table(Frame f, List<String> variables,
      Function<String, double[]> values) {
    FeatureTable t = FeatureTable.allowingGaps(f);
    for (String v : variables) {
      t.add(v, values.apply(v));
    }
    t.addHourOfDay("sin_hour", "cos_hour");
    for (String v : variables) {
      for (int w : WINDOWS_H) {
        t.addTrailingMeanHours(v + "_mean" + w + "h", values.apply(v), w);
      }
    }
    return t;
  }
}
