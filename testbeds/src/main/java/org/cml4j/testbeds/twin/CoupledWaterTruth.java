package org.cml4j.testbeds.twin;

import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.testbeds.weather.Weather;

/**
 * The structural twin's truth as a {@link TwinTruth}: {@link StructuralTwinModel} (layered soil
 * with coupled bucket water and a varying Bowen ratio) run from a linear profile between
 * {@code initialSurface} and Tb, its spin-up cut off.
 *
 * @param model the truth model
 * @param depths soil depths [m] output as {@code SoilTemp_<depth>}
 * @param initialSurface surface end of the initial linear profile [K]
 */
public record CoupledWaterTruth(StructuralTwinModel model, List<Double> depths,
    double initialSurface) implements TwinTruth<Frame> {
  public CoupledWaterTruth {
    depths = List.copyOf(depths);
  }

  @Override
  public Frame run(Weather weather, int spinUpHours) {
    return model.simulate(weather, depths, model.linearProfile(initialSurface))
        .slice(spinUpHours, weather.size());
  }

  /** All of the model's outputs (see {@link StructuralTwinModel#simulate}), whatever is asked. */
  @Override
  public Frame frame(Frame run, Weather weather, List<String> variables) {
    return run;
  }
}
