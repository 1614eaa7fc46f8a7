package org.cml4j.testbeds.twin;

import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.testbeds.weather.Weather;

/**
 * The truth of a twin experiment: a model run over a weather record whose first levels are
 * spin-up. Implementations: {@link CoupledWaterTruth} (the structural twin's layered soil with
 * coupled bucket water, {@link StructuralTwinModel}), {@link RichColumnTruth} (the embedding
 * twin's {@code RichColumnModel} with the prescribed drivers of {@link TwinDrivers}) and
 * {@link SimpleColumnTruth} (the cascade twin's simple model with a daytime hbeta gain and an
 * evaporative-fraction split of the turbulent flux). {@link Twin} runs one.
 *
 * @param <R> the run's result (at least a frame of the truth's variables, possibly more)
 */
public interface TwinTruth<R> {
  /**
   * Runs over {@code weather} (hourly, spin-up included) and returns the run after the spin-up.
   *
   * @param weather the whole weather record, spin-up first
   * @param spinUpHours levels of {@code weather} to discard (>= 0)
   */
  R run(Weather weather, int spinUpHours);

  /**
   * The truth of {@code run} as a frame on the axis of {@code weather} (the record after spin-up),
   * holding at least {@code variables} (SI units as in {@code org.cml4j.core.vars.Variables}).
   */
  Frame frame(R run, Weather weather, List<String> variables);
}
