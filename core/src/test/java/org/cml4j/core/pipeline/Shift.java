package org.cml4j.core.pipeline;

import java.util.List;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/** Test stage computing {@code out = in + shift} (same unit). */
public final class Shift extends AbstractStage {
  private final double shift;

  public Shift(String name, VariableSpec in, VariableSpec out, double shift) {
    super(name, List.of(in), List.of(out));
    this.shift = shift;
  }

  @Override
  public StageResult run(CouplingTask task, Frame available) {
    double[] v = available.values(inputs().get(0).name());
    for (int i = 0; i < v.length; i++) {
      v[i] += shift;
    }
    return StageResult.of(available.select(List.of()).with(outputs().get(0), v));
  }
}
