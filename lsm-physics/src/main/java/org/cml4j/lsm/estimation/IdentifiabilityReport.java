package org.cml4j.lsm.estimation;

import java.util.List;

/**
 * Local identifiability of fitted parameters at an optimum, from the Gauss–Newton (Fisher)
 * information F = J^T J / sigma^2 with J = d residuals / d u, u = ln(theta) for positive parameters
 * (so standard errors are relative) and u = Tb in kelvin.
 *
 * @param names coordinate names in order
 * @param values coordinate values at the optimum
 * @param sigma observation-error standard deviation used [observation units]
 * @param sigmaSource how sigma was chosen
 * @param fisher F
 * @param eigenvalues eigenvalues of F, descending
 * @param eigenvectors eigenvectors of F as rows, matching {@code eigenvalues}
 * @param standardErrors relative SE for positive parameters, kelvin for Tb (infinite if singular)
 * @param correlation correlation matrix from F^-1 (NaN where singular)
 * @param identifiable per coordinate, SE below the threshold
 * @param weakDirections described poorly constrained combinations
 * @param verdict plain-language summary
 * @param reduced the same analysis with h and beta replaced by hbeta (null unless both were fitted)
 */
public record IdentifiabilityReport(List<String> names, double[] values, double sigma,
    String sigmaSource, double[][] fisher, double[] eigenvalues, double[][] eigenvectors,
    double[] standardErrors, double[][] correlation, boolean[] identifiable,
    List<String> weakDirections, String verdict, IdentifiabilityReport reduced) {

  /** Whether the named coordinate was judged identifiable. */
  public boolean isIdentifiable(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no fitted parameter '" + name + "' in " + names);
    }
    return identifiable[i];
  }

  /** Condition number of F (largest / smallest eigenvalue). */
  public double conditionNumber() {
    double min = eigenvalues[eigenvalues.length - 1];
    return min <= 0 ? Double.POSITIVE_INFINITY : eigenvalues[0] / min;
  }
}
