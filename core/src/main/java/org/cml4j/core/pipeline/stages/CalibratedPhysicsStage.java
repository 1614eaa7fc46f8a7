package org.cml4j.core.pipeline.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.CalibrationProblem;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.pipeline.AbstractStage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;

/**
 * Ready-made stage "calibrated physics": the task's mechanism calibrated by the one calibration
 * service ({@link MechanismCalibrator} on {@link CalibrationProblem#from}: the training period
 * only, every observed variable the mechanism simulates, the same defaults as
 * {@code baseline.physics-only} and every coupling), then run over the whole axis; each of the
 * named mechanism outputs {@code v} is published as {@code v + suffix} (default
 * {@code "_physics"}) in its standard unit.
 *
 * <p>Inputs are the mechanism's forcing variables. With {@link #readingForcing} a forcing
 * variable is read from another pipeline variable instead (e.g. a learned or corrected input from
 * an upstream stage); the calibration and the run then use it. Deterministic: the calibration's
 * multi-start is seeded with the task's seed. The result names the calibration's id.
 */
public final class CalibratedPhysicsStage extends AbstractStage {
  /** Default suffix of the published variables. */
  public static final String SUFFIX = "_physics";
  private final MechanismModel mechanism;
  private final List<String> variables;
  private final String suffix;
  private final OptimizerSettings settings;
  private final Map<String, VariableSpec> forcingFrom;

  private CalibratedPhysicsStage(String name, MechanismModel mechanism, List<String> variables,
      String suffix, OptimizerSettings settings, Map<String, VariableSpec> forcingFrom) {
    super(name, mechanism.forcing().stream().map(v -> forcingFrom.getOrDefault(v.name(), v))
        .toList(), published(variables, suffix));
    if (variables.isEmpty()) {
      throw new IllegalArgumentException("stage '" + name + "' publishes nothing: name at least"
          + " one output of mechanism " + mechanism.name());
    }
    for (String v : variables) {
      if (!mechanism.canSimulate(v)) {
        throw new IllegalArgumentException("stage '" + name + "': mechanism " + mechanism.name()
            + " does not simulate " + v);
      }
    }
    this.mechanism = mechanism;
    this.variables = List.copyOf(variables);
    this.suffix = suffix;
    this.settings = settings;
    this.forcingFrom = Map.copyOf(forcingFrom);
  }

  /** The published variables: each {@code v} as {@code v + suffix} in its standard unit. */
  private static List<VariableSpec> published(List<String> variables, String suffix) {
    return variables.stream().map(v -> new VariableSpec(v + suffix, VariableSpec.of(v).unit()))
        .toList();
  }

  /**
   * Stage {@code "physics"} publishing {@code variables} as {@code <v>_physics}, calibrated with
   * {@link OptimizerSettings#standard()}.
   *
   * @param mechanism the task's mechanism (its forcing are the stage's inputs)
   * @param variables mechanism outputs to publish, e.g. {@code SoilTemp_0.04}, {@code Qg}
   */
  public static CalibratedPhysicsStage of(MechanismModel mechanism, List<String> variables) {
    return new CalibratedPhysicsStage("physics", mechanism, variables, SUFFIX,
        OptimizerSettings.standard(), Map.of());
  }

  /** The same stage under another name. */
  public CalibratedPhysicsStage named(String otherName) {
    return new CalibratedPhysicsStage(otherName, mechanism, variables, suffix, settings,
        forcingFrom);
  }

  /** The same stage publishing {@code <v><otherSuffix>}. */
  public CalibratedPhysicsStage withSuffix(String otherSuffix) {
    return new CalibratedPhysicsStage(name(), mechanism, variables, otherSuffix, settings,
        forcingFrom);
  }

  /** The same stage calibrated with other optimizer settings (e.g. the registry's defaults). */
  public CalibratedPhysicsStage withSettings(OptimizerSettings other) {
    return new CalibratedPhysicsStage(name(), mechanism, variables, suffix, other, forcingFrom);
  }

  /**
   * The same stage reading the mechanism's forcing variable {@code forcing} from the pipeline
   * variable {@code from} (same unit as the mechanism's forcing, checked with the wiring).
   */
  public CalibratedPhysicsStage readingForcing(String forcing, VariableSpec from) {
    VariableSpec f = mechanism.forcing().stream().filter(v -> v.name().equals(forcing))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("stage '" + name() + "': "
            + forcing + " is not a forcing variable of mechanism " + mechanism.name() + " ("
            + mechanism.forcing() + ")"));
    if (!f.unit().equals(from.unit())) {
      throw new IllegalArgumentException("stage '" + name() + "': forcing " + f + " cannot be read"
          + " from " + from + " (units differ)");
    }
    Map<String, VariableSpec> m = new LinkedHashMap<>(forcingFrom);
    m.put(forcing, from);
    return new CalibratedPhysicsStage(name(), mechanism, variables, suffix, settings, m);
  }

  /** Mechanism outputs published (without suffix). */
  public List<String> variables() {
    return variables;
  }




  @Override
  public StageResult run(CouplingTask task, Frame available) {
    if (!task.mechanism().name().equals(mechanism.name())) {
      throw new IllegalArgumentException("stage '" + name() + "' was built for mechanism "
          + mechanism.name() + " but task " + task.name() + " has " + task.mechanism().name());
    }
    CouplingTask t = task;
    if (!forcingFrom.isEmpty()) {
      Frame forcing = task.forcing();
      for (var e : forcingFrom.entrySet()) {
        forcing = forcing.replace(forcing.spec(e.getKey()), available.values(e.getValue()));
      }
      t = task.toBuilder().forcing(forcing).build();
    }
    Calibration cal = new MechanismCalibrator(settings).calibrate(t);
    Frame sim = cal.simulate(variables);
    Frame out = task.forcing().select(List.of());
    List<VariableSpec> specs = outputs();
    for (int k = 0; k < variables.size(); k++) {
      out = out.with(specs.get(k), sim.values(variables.get(k)));
    }
    Diagnostics d = Diagnostics.builder().scalar("cost", cal.cost())
        .scalar("physicsEvaluations", cal.evaluations())
        .note("calibrated against " + cal.variables()
            + (forcingFrom.isEmpty() ? "" : " with forcing read from " + forcingFrom)).build();
    return new StageResult(out, cal.fitted(), d, cal.id());
  }
}
