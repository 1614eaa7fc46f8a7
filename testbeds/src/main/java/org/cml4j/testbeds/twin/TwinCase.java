package org.cml4j.testbeds.twin;

import org.cml4j.core.metrics.Metrics;
import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * A synthetic twin: the task a coupling sees, plus what only the experimenter knows.
 *
 * @param task the task (forcing possibly with gaps, noisy observations, test period hidden)
 * @param observed every observed and target variable over the whole axis, with noise, gaps and
 *     spikes as in the task but not hidden in the test period (score predictions against it)
 * @param clean the true (noise-free) values of the same variables
 * @param cleanForcing the complete forcing the truth ran on (before gaps were cut)
 * @param trueParameters the truth's constant parameters (hbeta is its night-time base value)
 * @param spikes true where a spike was added to an observation, per variable
 */
public record TwinCase(CouplingTask task, Frame observed, Frame clean, Frame cleanForcing,
    Map<String, Double> trueParameters, Map<String, boolean[]> spikes) {

  /** First test step. */
  public int testStart() {
    return task.split().validationEnd();
  }

  /** RMSE of a prediction against the noisy observations over the test period. */
  public double testRmse(String variable, double[] prediction) {
    return org.cml4j.core.metrics.Metrics.rmse(observed.values(variable), prediction,
        testStart(), task.split().size());
  }

  /** RMSE of a prediction against the clean truth over the test period. */
  public double testRmseClean(String variable, double[] prediction) {
    return org.cml4j.core.metrics.Metrics.rmse(clean.values(variable), prediction,
        testStart(), task.split().size());
  }
}
