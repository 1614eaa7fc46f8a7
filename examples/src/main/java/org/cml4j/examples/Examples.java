package org.cml4j.examples;

import java.util.List;
import java.util.Optional;
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
 * here; {@code ExamplesTest} fails on an example class missing from it). Each has a test in this
 * module that runs it and asserts its outcome; the measured numbers are in {@code docs/modes/}.
 */
public final class Examples {
  private Examples() {}

  private static final String DATA = "[data dir, default ../shared/data]";

  /** All examples, in reading order. */
  public static final List<Example> ALL = List.of(
      new Example("gap-fill", 1, GapFillExample.class.getName(), "[seed]",
          "learned gap filling and spike flags vs linear interpolation, then calibrated physics",
          GapFillExample::main),
      new Example("learned-init", 1, LearnedInitExample.class.getName(),
          "[data dir: adds huang2025-2depth]",
          "network trained on physics samples seeds the inversion; evaluations vs random starts",
          LearnedInitExample::main),
      new Example("transfer", 1, TransferExample.class.getName(), "",
          "pretrain on simulations, fine-tune on few observations, vs training from scratch",
          TransferExample::main),
      new Example("intermediate-variables", 2, IntermediateVariablesExample.class.getName(),
          "[seed]", "physics Ts, Rn - G, soil profile + forcing -> network -> Qh and Qle",
          IntermediateVariablesExample::main),
      new Example("post-processing", 3, PostProcessingExample.class.getName(), "[abc] [seed]",
          "(a) error correction, (b) temporal downscaling, (c) learned ensemble weights",
          PostProcessingExample::main),
      new Example("cascade-sites", 3, SiteExample.class.getName(), DATA + " [couplings]",
          "the cascade couplings on Bondville 1998 and Phoenix 2012", SiteExample::main),
      new Example("substitution", 4, SubstitutionExample.class.getName(), "",
          "surface-node and coarse-column emulators: month-long rollout accuracy and speed",
          SubstitutionExample::main),
      new Example("enhancer", 4, EnhancerExample.class.getName(), "",
          "coarse model + learned correction trained on a high-resolution layered truth",
          EnhancerExample::main),
      new Example("assimilation", 5, AssimilationExample.class.getName(), DATA,
          "EnKF with parameter augmentation: twin and Bondville October 1998",
          AssimilationExample::main),
      new Example("learning-in-assimilation", 5,
          LearningInAssimilationExample.class.getName(), "",
          "learned model error from analysis increments; network emulating the analysis step",
          LearningInAssimilationExample::main),
      new Example("solving", 6, SolvingExample.class.getName(), DATA,
          "adjoint inversion, surrogate inside the inversion, amortised inverse + refinement",
          SolvingExample::main),
      new Example("learned-parameters", 6, LearnedParametersExample.class.getName(), DATA,
          "network hbeta(t) trained end to end through the physics adjoint; twin and Phoenix",
          LearnedParametersExample::main),
      new Example("input-constraint", 7, InputConstraintExample.class.getName(), "",
          "network with vs without the physics outputs as inputs: twin and Bondville",
          InputConstraintExample::main),
      new Example("objective-constraint", 8, ObjectiveConstraintExample.class.getName(),
          "[seed]",
          "physics loss terms with scarce training data; term values over epochs",
          ObjectiveConstraintExample::main),
      new Example("structure-constraint", 9, StructureConstraintExample.class.getName(), "",
          "energy-conserving output layer and physics as the last layer",
          StructureConstraintExample::main),
      new Example("hybrid", 10, HybridExample.class.getName(), "",
          "pretrain + physics inputs + physics loss, and EnKF with a constrained model-error net",
          HybridExample::main));

  /** The example of that name. */
  public static Optional<Example> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
