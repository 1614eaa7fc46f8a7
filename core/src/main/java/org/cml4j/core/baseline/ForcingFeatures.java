package org.cml4j.core.baseline;

import java.util.ArrayList;
import java.util.List;
import org.cml4j.core.vars.Frame;

/**
 * Feature matrix for learners from a forcing frame: the forcing variables, the time of day as
 * sin/cos, and trailing running means over 6 h, 24 h and 72 h (soil temperature and ground heat
 * flux respond to the recent history of radiation and air temperature, so a memoryless network
 * needs them). Rows are time steps; the first rows use the history available so far.
 */
public final class ForcingFeatures {
  /** Running-mean windows in hours. */
  public static final int[] WINDOWS_H = {6, 24, 72};

  private ForcingFeatures() {}

  /** Names of the columns {@link #matrix} produces for the given variables. */
  public static List<String> names(List<String> variables) {
    List<String> n = new ArrayList<>(variables);
    n.add("sin_hour");
    n.add("cos_hour");
    for (String v : variables) {
      for (int w : WINDOWS_H) {
        n.add(v + "_mean" + w + "h");
      }
    }
    return n;
  }

  /** Feature matrix [time][feature] for the named variables of a frame. */
  public static double[][] matrix(Frame f, List<String> variables) {
    int n = f.size();
    List<String> names = names(variables);
    double[][] x = new double[n][names.size()];
    long[] t = f.times();
    int col = 0;
    for (String v : variables) {
      double[] s = f.values(v);
      for (int i = 0; i < n; i++) {
        x[i][col] = s[i];
      }
      col++;
    }
    for (int i = 0; i < n; i++) {
      double h = Math.floorMod(t[i], 86400L) / 3600.0;
      x[i][col] = Math.sin(2 * Math.PI * h / 24);
      x[i][col + 1] = Math.cos(2 * Math.PI * h / 24);
    }
    col += 2;
    double stepH = f.stepSeconds() / 3600.0;
    for (String v : variables) {
      double[] s = f.values(v);
      for (int w : WINDOWS_H) {
        int k = Math.max(1, (int) Math.round(w / stepH));
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += s[i];
          if (i >= k) {
            sum -= s[i - k];
          }
          x[i][col] = sum / Math.min(i + 1, k);
        }
        col++;
      }
    }
    return x;
  }
}
