package org.cml4j.embed.solving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.support.TaskSupport;
import org.cml4j.lsm.coupling.PhysicsOnlyBaseline;

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
public final class LearnedParameterCoupling implements Coupling {
  /** Registry name. */
  public static final String NAME = "embed.learned-parameters";
  private final CouplingDefaults defaults;
  private final List<String> learned;

  /** Learns the named positive parameters as series (default: hbeta). */
  public LearnedParameterCoupling(CouplingDefaults defaults, List<String> learned) {
    if (learned.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": give at least one parameter to learn");
    }
    this.defaults = defaults;
    this.learned = List.copyOf(learned);
  }

  public LearnedParameterCoupling(CouplingDefaults defaults) {
    this(defaults, List.of("hbeta"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CouplingMode mode() {
    return CouplingMode.MODEL_SOLVING;
  }

  @Override
  public String description() {
    return "network for hbeta(t) from forcing and moisture, trained end to end through the"
        + " physics adjoint";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.requiring(Requirement.DIFFERENTIABLE_MECHANISM).estimatingParameters()
        .predictingUnobserved();
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = TaskSupport.applicability(task, capabilities(), false, 24);
    if (!a.applicable()) {
      return a;
    }
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
    return a;
  }

  @Override
  public CouplingSolution solve(CouplingTask task) {
    TaskSupport.require(applicability(task), NAME, task);
    double[][] x = ParameterNetwork.features(task.forcing(), task.auxiliary());
    long t0 = System.nanoTime();
    Calibration cal = new PhysicsOnlyBaseline(defaults.optimizer()).calibrate(task);
    List<String> vars = PhysicsOnlyBaseline.calibrationVariables(task);
    int trainEnd = task.split().trainEnd();
    int valEnd = task.split().validationEnd();
    SeriesObjective obj = new SeriesObjective(task.mechanism(), task.forcing(),
        task.observations(), vars, task.initialObservations(), 0, trainEnd);
    List<ParameterInfo> lp = learned.stream().map(task.mechanism()::parameter).toList();
    List<ParameterInfo> cp = PhysicsOnlyBaseline.fitParameters(task).stream()
        .filter(p -> !learned.contains(p)).map(task.mechanism()::parameter).toList();
    ParameterNetwork pn = new ParameterNetwork(obj, x, lp, cp, ParameterNetwork.Settings
        .standard(task.budget().scale(80, 250, 600), task.seed()));
    ParameterNetwork.Result r = pn.train(cal.parameters(), trainEnd, valEnd);
    long t1 = System.nanoTime();
    List<String> targets = TaskSupport.simulableTargets(task);
    Frame pred = task.mechanism().run(new ModelInput(task.forcing(), r.constants(), r.series(),
        targets, task.initialObservations())).outputs();
    Frame constant = task.mechanism().run(new ModelInput(task.forcing(), cal.parameters(),
        Map.of(), targets, task.initialObservations())).outputs();
    long t2 = System.nanoTime();
    Diagnostics.Builder d = Diagnostics.builder().scalar("bestEpoch", r.bestEpoch())
        .scalar("epochs", r.trainLoss().length - 1)
        .scalar("physicsEvaluations", cal.evaluations() + obj.forwardRuns() + 2)
        .scalar("adjointRuns", obj.adjointRuns())
        .curve("trainLoss", r.trainLoss()).curve("validationLoss", r.validationLoss())
        .note("learned " + learned + " as functions of " + task.forcing().names() + ", hour of"
            + " day and " + task.auxiliary().names() + "; constants " + cp.stream()
            .map(ParameterInfo::name).toList() + " fitted jointly");
    r.series().forEach((k, v) -> d.curve(k + "(t)", v));
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
    return new CouplingSolution(NAME, pred, fitted, d.build(), (t1 - t0) * 1e-9,
        (t2 - t1) * 1e-9, TaskSupport.provenance(NAME, TaskSupport.config("learned", learned,
            "constants", cp.stream().map(ParameterInfo::name).toList(), "network", "16x16 tanh",
            "epochs", task.budget().scale(80, 250, 600)), task));
  }
}
