package org.cml4j.core.pipeline;

import java.util.List;
import org.cml4j.core.vars.VariableSpec;

/**
 * The common frame of a {@link Stage} whose name and declared variables are fixed when it is built
 * (as the {@link Stage} contract asks): the ready-made stages and the hybrids' stages extend it
 * and implement only {@link #run}.
 */
public abstract class AbstractStage implements Stage {
  private final String name;
  private final List<VariableSpec> inputs;
  private final List<VariableSpec> outputs;

  /**
   * @param name stage name (unique within a pipeline; prefixes its diagnostics)
   * @param inputs variables the stage reads from the pipeline frame
   * @param outputs variables the stage adds to the pipeline frame
   */
  protected AbstractStage(String name, List<VariableSpec> inputs, List<VariableSpec> outputs) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<VariableSpec> inputs() {
    return inputs;
  }

  @Override
  public final List<VariableSpec> outputs() {
    return outputs;
  }
}
