package org.cml4j.core.pipeline;

import java.util.Map;
import java.util.function.Function;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * A coupling made of a {@link Pipeline} built per task (stages may depend on the task's targets);
 * its predictions are the pipeline variables named like the task's targets. Provenance names the
 * plugin given in its {@link CouplingInfo} ({@link #PLUGIN} for ad-hoc pipelines) and the stages.
 */
public final class PipelineCoupling extends AbstractCoupling {
  /** Plugin name of pipelines built without a plugin of their own. */
  public static final String PLUGIN = "cml4j-pipeline";
  private final Function<CouplingTask, Pipeline> pipeline;

  /** An ad-hoc pipeline coupling, recorded under plugin {@link #PLUGIN}. */
  public PipelineCoupling(String name, CouplingMode mode, String description,
      Capabilities capabilities, Function<CouplingTask, Pipeline> pipeline) {
    this(new CouplingInfo(PLUGIN, name, mode, description), capabilities, pipeline);
  }

  /** A pipeline coupling with the identity its plugin registers it under. */
  public PipelineCoupling(CouplingInfo info, Capabilities capabilities,
      Function<CouplingTask, Pipeline> pipeline) {
    super(info, capabilities);
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
