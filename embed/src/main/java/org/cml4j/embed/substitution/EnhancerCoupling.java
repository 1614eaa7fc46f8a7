package org.cml4j.embed.substitution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingDefaults;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.embed.EmbedCoupling;
import org.cml4j.embed.TaskSupport;
import org.cml4j.embed.physics.CalibratedColumn;
import org.cml4j.embed.solving.ParameterNetwork;
import org.cml4j.embed.solving.SeriesObjective;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.rich.RichTrajectory;

/**
 * Mode 4 (model substitution), enhancer trained on pseudo-observations: a high-resolution
 * configuration ({@link HighResolutionModel}: finer grid and step and, when given, physics the
 * simple model lacks such as layered soil with moisture-dependent conductivity) is run over the
 * task's forcing, and its hourly surface and soil temperatures at {@link #PSEUDO_DEPTHS} are the
 * pseudo-observations. The coarse model's constant soil properties are then replaced inside its
 * step by a learned parameterisation: a network maps the forcing, the hour of day and the task's
 * auxiliary inputs (e.g. soil moisture) to effective lambda(t), C(t) and hbeta(t) (by default),
 * trained end to end through
 * the coarse model's adjoint ({@link ParameterNetwork}) on the training-period pseudo-observations
 * with early stopping on the validation period; the other fitted constants are refined jointly.
 * Being physics with learned coefficients, the enhanced step stays stable and conservative over
 * long rollouts (an additive learned state correction, tried first, drifted at depth). Diagnostics
 * give validation RMSE against the observations for the coarse, enhanced and high-resolution runs.
 */
public final class EnhancerCoupling extends EmbedCoupling {
  /** Identity: registry name, mode, description (read by the plugin's factory). */
  public static final CouplingInfo INFO = identity("embed.enhancer",
      CouplingMode.MODEL_SUBSTITUTION,
      "coarse column with learned lambda(t), C(t), hbeta(t) trained on high-resolution"
      + " pseudo-observations");
  /** Registry name. */
  public static final String NAME = INFO.name();
  /** Depths of the soil-temperature pseudo-observations [m] (plus the surface temperature). */
  public static final double[] PSEUDO_DEPTHS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
  private final HighResolutionModel reference;
  private final List<String> learned;

  /**
   * @param reference the high-resolution configuration
   * @param learned positive coarse-model parameters replaced by learned series
   */
  public EnhancerCoupling(CouplingDefaults defaults, HighResolutionModel reference,
      List<String> learned) {
    super(INFO, Capabilities.differentiableMechanism(), defaults, true, 24);
    this.reference = reference;
    this.learned = List.copyOf(learned);
  }

  /** Learns lambda(t), C(t) and hbeta(t). */
  public EnhancerCoupling(CouplingDefaults defaults, HighResolutionModel reference) {
    this(defaults, reference, List.of("lambda", "C", "hbeta"));
  }

  /** With the resolution-only reference (1 mm, 1 min). */
  public EnhancerCoupling(CouplingDefaults defaults) {
    this(defaults, HighResolutionModel.resolutionOnly(1001, 60));
  }

  /** The pseudo-observation variable names. */
  public static List<String> pseudoVariables() {
    List<String> v = new java.util.ArrayList<>();
    v.add("SurfTemp");
    for (double d : PSEUDO_DEPTHS) {
      v.add(Output.soilTemperature(d).name());
    }
    return v;
  }

  @Override
  protected Result run(CouplingTask task) {
    double[][] x = ParameterNetwork.features(task.forcing(), task.auxiliary());
    long t0 = System.nanoTime();
    Calibration cal = EmulatorSupport.calibrate(task, defaults);
    CalibratedColumn col = EmulatorSupport.column(task, NAME, cal.parameters());
    long r0 = System.nanoTime();
    RichTrajectory hi = reference.run(task, col);
    double hiSeconds = TaskSupport.since(r0);
    if (hi.levels() != col.levels()) {
      throw new IllegalStateException(NAME + ": the high-resolution run has " + hi.levels()
          + " levels, the task " + col.levels());
    }
    List<String> vars = pseudoVariables();
    Frame pseudo = task.forcing().select(List.of());
    Map<String, Double> init = new LinkedHashMap<>();
    for (String v : vars) {
      double[] s = hi.output(v);
      pseudo = pseudo.with(new VariableSpec(v, "K"), s);
      init.put(v, s[0]);
    }
    int trainEnd = task.split().trainEnd();
    int valEnd = task.split().validationEnd();
    SeriesObjective obj = new SeriesObjective(task.mechanism(), task.forcing(), pseudo, vars,
        init, 0, trainEnd);
    List<ParameterInfo> cp = cal.problem().fit().stream()
        .filter(p -> !learned.contains(p) && !p.equals("alpha"))
        .map(task.mechanism()::parameter).toList();
    ParameterNetwork.Result r = ParameterNetwork.train(task, obj, x, learned, cp,
        cal.parameters());
    long t1 = System.nanoTime();
    List<String> targets = TaskSupport.simulableTargets(task);
    Frame pred = TaskSupport.simulate(task, r.constants(), r.series(), targets);
    Frame coarse = TaskSupport.simulate(task, cal.parameters(), Map.of(), targets);
    Diagnostics.Builder d = Diagnostics.builder().scalar("bestEpoch", r.bestEpoch())
        .scalar("highResolutionSeconds", hiSeconds)
        .scalar("physicsEvaluations", cal.evaluations() + obj.forwardRuns() + 2)
        .curve("trainLoss", r.trainLoss()).curve("validationLoss", r.validationLoss())
        .note("pseudo-observations " + vars + "; learned " + learned + " from "
            + task.forcing().names() + ", hour of day, " + task.auxiliary().names());
    r.series().forEach((k, v) -> d.curve(k + "(t)", v));
    for (String t : targets) {
      if (task.observations().has(t)) {
        double[] o = task.observations().values(t);
        d.scalar("validationRmseEnhanced_" + t, TaskSupport.rmse(pred.values(t), o, trainEnd,
            valEnd));
        d.scalar("validationRmseCoarse_" + t, TaskSupport.rmse(coarse.values(t), o, trainEnd,
            valEnd));
        d.scalar("validationRmseHighResolution_" + t, TaskSupport.rmse(hi.output(t), o,
            trainEnd, valEnd));
      }
    }
    Map<String, Double> fitted = new LinkedHashMap<>();
    cp.forEach(p -> fitted.put(p.name(), r.constants().get(p.name())));
    long t2 = System.nanoTime();
    return new Result(pred, fitted, d.build(), TaskSupport.config("learned", learned,
        "pseudoObservations", vars, "epochs", ParameterNetwork.Settings.forTask(task).epochs()),
        0)
        .timed((t1 - t0) * 1e-9, (t2 - t1) * 1e-9).withCalibration(cal.id());
  }
}
