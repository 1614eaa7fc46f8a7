package org.cml4j.core.pipeline;

import java.util.List;

/** Thrown before anything runs when a pipeline's wiring is inconsistent; lists every problem. */
public final class PipelineWiringException extends IllegalStateException {
  private final List<String> problems;

  PipelineWiringException(String pipeline, List<String> problems) {
    super("pipeline " + pipeline + " is wired inconsistently:\n  - "
        + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems found. */
  public List<String> problems() {
    return problems;
  }
}
