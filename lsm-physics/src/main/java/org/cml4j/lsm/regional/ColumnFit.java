package org.cml4j.lsm.regional;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The fitted parameters of one column, with their standard errors and identifiability flags: one
 * row of a parameter map. Serializable (cluster runners send it back to the driver).
 *
 * @param id column identifier
 * @param lat latitude [degrees north], NaN if unknown
 * @param lon longitude [degrees east], NaN if unknown
 * @param names parameter names (the fitted ones, plus hbeta when h and beta are fitted)
 * @param values fitted values in the parameters' units (NaN when failed)
 * @param standardErrors first-order standard errors in the parameters' units, from the Fisher
 *     matrix at the optimum (relative SE times the value for positive parameters; infinite along
 *     an exactly flat direction; NaN when failed)
 * @param identifiable per parameter, relative SE at most 10 % (Tb: SE at most 1 K)
 * @param loss mean squared misfit at the optimum [K^2]
 * @param rmse its square root [K]
 * @param iterations optimiser iterations of the kept start
 * @param startsConverged starts that met the stopping rule
 * @param starts starts tried
 * @param status {@link #OK} or {@link #FAILED}
 * @param reason why the column failed, or a note (empty when there is nothing to say)
 */
public record ColumnFit(String id, double lat, double lon, List<String> names, double[] values,
    double[] standardErrors, boolean[] identifiable, double loss, double rmse, int iterations,
    int startsConverged, int starts, String status, String reason) implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public ColumnFit {
    names = List.copyOf(names);
    if (values.length != names.size() || standardErrors.length != names.size()
        || identifiable.length != names.size()) {
      throw new IllegalArgumentException("column " + id + ": " + names.size() + " names but "
          + values.length + " values, " + standardErrors.length + " SEs, " + identifiable.length
          + " flags");
    }
    reason = reason == null ? "" : reason.replace('\n', ' ').replace('\r', ' ');
  }

  /** A failed column: no values, the reason recorded. */
  public static ColumnFit failed(String id, double lat, double lon, List<String> names, int starts,
      String reason) {
    double[] nan = new double[names.size()];
    Arrays.fill(nan, Double.NaN);
    return new ColumnFit(id, lat, lon, names, nan, nan.clone(), new boolean[names.size()],
        Double.NaN, Double.NaN, 0, 0, starts, FAILED, reason);
  }

  /** Whether the column was fitted. */
  public boolean ok() {
    return OK.equals(status);
  }

  /** The value of a named parameter. */
  public double value(String name) {
    return values[index(name)];
  }

  /** The standard error of a named parameter. */
  public double standardError(String name) {
    return standardErrors[index(name)];
  }

  /** The identifiability flag of a named parameter. */
  public boolean isIdentifiable(String name) {
    return identifiable[index(name)];
  }

  private int index(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no parameter '" + name + "' in " + names);
    }
    return i;
  }
}
