package org.cml4j.lsm.assimilation;

import org.cml4j.lsm.model.Output;

/**
 * An observed model output assimilated by the filter: the observation operator is the model's own
 * output operator ({@link org.cml4j.lsm.model.OutputOperator}: soil temperature interpolated at any
 * depth, surface temperature, fluxes), evaluated member by member.
 *
 * @param output observed output
 * @param values observation at each level, NaN = none
 * @param sd observation-error standard deviation in the output's unit, > 0
 */
public record ObservationSeries(Output output, double[] values, double sd) {
  public ObservationSeries {
    if (!(sd > 0)) {
      throw new IllegalArgumentException("observation error of " + output.name()
          + " must be > 0, got " + sd);
    }
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value at level {@code k} (NaN if missing). */
  public double at(int k) {
    return values[k];
  }
}
