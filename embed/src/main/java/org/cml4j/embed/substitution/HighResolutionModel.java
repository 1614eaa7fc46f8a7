package org.cml4j.embed.substitution;

import java.util.Map;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.lsm.rich.MoistureField;
import org.cml4j.lsm.rich.RichColumnModel;
import org.cml4j.lsm.rich.RichTrajectory;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.lsm.rich.SurfaceSpec;

/**
 * The high-resolution configuration an enhancer learns from: runs over a task's whole forcing
 * (forcing only, no observations) from the coarse model's initial profile and returns the hourly
 * profiles, the pseudo-observations.
 */
@FunctionalInterface
public interface HighResolutionModel {
  /**
   * Runs the configuration.
   *
   * @param task the task (forcing, auxiliary inputs)
   * @param coarse the calibrated coarse column (parameters, initial profile, forcing)
   */
  RichTrajectory run(CouplingTask task, CalibratedColumn coarse);

  /**
   * Only a finer grid and step (same physics, calibrated lambda and C): {@code nodes} over the
   * column and {@code substeps} per hour.
   */
  static HighResolutionModel resolutionOnly(int nodes, int substeps) {
    return (task, c) -> {
      Map<String, Double> p = c.parameters();
      RichColumnModel m = new RichColumnModel(nodes, c.grid().depth(), c.grid().dt(), substeps,
          SoilProperties.uniform(p.get("lambda"), p.get("C")), true);
      return m.run(surface(p), c.forcing(), null,
          m.interpolatedState(c.grid().nodeDepths(), c.initial()));
    };
  }

  /**
   * A richer soil (e.g. layered, moisture-dependent conductivity) driven by a known moisture
   * field, with the calibrated surface parameters (albedo, emissivity, hbeta, Tb).
   */
  static HighResolutionModel withSoil(int nodes, int substeps, SoilProperties soil,
      MoistureField moisture) {
    return (task, c) -> {
      RichColumnModel m = new RichColumnModel(nodes, c.grid().depth(), c.grid().dt(), substeps,
          soil, true);
      return m.run(surface(c.parameters()), c.forcing(), moisture,
          m.interpolatedState(c.grid().nodeDepths(), c.initial()));
    };
  }

  /**
   * A precomputed run over the task's whole axis, e.g. the truth configuration of a twin
   * experiment (its levels must match the task's).
   */
  static HighResolutionModel fixed(RichTrajectory run) {
    return (task, c) -> run;
  }

  /** Surface spec from calibrated constant parameters. */
  static SurfaceSpec surface(Map<String, Double> p) {
    return SurfaceSpec.constant(p.get("alpha"), p.get("eps"), p.get("Tb"), p.get("hbeta"));
  }
}
