package org.cml4j.core.pipeline;

import java.util.List;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * One step of a {@link Pipeline} (NeuroMANCER-style node): reads named, unit-carrying input
 * variables from the pipeline frame (forcing plus everything produced upstream) and produces named
 * output variables. Observations are not part of the wiring namespace: a stage that learns from
 * them reads them from the task, so a stage predicting "Qg" never collides with observed "Qg".
 */
public interface Stage {
  /** Stage name (unique within a pipeline). */
  String name();

  /** Variables the stage reads from the pipeline frame. */
  List<VariableSpec> inputs();

  /** Variables the stage adds to the pipeline frame. */
  List<VariableSpec> outputs();

  /** Runs the stage; the result must hold exactly {@link #outputs()}. */
  StageResult run(CouplingTask task, Frame available);
}
