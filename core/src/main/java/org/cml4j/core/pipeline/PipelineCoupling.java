package org.cml4j.core.pipeline;

import java.util.Map;
import java.util.function.Function;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;

/**
 * A coupling made of a {@link Pipeline} built per task (stages may depend on the task's targets);
 * its predictions are the pipeline variables named like the task's targets.
 */
public final class PipelineCoupling implements Coupling {
  private final String name;
  private final CouplingMode mode;
  private final String description;
  private final Capabilities capabilities;
  private final Function<CouplingTask, Pipeline> pipeline;

  public PipelineCoupling(String name, CouplingMode mode, String description,
      Capabilities capabilities, Function<CouplingTask, Pipeline> pipeline) {
    this.name = name;
    this.mode = mode;
    this.description = description;
    this.capabilities = capabilities;
    this.pipeline = pipeline;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CouplingMode mode() {
    return mode;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public CouplingSolution solve(CouplingTask task) {
    long t0 = System.nanoTime();
    Pipeline p = pipeline.apply(task);
    Pipeline.Run run = p.run(task);
    Frame pred = task.forcing().select(java.util.List.of());
    for (String t : task.targets()) {
      if (run.frame().has(t)) {
        pred = pred.with(run.frame().spec(t), run.frame().values(t));
      }
    }
    double secs = (System.nanoTime() - t0) * 1e-9;
    return new CouplingSolution(name, pred, run.parameters(), run.diagnostics(), secs, 0,
        RunProvenance.of(name, "pipeline", Map.of("stages", p.stages().stream()
            .map(Stage::name).toList().toString()), task.seed(), task.fingerprint()));
  }
}
