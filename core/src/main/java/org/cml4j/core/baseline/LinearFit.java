package org.cml4j.core.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * An ordinary least-squares fit {@code y = b0 + sum_j b_j x_j} (Commons Math
 * {@link OLSMultipleLinearRegression}, QR decomposition) that never fails on degenerate data.
 *
 * <p>Fallback rule, applied in order: (1) a predictor that is constant over the fitting rows
 * (standard deviation below {@link #CONSTANT_SD} in the units given, e.g. SWdown = 0 in a night
 * cluster) is dropped; (2) while the remaining design is singular (collinear predictors, QR
 * diagonal below {@code 1e-10 sqrt(n)}) or has fewer than {@code 2 (p + 1)} rows, the last
 * remaining predictor is dropped; (3) with no predictor left the fit is the mean of {@code y}.
 * Dropped predictors get coefficient 0. Used for the PLUMBER empirical benchmarks
 * ({@link EmpiricalBaseline}); inputs are expected standardised.
 *
 * @param intercept b0 (units of y)
 * @param coefficients one per predictor column, 0 for a dropped one (units of y per unit of x)
 * @param used number of predictors actually used
 */
public record LinearFit(double intercept, double[] coefficients, int used) {
  /** Standard deviation below which a predictor counts as constant over the fitting rows. */
  public static final double CONSTANT_SD = 1e-9;

  public LinearFit {
    coefficients = coefficients.clone();
  }

  /**
   * Fits on the rows {@code x[i], y[i]}; rows with a NaN anywhere must have been removed.
   *
   * @throws IllegalArgumentException if there is no row
   */
  public static LinearFit fit(double[][] x, double[] y) {
    if (y.length == 0) {
      throw new IllegalArgumentException("linear fit: no row to fit");
    }
    int p = x.length == 0 ? 0 : x[0].length;
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (sd(x, j) > CONSTANT_SD) {
        keep.add(j);
      }
    }
    while (!keep.isEmpty()) {
      double[] b = tryFit(x, y, keep);
      if (b != null) {
        double[] c = new double[p];
        for (int k = 0; k < keep.size(); k++) {
          c[keep.get(k)] = b[k + 1];
        }
        return new LinearFit(b[0], c, keep.size());
      }
      keep.remove(keep.size() - 1);
    }
    double m = 0;
    for (double v : y) {
      m += v;
    }
    return new LinearFit(m / y.length, new double[p], 0);
  }

  /** The prediction for one row of predictors. */
  public double predict(double[] row) {
    double v = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      if (coefficients[j] != 0) {
        v += coefficients[j] * row[j];
      }
    }
    return v;
  }

  private static double[] tryFit(double[][] x, double[] y, List<Integer> cols) {
    int n = y.length;
    if (n < 2 * (cols.size() + 1)) {
      return null;
    }
    double[][] sub = new double[n][cols.size()];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < cols.size(); k++) {
        sub[i][k] = x[i][cols.get(k)];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10 * Math.sqrt(n));
    try {
      ols.newSampleData(y.clone(), sub);
      double[] b = ols.estimateRegressionParameters();
      for (double v : b) {
        if (!Double.isFinite(v)) {
          return null;
        }
      }
      return b;
    } catch (MathIllegalArgumentException e) { // includes SingularMatrixException
      return null;
    }
  }

  private static double sd(double[][] x, int j) {
    double m = 0;
    for (double[] r : x) {
      m += r[j];
    }
    m /= x.length;
    double ss = 0;
    for (double[] r : x) {
      ss += (r[j] - m) * (r[j] - m);
    }
    return Math.sqrt(ss / x.length);
  }

  @Override
  public String toString() {
    return "LinearFit[b0=" + intercept + ", b=" + Arrays.toString(coefficients) + ", used=" + used
        + "]";
  }
}
