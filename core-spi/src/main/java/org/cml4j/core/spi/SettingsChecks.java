package org.cml4j.core.spi;

import java.util.Collection;

/**
 * Range checks for coupling settings records: each failure is an {@link InvalidSettingException}
 * naming the key, the value and the allowed range (the factory adds the coupling's name).
 */
public final class SettingsChecks {
  private SettingsChecks() {}

  /** {@code lo <= value <= hi} (NaN fails). */
  public static double range(String key, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new InvalidSettingException(null, key, String.valueOf(value),
          "[" + fmt(lo) + ", " + fmt(hi) + "]");
    }
    return value;
  }

  /** {@code lo <= value <= hi} for integers. */
  public static int range(String key, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new InvalidSettingException(null, key, String.valueOf(value),
          "[" + lo + ", " + hi + "]");
    }
    return value;
  }

  /** {@code lo < value <= hi} (NaN fails). */
  public static double openLow(String key, double value, double lo, double hi) {
    if (!(value > lo && value <= hi)) {
      throw new InvalidSettingException(null, key, String.valueOf(value),
          "(" + fmt(lo) + ", " + fmt(hi) + "]");
    }
    return value;
  }

  /** Every element of {@code values} is one of {@code allowed}; at least {@code min} elements. */
  public static <T> void among(String key, Collection<T> values, Collection<T> allowed, int min) {
    if (values == null || values.size() < min || !allowed.containsAll(values)) {
      throw new InvalidSettingException(null, key, String.valueOf(values),
          "at least " + min + " of " + allowed);
    }
  }

  /** A non-null value. */
  public static <T> T present(String key, T value, String allowed) {
    if (value == null) {
      throw new InvalidSettingException(null, key, "null", allowed);
    }
    return value;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
