package org.cml4j.core.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.Variables;

/**
 * What a coupling requires and provides.
 *
 * @param requires requirements checked against a task
 * @param estimatesParameters true if the solution carries fitted mechanism parameters
 * @param predictsUnobserved true if it can predict targets never observed in training (through
 *     the mechanism)
 * @param minTrainingSteps minimum number of training steps with observations it needs
 * @param predictsDistribution true if the solution carries a predictive distribution
 *     ({@link CouplingSolution#predictive()}) for the targets it predicts
 */
public record Capabilities(Set<Requirement> requires, boolean estimatesParameters,
    boolean predictsUnobserved, int minTrainingSteps, boolean predictsDistribution) {
  public Capabilities {
    requires = requires.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requires));
  }

  /** Capabilities without a predictive distribution. */
  public Capabilities(Set<Requirement> requires, boolean estimatesParameters,
      boolean predictsUnobserved, int minTrainingSteps) {
    this(requires, estimatesParameters, predictsUnobserved, minTrainingSteps, false);
  }

  /** Same, marking that a predictive distribution is returned. */
  public Capabilities predictingDistribution() {
    return new Capabilities(requires, estimatesParameters, predictsUnobserved, minTrainingSteps,
        true);
  }

  /** Capabilities with the given requirements (no parameters, needs observed targets). */
  public static Capabilities requiring(Requirement... r) {
    return new Capabilities(Set.of(r), false, false, 24);
  }

  /**
   * Preset of the couplings built on the mechanism's gradients: a differentiable mechanism; they
   * estimate parameters and predict unobserved targets.
   */
  public static Capabilities differentiableMechanism() {
    return requiring(Requirement.DIFFERENTIABLE_MECHANISM).estimatingParameters()
        .predictingUnobserved();
  }

  /**
   * Preset of the assimilation couplings: observed soil temperature; they estimate parameters and
   * predict unobserved targets.
   */
  public static Capabilities observedSoilTemperature() {
    return requiring(Requirement.OBSERVED_SOIL_TEMPERATURE).estimatingParameters()
        .predictingUnobserved();
  }

  /** Same, marking that parameters are estimated. */
  public Capabilities estimatingParameters() {
    return new Capabilities(requires, true, predictsUnobserved, minTrainingSteps,
        predictsDistribution);
  }

  /** Same, marking that unobserved targets can be predicted. */
  public Capabilities predictingUnobserved() {
    return new Capabilities(requires, estimatesParameters, true, minTrainingSteps,
        predictsDistribution);
  }

  /** Checks the requirements against a task. */
  public Applicability check(CouplingTask t) {
    TimeSplit s = t.split();
    for (Requirement r : requires) {
      switch (r) {
        case DIFFERENTIABLE_MECHANISM -> {
          if (!t.mechanism().differentiable()) {
            return Applicability.no("mechanism " + t.mechanism().name() + " is not differentiable");
          }
        }
        case OBSERVED_SOIL_TEMPERATURE -> {
          boolean any = t.observed().stream().anyMatch(Variables::isSoilTemperature);
          if (!any) {
            return Applicability.no("no soil temperature observed in the training period");
          }
        }
        case OBSERVED_TARGETS -> {
          for (String v : t.targets()) {
            if (!t.observations().has(v)
                || t.observations().countValid(v, 0, s.trainEnd()) < minTrainingSteps) {
              return Applicability.no("target " + v + " has fewer than " + minTrainingSteps
                  + " training observations");
            }
          }
        }
        case SIMULATED_TARGETS -> {
          List<String> missing = t.targets().stream()
              .filter(v -> !t.mechanism().canSimulate(v)).toList();
          if (!missing.isEmpty()) {
            return Applicability.no("mechanism cannot simulate " + missing);
          }
        }
        case PARAMETER_ESTIMATION_TASK -> {
          if (!t.tags().contains(CouplingTask.TAG_PARAMETER_RECOVERY)) {
            return Applicability.no("task is not a parameter-recovery task");
          }
        }
        default -> throw new IllegalStateException(r.toString());
      }
    }
    return Applicability.yes();
  }
}
