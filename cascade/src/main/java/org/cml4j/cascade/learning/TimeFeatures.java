package org.cml4j.cascade.learning;

import org.cml4j.core.vars.Frame;

/**
 * Calendar features of a time axis: sine and cosine of the time of day (24 h and 12 h harmonics)
 * computed from the frame's epoch seconds, so a learner can represent the diurnal cycle without
 * knowing the site's time zone (any fixed phase offset is absorbed by the weights).
 */
public final class TimeFeatures {
  /** Number of columns {@link #diurnal} produces. */
  public static final int DIURNAL_COLUMNS = 4;
  private static final double DAY = 86400.0;

  private TimeFeatures() {}

  /** [t][4]: sin, cos of 2 pi t / 24 h and of 2 pi t / 12 h. */
  public static double[][] diurnal(Frame axis) {
    long[] t = axis.times();
    double[][] f = new double[t.length][DIURNAL_COLUMNS];
    for (int i = 0; i < t.length; i++) {
      double ph = 2 * Math.PI * Math.floorMod(t[i], (long) DAY) / DAY;
      f[i][0] = Math.sin(ph);
      f[i][1] = Math.cos(ph);
      f[i][2] = Math.sin(2 * ph);
      f[i][3] = Math.cos(2 * ph);
    }
    return f;
  }
}
