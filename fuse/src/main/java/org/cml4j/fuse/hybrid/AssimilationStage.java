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
import org.cml4j.lsm.assimilation.ColumnEnsembleFilter;
import org.cml4j.lsm.assimilation.EnkfResult;
import org.cml4j.lsm.assimilation.EnsembleSettings;
import org.cml4j.lsm.assimilation.ObservationSeries;
import org.cml4j.lsm.assimilation.SurfaceFluxNoise;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.model.Output;

/**
 * Pipeline stage running the calibrated mechanism with data assimilation (embedding): the
 * {@link ColumnEnsembleFilter} (state only; model error an AR(1) surface heat flux of 15 W m-2
 * with a 6 h e-folding time, {@link SurfaceFluxNoise}; 0.5 K initial spread; 16/32/64 members for
 * TINY/QUICK/FULL) assimilates every observed variable of the calibration (0.3 K error for
 * temperatures, 10 W m-2 for fluxes) over the training and validation periods and then runs free
 * over the test period; optionally the forcing carries a learned model-error flux from an upstream
 * {@link ModelErrorStage} (added to LWdown). With assimilation off the stage is a plain
 * (corrected) model run. Publishes every target the mechanism simulates, under the target's name.
 *
 * @param name stage name
 * @param inputs the mechanism's forcing, plus {@link ModelErrorStage#CORRECTION} with correction
 * @param outputs the targets the mechanism simulates
 * @param settings calibration settings
 * @param correction whether to read {@link ModelErrorStage#CORRECTION}
 * @param assimilate whether to assimilate (false = free model run)
 */
public record AssimilationStage(String name, List<VariableSpec> inputs,
    List<VariableSpec> outputs, OptimizerSettings settings, boolean correction,
    boolean assimilate) implements Stage {
  /** The model-error model of the filter. */
  public static final SurfaceFluxNoise MODEL_ERROR = new SurfaceFluxNoise(15, 6);

  public AssimilationStage {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (correction && !inputs.contains(ModelErrorStage.CORRECTION)) {
      throw new IllegalArgumentException("stage " + name + " reads the model-error correction,"
          + " so its inputs must include " + ModelErrorStage.CORRECTION);
    }
  }

  /**
   * The stage for a task: its forcing (and the correction) in, every target the mechanism
   * simulates out.
   */
  public AssimilationStage(String name, CouplingTask task, OptimizerSettings settings,
      boolean correction, boolean assimilate) {
    this(name, inputs(task, correction), task.targets().stream()
        .filter(task.mechanism()::canSimulate).map(task::targetSpec).toList(), settings,
        correction, assimilate);
  }

  private static List<VariableSpec> inputs(CouplingTask task, boolean correction) {
    List<VariableSpec> in = new ArrayList<>(task.mechanism().forcing());
    if (correction) {
      in.add(ModelErrorStage.CORRECTION);
    }
    return in;
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
    ModelInput in = new ModelInput(f, cal.parameters(), Map.of(), names,
        task.initialObservations());
    Frame out = task.forcing().select(List.of());
    Diagnostics.Builder d = Diagnostics.builder();
    if (!assimilate) {
      Frame sim = m.run(in).outputs();
      for (VariableSpec v : outputs) {
        out = out.with(v, sim.values(v.name()));
      }
    } else {
      EnsembleSettings cfg = EnsembleSettings.stateOnly(task.budget().scale(16, 32, 64), 0.5,
          MODEL_ERROR, task.seed());
      ColumnEnsembleFilter filter = new ColumnEnsembleFilter(m.columnModel().grid(),
          LsmMechanism.surfaceForcing(f), m.columnParameters(in), List.of(),
          m.initialState(task.initialObservations()));
      EnkfResult r = filter.run(observations(task, cal.variables()), cfg,
          task.split().validationEnd(), names.stream().map(Output::parse).toList(), null);
      for (VariableSpec v : outputs) {
        out = out.with(v, r.output(v.name()));
      }
      d.scalar("members", cfg.members()).scalar("memberSteps", r.memberSteps())
          .note("assimilated " + cal.variables() + " up to the end of the validation period");
    }
    d.scalar("seconds", (System.nanoTime() - t0) * 1e-9);
    return new StageResult(out, cal.fitted(), d.build(), cal.id());
  }

  /** The observed variables with 0.3 K error for temperatures, 10 W m-2 for fluxes. */
  private static List<ObservationSeries> observations(CouplingTask task, List<String> vars) {
    return vars.stream().map(v -> new ObservationSeries(Output.parse(v),
        task.observations().values(v),
        task.observations().spec(v).unit().equals("K") ? 0.3 : 10)).toList();
  }
}
