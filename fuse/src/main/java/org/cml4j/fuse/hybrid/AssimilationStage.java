package org.cml4j.fuse.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.core.calibration.Calibration;
import org.cml4j.core.calibration.MechanismCalibrator;
import org.cml4j.core.pipeline.Stage;
import org.cml4j.core.pipeline.StageResult;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ModelInput;
import org.cml4j.core.spi.OptimizerSettings;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;

/**
 * Pipeline stage running the calibrated mechanism with data assimilation (embedding): an
 * {@link EnsembleKalmanFilter} assimilates the observed variables over the training and
 * validation periods and then runs free over the test period; optionally the forcing carries a
 * learned model-error flux from an upstream {@link ModelErrorStage} (added to LWdown). With
 * assimilation off the stage is a plain (corrected) model run. Publishes every target the
 * mechanism simulates, under the target's name.
 */
public final class AssimilationStage implements Stage {
  private final String name;
  private final List<VariableSpec> inputs;
  private final List<VariableSpec> outputs;
  private final OptimizerSettings settings;
  private final boolean correction;
  private final boolean assimilate;

  /**
   * @param name stage name
   * @param task the task (for the forcing variables and targets)
   * @param settings calibration settings
   * @param correction whether to read {@link ModelErrorStage#CORRECTION}
   * @param assimilate whether to assimilate (false = free model run)
   */
  public AssimilationStage(String name, CouplingTask task, OptimizerSettings settings,
      boolean correction, boolean assimilate) {
    this.name = name;
    List<VariableSpec> in = new ArrayList<>(task.mechanism().forcing());
    if (correction) {
      in.add(ModelErrorStage.CORRECTION);
    }
    this.inputs = List.copyOf(in);
    this.outputs = task.targets().stream().filter(task.mechanism()::canSimulate)
        .map(task::targetSpec).toList();
    this.settings = settings;
    this.correction = correction;
    this.assimilate = assimilate;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<VariableSpec> inputs() {
    return inputs;
  }

  @Override
  public List<VariableSpec> outputs() {
    return outputs;
  }

  @Override
  public StageResult run(CouplingTask task, Frame available) {
    LsmMechanism m = task.mechanism().unwrap(LsmMechanism.class).orElseThrow(() ->
        new IllegalArgumentException("stage " + name + " needs the land-surface mechanism"
            + " (LsmMechanism), got " + task.mechanism().name()));
    long t0 = System.nanoTime();
    Calibration cal = new MechanismCalibrator(settings).calibrate(task);
    Frame f = task.forcing();
    if (correction) {
      double[] lw = f.values(Variables.LWDOWN);
      double[] dg = available.values(ModelErrorStage.CORRECTION);
      for (int i = 0; i < lw.length; i++) {
        lw[i] += dg[i];
      }
      f = f.replace(f.spec(Variables.LWDOWN), lw);
    }
    List<String> names = outputs.stream().map(VariableSpec::name).toList();
    Frame out = task.forcing().select(List.of());
    Diagnostics.Builder d = Diagnostics.builder();
    if (!assimilate) {
      Frame sim = m.run(new ModelInput(f, cal.parameters(), Map.of(), names,
          task.initialObservations())).outputs();
      for (VariableSpec v : outputs) {
        out = out.with(v, sim.values(v.name()));
      }
    } else {
      List<String> obsVars = cal.variables();
      double[][] obs = new double[obsVars.size()][];
      double[] sd = new double[obsVars.size()];
      for (int k = 0; k < obs.length; k++) {
        obs[k] = task.observations().values(obsVars.get(k));
        sd[k] = task.observations().spec(obsVars.get(k)).unit().equals("K") ? 0.3 : 10;
      }
      ModelInput in = new ModelInput(f, cal.parameters(), Map.of(), names,
          task.initialObservations());
      SurfaceForcing sf = LsmMechanism.surfaceForcing(f);
      EnsembleKalmanFilter enkf = new EnsembleKalmanFilter(task.budget().scale(16, 32, 64), 15,
          6, 0.5, task.seed());
      double[][] mean = enkf.run(m.columnModel(), m.columnParameters(in), sf,
          m.initialState(task.initialObservations()), obsVars.stream().map(Output::parse)
              .toList(), obs, sd, task.split().validationEnd(), names.stream().map(Output::parse)
              .toList());
      for (int o = 0; o < outputs.size(); o++) {
        out = out.with(outputs.get(o), mean[o]);
      }
      d.scalar("members", enkf.members()).note("assimilated " + obsVars
          + " up to the end of the validation period");
    }
    d.scalar("seconds", (System.nanoTime() - t0) * 1e-9);
    return new StageResult(out, cal.fitted(), d.build(), cal.id());
  }
}
