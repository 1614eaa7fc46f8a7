package org.cml4j.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * A {@link Coupling} used as a pipeline stage: it sees the task with the stage's inputs as
 * auxiliary variables, predicts the given targets, and publishes them under (optionally renamed)
 * output names, e.g. the physics' "Qg" as "Qg_physics" for a downstream learner.
 */
public final class CouplingStage implements Stage {
  private final String name;
  private final Coupling coupling;
  private final List<VariableSpec> inputs;
  private final Map<String, VariableSpec> targetToOutput;

  /**
   * @param name stage name
   * @param coupling the coupling
   * @param inputs pipeline variables the coupling receives as auxiliary inputs
   * @param targetToOutput coupling target name to the output spec it is published as
   */
  public CouplingStage(String name, Coupling coupling, List<VariableSpec> inputs,
      Map<String, VariableSpec> targetToOutput) {
    this.name = name;
    this.coupling = coupling;
    this.inputs = List.copyOf(inputs);
    this.targetToOutput = new LinkedHashMap<>(targetToOutput);
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
    return List.copyOf(targetToOutput.values());
  }

  @Override
  public StageResult run(CouplingTask task, Frame available) {
    Frame aux = task.auxiliary();
    for (VariableSpec v : inputs) {
      if (!task.forcing().has(v.name()) && !aux.has(v.name())) {
        aux = aux.with(v, available.values(v));
      }
    }
    CouplingTask sub = task.toBuilder().auxiliary(aux)
        .targets(List.copyOf(targetToOutput.keySet())).build();
    CouplingSolution sol = coupling.solve(sub);
    Frame out = task.forcing().select(List.of());
    for (var e : targetToOutput.entrySet()) {
      out = out.with(e.getValue(), sol.prediction(e.getKey()));
    }
    return new StageResult(out, sol.parameters(), sol.diagnostics());
  }
}
