package org.cml4j.embed.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;

/**
 * Mode 6 (model solving), time-dependent parameters learned through the physics: the constant
 * parameters are first calibrated (Levenberg–Marquardt), then a {@link ParameterNetwork} maps the
 * forcing, the hour of day and the task's auxiliary inputs (e.g. soil moisture) to hbeta(t) — the
 * bulk exchange coefficient whose Bowen-ratio part varies with the time of day and the water
 * supply — and is trained end to end through the mechanism's adjoint, jointly with the other
 * fitted constants, on the training period with early stopping on the validation period. Any
 * positive parameter of any differentiable mechanism can be learned this way. Diagnostics hold the
 * fitted series, the loss curves and the validation RMSE against the constant-parameter fit.
 */
public final class LearnedParameterCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.learned-parameters",
      CouplingMode.MODEL_SOLVING,
      "network for hbeta(t) from forcing and moisture, trained end to end through the physics"
      + " adjoint");
  /** Registry name. */
  public static final String NAME = INFO.name();
  private final List<String> learned;

  /** Learns the named positive parameters as series (default: hbeta). */
  public LearnedParameterCoupling(CouplingDefaults defaults, List<String> learned) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, false, 24);
    if (learned.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": give at least one parameter to learn");
    }
    this.learned = List.copyOf(learned);
  }

  public LearnedParameterCoupling(CouplingDefaults defaults) {
    this(defaults, Settings.standard().learned());
  }

  /**
   * Typed settings of {@code embed.learned-parameters}.
   *
   * @param learned positive mechanism parameters learned as series (1 to 6 names; a name the
   *     task's mechanism lacks makes the coupling not applicable, with the reason)
   */
  public record Settings(List<String> learned) {
    public Settings {
      if (learned == null || learned.isEmpty() || learned.size() > 6
          || learned.stream().anyMatch(p -> p == null || p.isBlank())) {
        throw new org.cml4j.core.spi.InvalidSettingException(null, "learned",
            String.valueOf(learned), "1 to 6 parameter names");
      }
      learned = List.copyOf(learned);
    }

    /** hbeta. */
    public static Settings standard() {
      return new Settings(List.of("hbeta"));
    }
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    for (String p : learned) {
      try {
        if (!task.mechanism().parameter(p).positive()) {
          return Applicability.no("parameter " + p + " is not positive; only positive"
              + " parameters are learned (in log space)");
        }
      } catch (IllegalArgumentException e) {
        return Applicability.no(e.getMessage());
      }
    }
    return Applicability.yes();
  }

  @Override
  protected Result run(CouplingTask task) {
    double[][] x = ParameterNetwork.features(task.forcing(), task.auxiliary());
    long t0 = System.nanoTime();
    Calibration cal = new MechanismCalibrator(defaults.optimizer()).calibrate(task);
    List<String> vars = cal.variables();
    int trainEnd = task.split().trainEnd();
    int valEnd = task.split().validationEnd();
    SeriesObjective obj = new SeriesObjective(task.mechanism(), task.forcing(),
        task.observations(), vars, task.initialObservations(), 0, trainEnd);
    List<ParameterInfo> cp = cal.problem().fit().stream()
        .filter(p -> !learned.contains(p)).map(task.mechanism()::parameter).toList();
    ParameterNetwork.Result r = ParameterNetwork.train(task, obj, x, learned, cp,
        cal.parameters());
    long t1 = System.nanoTime();
    List<String> targets = TaskSupport.simulableTargets(task);
    Frame pred = r.simulate(task, targets);
    Frame constant = TaskSupport.simulate(task, cal.parameters(), Map.of(), targets);
    long t2 = System.nanoTime();
    Diagnostics.Builder d = r.describe(Diagnostics.builder())
        .scalar("physicsEvaluations", cal.evaluations() + obj.forwardRuns() + 2)
        .scalar("adjointRuns", obj.adjointRuns())
        .note("learned " + learned + " as functions of " + task.forcing().names() + ", hour of"
            + " day and " + task.auxiliary().names() + "; constants " + cp.stream()
            .map(ParameterInfo::name).toList() + " fitted jointly");
    for (String t : targets) {
      if (task.observations().has(t)) {
        double[] o = task.observations().values(t);
        d.scalar("validationRmseLearned_" + t, TaskSupport.rmse(pred.values(t), o, trainEnd,
            valEnd));
        d.scalar("validationRmseConstant_" + t, TaskSupport.rmse(constant.values(t), o,
            trainEnd, valEnd));
      }
    }
    Map<String, Double> fitted = new LinkedHashMap<>();
    for (ParameterInfo p : cp) {
      fitted.put(p.name(), r.constants().get(p.name()));
    }
    return new Result(pred, fitted, d.build(), TaskSupport.config("learned", learned,
        "constants", cp.stream().map(ParameterInfo::name).toList(), "network", "16x16 tanh",
        "epochs", ParameterNetwork.Settings.forTask(task).epochs()), 0)
        .timed((t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
  }
}
