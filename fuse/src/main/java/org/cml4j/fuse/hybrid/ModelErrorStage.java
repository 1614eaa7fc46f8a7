package org.cml4j.fuse.hybrid;

import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.pipeline.Stage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.data.FeatureSpec;
import org.cml4j.fuse.physics.AdjointTraining;
import org.cml4j.fuse.physics.ForcingCorrectionHead;

/**
 * Pipeline stage learning a physics-constrained model-error term (fusion, mode 9 structure): a
 * network maps the forcing features to a bounded surface heat-flux correction
 * {@code dG(t) = maxAbs tanh(u(t))} [W m-2] that enters the calibrated mechanism through LWdown
 * (so the corrected model still conserves heat in the soil), trained end to end through the
 * mechanism's adjoint on the training period. Publishes {@code dG_model_error} over the whole
 * axis for a downstream stage, e.g. {@link AssimilationStage}.
 *
 * @param name stage name
 * @param inputs the mechanism's forcing variables
 * @param settings calibration settings
 * @param maxAbs largest correction [W m-2], > 0
 */
public record ModelErrorStage(String name, List<VariableSpec> inputs,
    OptimizerSettings settings, double maxAbs) implements Stage {
  /** The published variable. */
  public static final VariableSpec CORRECTION = new VariableSpec("dG_model_error", "W m-2");

  public ModelErrorStage {
    inputs = List.copyOf(inputs);
    if (!(maxAbs > 0)) {
      throw new IllegalArgumentException("stage " + name + ": the largest model-error flux must"
          + " be > 0 W m-2, got " + maxAbs);
    }
  }

  @Override
  public List<VariableSpec> outputs() {
    return List.of(CORRECTION);
  }

  @Override
  public StageResult run(CouplingTask task, Frame available) {
    long t0 = System.nanoTime();
    Budget.SafetyCap cap = task.budget().startCap();
    Calibration cal = new MechanismCalibrator(settings).calibrate(task);
    List<String> vars = cal.variables();
    double[][] x = FeatureSpec.standard(List.copyOf(task.forcing().names()))
        .matrix(task.forcing(), task.auxiliary());
    Learner net = AdjointTraining.network(new int[] {16}, x, new double[] {0},
        new double[] {0.5}, task.seed());
    ForcingCorrectionHead head = new ForcingCorrectionHead(Variables.LWDOWN, maxAbs);
    ModelInput base = new ModelInput(task.forcing(), cal.parameters(), Map.of(), vars,
        task.initialObservations());
    AdjointTraining.Result r = AdjointTraining.train(task.mechanism(), base, head, net, x,
        AdjointTraining.Objective.of(task, vars), task.budget().scale(150, 400, 1000), 1e-2,
        task.budget().scale(40, 80, 150), 1e-2, cap);
    double[] dg = head.correction(r.u());
    Diagnostics d = cap.report(Diagnostics.builder()).curve("loss", r.loss())
        .curve("validationLoss", r.validationLoss()).curve("dG", dg)
        .scalar("epochs", r.epochs()).scalar("bestEpoch", r.bestEpoch())
        .scalar("boundViolation", head.boundViolation(r.u()))
        .scalar("seconds", (System.nanoTime() - t0) * 1e-9)
        .note("model-error flux through LWdown, |dG| <= " + maxAbs + " W m-2").build();
    return new StageResult(task.forcing().select(List.of()).with(CORRECTION, dg), cal.fitted(),
        d, cal.id());
  }
}
