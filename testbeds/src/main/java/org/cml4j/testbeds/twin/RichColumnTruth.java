package org.cml4j.testbeds.twin;

import java.util.List;
import org.cml4j.core.vars.Frame;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.rich.MoistureField;
import org.cml4j.lsm.rich.RichColumnModel;
import org.cml4j.lsm.rich.RichTrajectory;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.lsm.rich.SurfaceSpec;
import org.cml4j.testbeds.weather.Weather;

/**
 * The embedding twin's truth as a {@link TwinTruth}: a {@link RichColumnModel} (1 m column of
 * {@code nodes} nodes, {@code substeps} sub-steps per hour, LWdown absorbed fully) driven by the
 * prescribed water content and exchange coefficient of {@link TwinDrivers} (or a constant
 * {@code hbeta}), run from a uniform profile at Tb over the whole record; the state at the end
 * of the spin-up starts the run that is kept.
 *
 * @param soil the soil's thermal properties
 * @param nodes nodes over 1 m (>= 3)
 * @param substeps sub-steps per hour (>= 1)
 * @param varyingBowen true: {@link TwinDrivers#exchangeCoefficient}; false: {@code hbeta}
 * @param hbeta constant exchange coefficient [W m-2 K-1] (used if not varyingBowen)
 * @param alpha albedo [-]
 * @param eps emissivity [-]
 * @param tb bottom temperature [K] (also the initial profile)
 */
public record RichColumnTruth(SoilProperties soil, int nodes, int substeps, boolean varyingBowen,
    double hbeta, double alpha, double eps, double tb) implements TwinTruth<RichColumnTruth.Run> {
  /**
   * The run after spin-up.
   *
   * @param model the truth column
   * @param moisture the prescribed water content [m3 m-3]
   * @param surface the surface parameters (hbeta series included)
   * @param trajectory the truth trajectory
   */
  public record Run(RichColumnModel model, MoistureField moisture, SurfaceSpec surface,
      RichTrajectory trajectory) {}

  /** SWdown, LWdown and Tair of {@code w} as the column's forcing. */
  public static SurfaceForcing forcing(Weather w) {
    return LsmMechanism.surfaceForcing(w.forcingFrame());
  }

  @Override
  public Run run(Weather all, int spinUpHours) {
    int end = all.size();
    double[] rain = new double[end];
    for (int k = 0; k < end; k++) {
      rain[k] = all.rainf()[k] * Weather.STEP;
    }
    MoistureField theta = TwinDrivers.moisture(rain);
    SurfaceForcing f = forcing(all);
    double[] hb = varyingBowen ? TwinDrivers.exchangeCoefficient(f, theta) : new double[] {hbeta};
    SurfaceSpec s = new SurfaceSpec(alpha, eps, tb, hb);
    RichColumnModel m = new RichColumnModel(nodes, 1.0, Weather.STEP, substeps, soil, true);
    RichTrajectory full = m.run(s, f, theta, m.uniformState(tb));
    double[] init = full.state(spinUpHours);
    MoistureField tw = theta.slice(spinUpHours, end);
    SurfaceSpec sw = s.slice(spinUpHours, end);
    return new Run(m, tw, sw, m.run(sw, forcing(all.slice(spinUpHours, end)), tw, init));
  }

  @Override
  public Frame frame(Run run, Weather weather, List<String> variables) {
    return run.trajectory().frame(Frame.onAxis(weather.times(), Weather.STEP), variables);
  }
}
