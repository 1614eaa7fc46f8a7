package org.cml4j.fuse.loss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cml4j.core.vars.VariableSpec;

/**
 * The loss of a fusion network: {@code dataWeight * misfit + l2 * sum(W^2) + sum_j w_j term_j},
 * where the misfit is the mean squared error of z-scored targets over the training rows with
 * observations, and each physics term is evaluated on the {@link PhysicsRows physics rows}. With
 * {@link PhysicsRows#ALL} the terms also act on the validation and test periods, whose forcing is
 * known while their observations are not: this is the semi-supervised use of physics in
 * physics-guided networks (Karpatne et al. 2017; Jia et al. 2021) that lets scarce labels go
 * further.
 *
 * @param dataWeight weight of the data misfit, >= 0
 * @param l2 L2 penalty on the weight matrices, >= 0
 * @param terms physics terms (unique names)
 * @param rows rows the physics terms apply to
 */
public record LossSpec(double dataWeight, double l2, List<PhysicsTerm> terms, PhysicsRows rows) {
  /** Rows physics terms are evaluated on. */
  public enum PhysicsRows {
    /** Every time step of the task (train, validation and test: forcing is known everywhere). */
    ALL,
    /** The training period only. */
    TRAINING
  }

  public LossSpec {
    terms = List.copyOf(terms);
  }

  /** Data misfit only, a small L2 penalty (1e-4). */
  public static LossSpec dataOnly() {
    return new LossSpec(1, 1e-4, List.of(), PhysicsRows.ALL);
  }

  /** The same spec with one more term. */
  public LossSpec with(PhysicsTerm t) {
    List<PhysicsTerm> l = new ArrayList<>(terms);
    l.add(t);
    return new LossSpec(dataWeight, l2, l, rows);
  }

  /** The same spec with other physics rows. */
  public LossSpec on(PhysicsRows r) {
    return new LossSpec(dataWeight, l2, terms, r);
  }

  /** The same spec with another L2 penalty. */
  public LossSpec withL2(double l) {
    return new LossSpec(dataWeight, l, terms, rows);
  }

  /** The same spec without physics terms. */
  public LossSpec withoutTerms() {
    return new LossSpec(dataWeight, l2, List.of(), rows);
  }

  /** Weights of the terms by name. */
  public Map<String, Double> weights() {
    Map<String, Double> m = new LinkedHashMap<>();
    terms.forEach(t -> m.put(t.name(), t.weight()));
    return m;
  }

  /**
   * Every problem of this loss for a network with the given outputs and input features: negative
   * or non-finite weights and scales, duplicate term names, terms that reference an output the
   * network does not produce or expect another unit, or perturb a feature the network does not
   * read, and term-specific shape problems. Empty if the loss is usable.
   */
  public List<String> problems(List<VariableSpec> outputs, List<String> features) {
    List<String> p = new ArrayList<>();
    if (!(dataWeight >= 0) || !Double.isFinite(dataWeight)) {
      p.add("data weight must be finite and >= 0, got " + dataWeight);
    }
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      p.add("L2 penalty must be finite and >= 0, got " + l2);
    }
    Map<String, VariableSpec> byName = new LinkedHashMap<>();
    outputs.forEach(o -> byName.put(o.name(), o));
    Set<String> names = new HashSet<>();
    for (PhysicsTerm t : terms) {
      if (!names.add(t.name())) {
        p.add("two physics terms are named '" + t.name() + "'");
      }
      if (!(t.weight() >= 0) || !Double.isFinite(t.weight())) {
        p.add("physics term '" + t.name() + "' has weight " + t.weight()
            + "; weights must be finite and >= 0");
      }
      if (!(t.scale() > 0) || !Double.isFinite(t.scale())) {
        p.add("physics term '" + t.name() + "' has scale " + t.scale() + "; must be > 0");
      }
      for (VariableSpec need : t.requiredOutputs()) {
        VariableSpec have = byName.get(need.name());
        if (have == null) {
          p.add("physics term '" + t.name() + "' references " + need.name()
              + " but the network outputs only " + byName.keySet());
        } else if (!have.unit().equals(need.unit())) {
          p.add("physics term '" + t.name() + "' needs " + need.name() + " in " + need.unit()
              + " but the network outputs it in " + have.unit());
        }
      }
      for (String f : t.requiredFeatures()) {
        if (!features.contains(f)) {
          p.add("physics term '" + t.name() + "' perturbs input " + f
              + " but the network inputs are " + features);
        }
      }
      p.addAll(t.problems(outputs).stream().map(s -> "physics term '" + t.name() + "': " + s)
          .toList());
    }
    return p;
  }

  /** Throws an {@link IllegalArgumentException} listing every problem (see {@link #problems}). */
  public void validate(List<VariableSpec> outputs, List<String> features) {
    List<String> p = problems(outputs, features);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException("invalid fusion loss:\n  - " + String.join("\n  - ", p));
    }
  }
}
