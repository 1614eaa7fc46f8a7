package org.cml4j.core.pipeline;

import java.util.Map;
import java.util.function.Function;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * A coupling made of a {@link Pipeline} built per task (stages may depend on the task's targets);
 * its predictions are the pipeline variables named like the task's targets. Provenance names the
 * plugin {@code "pipeline"} and the stages.
 */
public final class PipelineCoupling extends AbstractCoupling {
  private final Function<CouplingTask, Pipeline> pipeline;

  public PipelineCoupling(String name, CouplingMode mode, String description,
      Capabilities capabilities, Function<CouplingTask, Pipeline> pipeline) {
    super("pipeline", name, mode, description, capabilities);
    this.pipeline = pipeline;
  }

  @Override
  protected Result run(CouplingTask task) {
    Pipeline p = pipeline.apply(task);
    Pipeline.Run run = p.run(task);
    Frame pred = task.forcing().select(java.util.List.of());
    for (String t : task.targets()) {
      if (run.frame().has(t)) {
        pred = pred.with(run.frame().spec(t), run.frame().values(t));
      }
    }
    return new Result(pred, run.parameters(), run.diagnostics(), Map.of("stages", p.stages()
        .stream().map(Stage::name).toList().toString()), 0).withCalibration(run.calibration());
  }
}
