package org.cml4j.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;

/**
 * An immutable coupling problem (SciML-style): the mechanism model, forcing over the whole period,
 * observations with a train/validation/test split in time, the targets to predict, a compute
 * budget and a seed. Observations in the test period are hidden (NaN) by construction, so no
 * coupling can peek at what it is scored on. Build with {@link #builder()}.
 *
 * @param name task name (used in error messages)
 * @param mechanism the mechanism model
 * @param forcing forcing over train, validation and test periods
 * @param observations observations; NaN from the start of the test period on (masked here)
 * @param split the train/validation/test split in time steps
 * @param targets variables to predict on the test period (at least one)
 * @param budget compute budget
 * @param seed seed of everything random the couplings do
 * @param knownParameters parameters known a priori (e.g. albedo from a radiometer), not to be
 *     fitted
 * @param fitParameters mechanism parameters to estimate (couplings that estimate parameters)
 * @param tags free-form tags, e.g. {@link #TAG_PARAMETER_RECOVERY}
 * @param auxiliary extra input variables available over the whole period (train, validation and
 *     test), e.g. intermediate variables produced by an upstream pipeline stage (mode 2); null =
 *     none
 */
public record CouplingTask(String name, MechanismModel mechanism, Frame forcing, Frame observations,
    TimeSplit split, List<String> targets, Budget budget, long seed,
    Map<String, Double> knownParameters, List<String> fitParameters, Set<String> tags,
    Frame auxiliary) {
  /** Tag of tasks whose fitted mechanism parameters are scored against a known truth. */
  public static final String TAG_PARAMETER_RECOVERY = "parameter-recovery";

  /** Checks the axes, the forcing the mechanism needs and the parameters; masks the test period. */
  public CouplingTask {
    Objects.requireNonNull(name, "task name");
    Objects.requireNonNull(mechanism, "mechanism model");
    Objects.requireNonNull(forcing, "forcing");
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(split, "time split");
    Objects.requireNonNull(budget, "budget");
    if (forcing.size() != split.size() || observations.size() != split.size()) {
      throw new IllegalArgumentException("task " + name + ": forcing has " + forcing.size()
          + " steps, observations " + observations.size() + ", split " + split.size()
          + "; all must agree");
    }
    for (VariableSpec v : mechanism.forcing()) {
      if (!forcing.has(v.name())) {
        throw new IllegalArgumentException("task " + name + ": forcing lacks " + v
            + " needed by mechanism " + mechanism.name() + "; forcing has " + forcing.names());
      }
      forcing.values(v);
    }
    observations = observations.maskedFrom(split.validationEnd());
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("task " + name + " has no targets");
    }
    targets = List.copyOf(targets);
    for (var e : knownParameters.entrySet()) {
      mechanism.parameter(e.getKey()).check(e.getValue());
    }
    knownParameters = Map.copyOf(knownParameters);
    for (String p : fitParameters) {
      mechanism.parameter(p);
    }
    fitParameters = List.copyOf(fitParameters);
    tags = Set.copyOf(tags);
    auxiliary = auxiliary == null ? forcing.select(List.of()) : auxiliary;
    if (auxiliary.size() != split.size()) {
      throw new IllegalArgumentException("task " + name + ": auxiliary inputs have "
          + auxiliary.size() + " steps, split " + split.size());
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised from this task (to derive variants, e.g. other seeds or targets). */
  public Builder toBuilder() {
    Builder b = new Builder().name(name).mechanism(mechanism).forcing(forcing)
        .observations(observations).split(split).targets(targets).budget(budget).seed(seed)
        .fitParameters(fitParameters).auxiliary(auxiliary);
    knownParameters.forEach(b::knownParameter);
    tags.forEach(b::tag);
    return b;
  }

  /** Names of the observed variables. */
  public List<String> observed() {
    return List.copyOf(observations.names());
  }

  /** Spec of a target (unit from the observations if observed, else the standard unit). */
  public VariableSpec targetSpec(String target) {
    return observations.has(target) ? observations.spec(target) : VariableSpec.of(target);
  }

  /** Observed values at the first step (non-NaN only), for the mechanism's initial state. */
  public Map<String, Double> initialObservations() {
    return observations.finiteAt(0);
  }

  /** Data fingerprint of forcing and visible observations. */
  public String fingerprint() {
    return forcing.merge(observations.drop(forcing.names())).fingerprint();
  }

  @Override
  public String toString() {
    return "CouplingTask[" + name + ", targets " + targets + ", split " + split + "]";
  }

  /** Builder for {@link CouplingTask}. */
  public static final class Builder {
    private String name;
    private MechanismModel mechanism;
    private Frame forcing;
    private Frame observations;
    private TimeSplit split;
    private final List<String> targets = new ArrayList<>();
    private Budget budget = Budget.quick();
    private long seed = 42;
    private final Map<String, Double> knownParameters = new LinkedHashMap<>();
    private final List<String> fitParameters = new ArrayList<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private Frame auxiliary;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder mechanism(MechanismModel v) {
      mechanism = v;
      return this;
    }

    public Builder forcing(Frame v) {
      forcing = v;
      return this;
    }

    public Builder observations(Frame v) {
      observations = v;
      return this;
    }

    public Builder split(TimeSplit v) {
      split = v;
      return this;
    }

    public Builder targets(List<String> v) {
      targets.clear();
      targets.addAll(v);
      return this;
    }

    public Builder target(String v) {
      targets.add(v);
      return this;
    }

    public Builder budget(Budget v) {
      budget = Objects.requireNonNull(v);
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder knownParameter(String n, double v) {
      knownParameters.put(n, v);
      return this;
    }

    public Builder fitParameters(List<String> v) {
      fitParameters.clear();
      fitParameters.addAll(v);
      return this;
    }

    public Builder tag(String v) {
      tags.add(v);
      return this;
    }

    public Builder auxiliary(Frame v) {
      auxiliary = v;
      return this;
    }

    public CouplingTask build() {
      return new CouplingTask(name, mechanism, forcing, observations, split, targets, budget, seed,
          knownParameters, fitParameters, tags, auxiliary);
    }
  }
}
