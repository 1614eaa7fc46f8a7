package org.cml4j.core.vars;

/**
 * A split of a time axis of {@code size} steps into contiguous train [0, trainEnd), validation
 * [trainEnd, validationEnd) and test [validationEnd, size) periods. Splitting in time (not at
 * random) is what keeps hydro-meteorological evaluation honest: the test period is in the future
 * of everything a coupling has seen.
 */
public record TimeSplit(int trainEnd, int validationEnd, int size) {
  /** The three periods. */
  public enum Part { TRAIN, VALIDATION, TEST }

  public TimeSplit {
    if (trainEnd < 1 || validationEnd < trainEnd || size <= validationEnd) {
      throw new IllegalArgumentException("time split needs 1 <= trainEnd <= validationEnd < size,"
          + " got trainEnd=" + trainEnd + ", validationEnd=" + validationEnd + ", size=" + size);
    }
  }

  /** Split by fractions of the axis (train, validation; the rest is test). */
  public static TimeSplit fractions(int size, double train, double validation) {
    int a = (int) Math.round(size * train);
    int b = (int) Math.round(size * (train + validation));
    return new TimeSplit(a, b, size);
  }

  /** First index of a part. */
  public int start(Part p) {
    return switch (p) {
      case TRAIN -> 0;
      case VALIDATION -> trainEnd;
      case TEST -> validationEnd;
    };
  }

  /** End index (exclusive) of a part. */
  public int end(Part p) {
    return switch (p) {
      case TRAIN -> trainEnd;
      case VALIDATION -> validationEnd;
      case TEST -> size;
    };
  }

  /** Number of steps in a part. */
  public int length(Part p) {
    return end(p) - start(p);
  }

  /** Part containing time index {@code i}. */
  public Part partOf(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("time index " + i + " outside [0, " + size + ")");
    }
    return i < trainEnd ? Part.TRAIN : i < validationEnd ? Part.VALIDATION : Part.TEST;
  }
}
