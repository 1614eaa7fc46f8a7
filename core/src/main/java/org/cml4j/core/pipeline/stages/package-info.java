/**
 * Ready-made pipeline stages (see docs/PIPELINES.md for the {@link org.cml4j.core.pipeline.Stage}
 * contract): {@link org.cml4j.core.pipeline.stages.CalibratedPhysicsStage} (the calibrated
 * mechanism through the one calibration service), {@link
 * org.cml4j.core.pipeline.stages.ResidualCorrectionStage} (learned correction of named
 * residuals), {@link org.cml4j.core.pipeline.stages.LearnedInputStage} (learned input transform);
 * any registered coupling or baseline by name is {@link
 * org.cml4j.core.pipeline.CouplingStage#registered}.
 *
 * <pre>{@code
 * CalibratedPhysicsStage physics = CalibratedPhysicsStage.of(task.mechanism(), simulated);
 * Pipeline p = Pipeline.builder("physics+correction").stage(physics)
 *     .stage(ResidualCorrectionStage.after(physics)).build();
 * Pipeline.Run run = p.run(task);     // run.frame() holds v_physics and the corrected v
 * }</pre>
 */
package org.cml4j.core.pipeline.stages;
