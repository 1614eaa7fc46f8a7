package org.cml4j.core.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.spi.Approach;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * Any {@link Approach} used as a pipeline stage: a coupling of the ten modes or a baseline (e.g.
 * {@code registry().approach("baseline.physics-only")}). The approach solves the task with the
 * stage's inputs added as auxiliary variables (those not already in the forcing or auxiliary
 * inputs) and the stage's targets as its targets, and its predictions are published under
 * (optionally renamed) output names, e.g. the physics' "Qg" as "Qg_physics" for a downstream
 * learner.
 *
 * <p><b>Contract</b> (see docs/PIPELINES.md): the approach reads the task as any approach does
 * (observations up to the end of the validation period; the test period is hidden by
 * {@link CouplingTask}); it must predict every target the stage publishes, otherwise the stage
 * fails naming the missing one. The result carries the approach's fitted parameters and
 * diagnostics, and the id of the calibration it used (provenance key
 * {@link Calibration#PROVENANCE_KEY}) so that {@link Pipeline.Run#calibration()} names it.
 * Deterministic whenever the approach is (same task seed, same result).
 */
public final class CouplingStage extends AbstractStage {
  private final Approach coupling;
  private final Map<String, VariableSpec> targetToOutput;

  /**
   * @param name stage name
   * @param coupling the coupling or baseline
   * @param inputs pipeline variables the approach receives as auxiliary inputs
   * @param targetToOutput approach target name to the output spec it is published as
   */
  public CouplingStage(String name, Approach coupling, List<VariableSpec> inputs,
      Map<String, VariableSpec> targetToOutput) {
    super(name, inputs, List.copyOf(targetToOutput.values()));
    if (targetToOutput.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' publishes nothing: give at least"
          + " one target of " + coupling.name());
    }
    this.coupling = coupling;
    this.targetToOutput = new LinkedHashMap<>(targetToOutput);
  }

  /**
   * A stage publishing each of {@code targets} as {@code <target><suffix>} in the target's
   * standard unit, e.g. suffix {@code "_physics"}; no extra inputs.
   */
  public static CouplingStage of(String name, Approach approach, List<String> targets,
      String suffix) {
    Map<String, VariableSpec> out = new LinkedHashMap<>();
    for (String t : targets) {
      VariableSpec s = VariableSpec.of(t);
      out.put(t, new VariableSpec(t + suffix, s.unit()));
    }
    return new CouplingStage(name, approach, List.of(), out);
  }

  /**
   * Ready-made stage "any registered coupling or baseline by name": {@code registry.approach(
   * approach)} (created with the registry's defaults) as stage {@code approach}, publishing each
   * target {@code t} as {@code t + suffix} (see {@link #of}).
   */
  public static CouplingStage registered(CouplingRegistry registry, String approach,
      List<String> targets, String suffix) {
    return of(approach, registry.approach(approach), targets, suffix);
  }

  /** The approach run by this stage. */
  public Approach approach() {
    return coupling;
  }




  @Override
  public StageResult run(CouplingTask task, Frame available) {
    Frame aux = task.auxiliary();
    for (VariableSpec v : inputs()) {
      if (!task.forcing().has(v.name()) && !aux.has(v.name())) {
        aux = aux.with(v, available.values(v));
      }
    }
    CouplingTask sub = task.toBuilder().auxiliary(aux)
        .targets(List.copyOf(targetToOutput.keySet())).build();
    CouplingSolution sol = coupling.solve(sub);
    Frame out = task.forcing().select(List.of());
    for (var e : targetToOutput.entrySet()) {
      if (!sol.predictions().has(e.getKey())) {
        throw new IllegalStateException("stage '" + name() + "': " + coupling.name()
            + " did not predict " + e.getKey() + " on task " + task.name() + " (it predicted "
            + sol.predictions().names() + ")");
      }
      out = out.with(e.getValue(), sol.prediction(e.getKey()));
    }
    String cal = sol.provenance() == null ? null
        : sol.provenance().config().get(Calibration.PROVENANCE_KEY);
    return new StageResult(out, sol.parameters(), sol.diagnostics(), cal);
  }
}
