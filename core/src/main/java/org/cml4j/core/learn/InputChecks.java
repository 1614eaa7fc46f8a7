package org.cml4j.core.learn;

/** Shape and value checks with messages naming the argument, row and column. */
final class InputChecks {
  private InputChecks() {}

  /**
   * Checks that {@code a} is a non-empty [rows][cols] matrix of finite values ({@code allowNaN}:
   * NaN allowed as a gap marker; infinities never are).
   */
  static void matrix(double[][] a, String name, int cols, String colsName, boolean allowNaN) {
    if (a == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (a.length == 0) {
      throw new IllegalArgumentException(name + " has no rows");
    }
    for (int i = 0; i < a.length; i++) {
      double[] row = a[i];
      if (row == null) {
        throw new IllegalArgumentException(name + " row " + i + " is null");
      }
      if (row.length != cols) {
        throw new IllegalArgumentException(name + " has shape [" + a.length + "][" + row.length
            + "] at row " + i + ", expected [" + a.length + "][" + cols + "] (" + colsName + " = "
            + cols + ")");
      }
      for (int j = 0; j < cols; j++) {
        double v = row[j];
        if (Double.isInfinite(v) || (!allowNaN && Double.isNaN(v))) {
          throw new IllegalArgumentException(name + " row " + i + ", column " + j + " is " + v
              + (allowNaN ? " (must be finite or NaN)"
                  : " (must be finite; fill or drop gaps in features first)"));
        }
      }
    }
  }

  /** Checks that two matrices have the same number of rows. */
  static void sameRows(double[][] a, String nameA, double[][] b, String nameB) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(nameA + " has " + a.length + " rows but " + nameB
          + " has " + b.length + " (rows are time steps and must align)");
    }
  }

  /** Checks a features/targets pair; {@code targetsNaN}: NaN targets allowed. */
  static void pair(double[][] x, String nx, double[][] y, String ny, int nIn, int nOut,
      boolean targetsNaN) {
    matrix(x, nx, nIn, "nIn", false);
    matrix(y, ny, nOut, "nOut", targetsNaN);
    sameRows(x, nx, y, ny);
  }

  /** A finite vector of the given length. */
  static void vector(double[] p, String name, int length) {
    if (p == null || p.length != length) {
      throw new IllegalArgumentException(name + " has length " + (p == null ? "null" : p.length)
          + ", expected " + length);
    }
    for (int i = 0; i < p.length; i++) {
      if (!Double.isFinite(p[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + p[i] + " (must be finite)");
      }
    }
  }
}
