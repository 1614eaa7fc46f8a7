package org.cml4j.core.pipeline;

import java.util.List;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * One step of a {@link Pipeline} (NeuroMANCER-style node). The full contract is in
 * docs/PIPELINES.md; in short:
 *
 * <ul>
 *   <li><b>Named variables.</b> A stage declares the variables it reads ({@link #inputs()}) and
 *   adds ({@link #outputs()}) as names with units, before anything runs; the pipeline checks the
 *   wiring (every input produced upstream or in the task's forcing/auxiliary inputs with the same
 *   unit, no output overwriting an existing variable, unique stage names) and reports every
 *   problem at once.</li>
 *   <li><b>Fit and apply in one call.</b> {@link #run} fits whatever the stage learns or
 *   calibrates and returns its outputs on the task's whole time axis (training, validation and
 *   test periods).</li>
 *   <li><b>What it may read.</b> {@code available} holds exactly its declared inputs. From the
 *   task it may read the forcing, the auxiliary inputs and the observations; observations are not
 *   part of the wiring namespace (a stage predicting "Qg" never collides with observed "Qg"), and
 *   the task hides the test period (NaN from {@code split().validationEnd()}). A stage fits on the
 *   training period and uses the validation period only to choose (early stopping, keeping a
 *   base); it never uses an output's own observation in place of the prediction.</li>
 *   <li><b>Deterministic.</b> Randomness is seeded from {@link CouplingTask#seed()}; the same task
 *   gives the same outputs on any number of threads. Wall time may appear in diagnostics only.</li>
 *   <li><b>Provenance.</b> The {@link StageResult} carries fitted mechanism parameters,
 *   diagnostics (prefixed with the stage name by the pipeline) and the id of the calibration used,
 *   if any.</li>
 * </ul>
 *
 * <p>Ready-made stages: {@link CouplingStage} (any coupling or baseline, also by registered name)
 * and those of {@link org.cml4j.core.pipeline.stages}.
 */
public interface Stage {
  /** Stage name (unique within a pipeline; prefixes its diagnostics). */
  String name();

  /** Variables the stage reads from the pipeline frame, with units; fixed before running. */
  List<VariableSpec> inputs();

  /** Variables the stage adds to the pipeline frame, with units; fixed before running. */
  List<VariableSpec> outputs();

  /**
   * Fits and applies the stage.
   *
   * @param task the task (forcing, observations up to the end of the validation period, split,
   *     budget, seed)
   * @param available the pipeline frame restricted to {@link #inputs()}, whole time axis
   * @return exactly {@link #outputs()} on the task's time axis, plus parameters, diagnostics and
   *     calibration id
   */
  StageResult run(CouplingTask task, Frame available);
}
