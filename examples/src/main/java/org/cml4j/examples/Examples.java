package org.cml4j.examples;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cml4j.examples.cascade.GapFillExample;
import org.cml4j.examples.cascade.IntermediateVariablesExample;
import org.cml4j.examples.cascade.LearnedInitExample;
import org.cml4j.examples.cascade.PostProcessingExample;
import org.cml4j.examples.cascade.SiteExample;
import org.cml4j.examples.cascade.TransferExample;
import org.cml4j.examples.embed.AssimilationExample;
import org.cml4j.examples.embed.EnhancerExample;
import org.cml4j.examples.embed.LearnedParametersExample;
import org.cml4j.examples.embed.LearningInAssimilationExample;
import org.cml4j.examples.embed.SolvingExample;
import org.cml4j.examples.embed.SubstitutionExample;
import org.cml4j.examples.fuse.HybridExample;
import org.cml4j.examples.fuse.InputConstraintExample;
import org.cml4j.examples.fuse.ObjectiveConstraintExample;
import org.cml4j.examples.fuse.StructureConstraintExample;

/**
 * The runnable examples of the built-in coupling modules in the README's reading order (mode 1 to
 * 10), run by {@code ./cml4j example NAME}: the one list of them (a new example class is added
 * here and described by its {@link ExampleInfo}; {@code ExamplesTest} fails on an example class
 * missing from it). Each has a test in this
 * module that runs it and asserts its outcome; the measured numbers are in {@code docs/modes/}.
 */
public final class Examples {
  private Examples() {}

  /** All examples, in reading order. */
  public static final List<Example> ALL = Stream.of(
      GapFillExample.class, LearnedInitExample.class, TransferExample.class,
      IntermediateVariablesExample.class, PostProcessingExample.class, SiteExample.class,
      SubstitutionExample.class, EnhancerExample.class, AssimilationExample.class,
      LearningInAssimilationExample.class, SolvingExample.class, LearnedParametersExample.class,
      InputConstraintExample.class, ObjectiveConstraintExample.class,
      StructureConstraintExample.class, HybridExample.class)
      .map(Example::of).toList();

  /** The example of that name. */
  public static Optional<Example> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
