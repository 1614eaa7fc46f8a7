package org.cml4j.fuse.hybrid;

import java.util.List;
import org.cml4j.core.pipeline.Stage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.physics.PhysicsSimulation;

/**
 * Pipeline stage running the calibrated mechanism (the cascade element of a hybrid): it reads the
 * mechanism's forcing, calibrates its parameters on the training period and publishes the
 * simulated variables over the whole axis as {@code <name>_physics}, for downstream stages to use
 * as network inputs (mode 7) or pretraining targets (Read et al. 2019).
 */
public final class PhysicsStage implements Stage {
  private final String name;
  private final List<String> variables;
  private final List<VariableSpec> inputs;
  private final OptimizerSettings settings;

  /**
   * @param name stage name
   * @param variables mechanism outputs to simulate (each published as {@code <v>_physics})
   * @param forcing the mechanism's forcing variables (the stage's inputs)
   * @param settings calibration settings
   */
  public PhysicsStage(String name, List<String> variables, List<VariableSpec> forcing,
      OptimizerSettings settings) {
    this.name = name;
    this.variables = List.copyOf(variables);
    this.inputs = List.copyOf(forcing);
    this.settings = settings;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<VariableSpec> inputs() {
    return inputs;
  }

  @Override
  public List<VariableSpec> outputs() {
    return PhysicsSimulation.suffixedSpecs(variables);
  }

  @Override
  public StageResult run(CouplingTask task, Frame available) {
    PhysicsSimulation.Result r = PhysicsSimulation.calibrated(task, variables, settings);
    Diagnostics d = Diagnostics.builder().scalar("physicsEvaluations", r.evaluations())
        .scalar("calibrationSeconds", r.seconds())
        .note("calibrated " + PhysicsSimulation.rounded(r.fitted())).build();
    return new StageResult(r.suffixed(), r.fitted(), d, r.calibration().id());
  }
}
