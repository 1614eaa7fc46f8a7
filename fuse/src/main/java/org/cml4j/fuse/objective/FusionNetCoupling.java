package org.cml4j.fuse.objective;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.metrics.Metrics;
import org.cml4j.core.metrics.PhysicsConsistency;
import org.cml4j.core.spi.AbstractCoupling;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Budget;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.CouplingInfo;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.FuseCouplings;
import org.cml4j.fuse.data.FeatureSpec;
import org.cml4j.fuse.data.TaskData;
import org.cml4j.fuse.loss.HeatEquationResidual;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.NetRadiation;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.cml4j.fuse.loss.PhysicsTerms;
import org.cml4j.fuse.net.FusionNetConfig;
import org.cml4j.fuse.net.FusionNetwork;
import org.cml4j.fuse.net.FusionTraining;
import org.cml4j.fuse.net.NetSpec;
import org.cml4j.fuse.net.OutputLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fusion coupling built on one {@link FusionNetwork}: physics outputs as inputs (auxiliary
 * variables, mode 7), physics terms in the loss (mode 8), an energy-conserving output layer
 * (mode 9) and pretraining on physics simulations (the cascade element of Read et al. 2019), each
 * switched on by the {@link FusionNetConfig}. The network reads the task's forcing (current
 * values, 6/24/72 h moving averages, hour of day) plus the auxiliary variables, is trained
 * full-batch on the training period with early stopping on the validation period, and predicts
 * every target it can learn over the whole axis. Physics terms act on all rows by default: the
 * forcing of the validation and test periods is known, their observations are not used.
 */
public final class FusionNetCoupling extends AbstractCoupling {
  /** Fewest training observations of some target for the coupling to apply. */
  public static final int MIN_TRAINING = 12;
  private final FusionNetConfig config;
  private final double quickShare;

  /** Mode 8, physics terms in the loss ({@link FusionNetConfig#physicsLoss()}). */
  public static final CouplingInfo PHYSICS_LOSS = FuseCouplings.identity(
      "fusion.physics-loss", CouplingMode.OBJECTIVE_FUNCTION_CONSTRAINT,
      "network with heat-equation, energy-balance and monotonicity terms in the loss");

  /**
   * @param info identity (e.g. {@link #PHYSICS_LOSS}, or a stage of a hybrid)
   * @param config network, loss and training settings
   */
  public FusionNetCoupling(CouplingInfo info, FusionNetConfig config) {
    this(info, config, 1);
  }

  /**
   * A coupling whose QUICK-budget counts (epochs 1000, pretraining epochs 400, patience 300) are
   * multiplied by {@code quickShare} (rounded; TINY and FULL counts unchanged): a hybrid stage
   * whose error was measured not to need the full quick budget (issue 12, docs/BENCHMARKS.md
   * "Quick-suite cost").
   *
   * @param quickShare share of the quick counts, in (0, 1]
   */
  public FusionNetCoupling(CouplingInfo info, FusionNetConfig config, double quickShare) {
    super(info, new Capabilities(java.util.Set.of(), false,
        config.pretrain() || config.physics().heatEquation() > 0, MIN_TRAINING));
    if (!(quickShare > 0 && quickShare <= 1)) {
      throw new IllegalArgumentException("quick share must be in (0, 1], got " + quickShare);
    }
    this.config = config;
    this.quickShare = quickShare;
  }

  private int quick(int n) {
    return Math.max(1, (int) Math.round(n * quickShare));
  }

  /** The configuration. */
  public FusionNetConfig config() {
    return config;
  }

  @Override
  protected Applicability extraChecks(CouplingTask task) {
    if (task.targets().stream().noneMatch(t -> FusionNetInputs.observed(task, t)
        && task.observations().countValid(t, 0, task.split().trainEnd()) >= MIN_TRAINING)) {
      return Applicability.no("none of the targets " + task.targets() + " has " + MIN_TRAINING
          + " training observations");
    }
    try {
      config.layer().residualTarget(outputs(task), setupFeatures(task));
    } catch (IllegalArgumentException e) {
      return Applicability.no(e.getMessage());
    }
    if (config.pretrain() && FusionNetInputs.simulated(task).isEmpty()) {
      return Applicability.no("pretraining needs auxiliary simulations of the targets named"
          + " <target>" + FusionNetConfig.SIMULATION_SUFFIX + " (e.g. from a physics stage); the"
          + " task's auxiliary variables are " + task.auxiliary().names());
    }
    return Applicability.yes();
  }

  /**
   * The targets the network outputs: those with training observations, those with an auxiliary
   * physics simulation when pretraining, and unobserved soil temperatures between observed
   * profile depths when the heat-equation term is on (the physics then interpolates them; deeper
   * ones would be extrapolations it barely constrains). Other targets are not predicted. When the
   * energy terms or the energy-conserving layer need a net-radiation source (Rnet, LWup or
   * SurfTemp) that no target provides, an observed one is added as an extra output; it is trained
   * and used inside the network but not returned as a prediction.
   */
  public List<String> outputs(CouplingTask task) {
    return outputs(task, task.auxiliary().names());
  }

  /** {@link #outputs(CouplingTask)} as if the task's auxiliary variables were {@code aux}. */
  public List<String> outputs(CouplingTask task, java.util.Collection<String> aux) {
    List<String> features = new ArrayList<>(task.forcing().names());
    List<String> observedProfile = HeatEquationResidual.profile(task.targets().stream()
        .filter(t -> FusionNetInputs.observed(task, t)).toList(), features);
    double top = observedProfile.isEmpty() ? 0 : HeatEquationResidual.depth(observedProfile.get(0));
    double bottom = observedProfile.isEmpty() ? 0
        : HeatEquationResidual.depth(observedProfile.get(observedProfile.size() - 1));
    List<String> out = new ArrayList<>();
    for (String t : task.targets()) {
      boolean between = Variables.isSoilTemperature(t) && observedProfile.size() >= 2
          && Variables.depthOf(t) > top && Variables.depthOf(t) < bottom;
      if (FusionNetInputs.observed(task, t) || config.pretrain() && aux.contains(t
          + FusionNetConfig.SIMULATION_SUFFIX) || between && config.physics().heatEquation() > 0) {
        out.add(t);
      }
    }
    // an observed net-radiation source the energy terms or layer need but no target provides
    boolean energy = config.layer() == OutputLayer.ENERGY_CONSERVING
        || config.physics().energyBalance() > 0;
    if (energy && NetRadiation.detect(out, features, 0.2, 0.95).isEmpty()) {
      for (String v : List.of(Variables.RNET, Variables.LWUP, Variables.SURF_TEMP)) {
        if (!out.contains(v) && FusionNetInputs.observed(task, v)) {
          out.add(v);
          break;
        }
      }
    }
    return out;
  }

  /** The network, features and loss this coupling would train on the task (validated). */
  public Setup setup(CouplingTask task) {
    List<String> outs = outputs(task);
    if (outs.stream().noneMatch(task.targets()::contains)) {
      throw new IllegalArgumentException(name() + ": none of the targets " + task.targets()
          + " has training observations in task " + task.name() + "; observed: "
          + task.observed());
    }
    List<String> aux = config.auxiliaryInputs() ? List.copyOf(task.auxiliary().names())
        : List.of();
    FeatureSpec fs = FeatureSpec.standard(List.copyOf(task.forcing().names())).withAuxiliary(aux);
    double[][] x = fs.matrix(task.forcing(), task.auxiliary());
    List<String> features = fs.columns();
    List<VariableSpec> specs = outs.stream().map(task::targetSpec).toList();
    double albedo = FusionNetInputs.prior(task, "alpha", 0.2);
    double eps = FusionNetInputs.prior(task, "eps", 0.95);
    List<PhysicsTerm> terms = PhysicsTerms.forTargets(outs, features, config.physics(),
        FusionNetInputs.diffusivity(task), albedo, eps);
    LossSpec loss = new LossSpec(1, config.l2(), terms, config.physicsRows());
    TimeSplit s = task.split();
    double[][] y = new double[s.size()][outs.size()];
    for (int k = 0; k < outs.size(); k++) {
      double[] c = task.observations().has(outs.get(k))
          ? task.observations().values(outs.get(k)) : null;
      for (int i = 0; i < y.length; i++) {
        y[i][k] = c == null ? Double.NaN : c[i];
      }
    }
    int epochs = task.budget().scale(300, quick(1000), 3000);
    int pre = config.pretrain() ? task.budget().scale(100, quick(400), 1000) : 0;
    NetSpec spec = new NetSpec(config.hidden(), epochs, pre, config.learningRate(),
        task.budget().scale(150, quick(300), 500), task.seed());
    NetRadiation rn = config.layer() == OutputLayer.ENERGY_CONSERVING
        ? NetRadiation.detect(outs, features, albedo, eps).orElse(null) : null;
    Standardizer fx = Standardizer.fitOnePass(x, 0, x.length);
    Standardizer fy = FusionNetInputs.targetScaler(task, outs, y);
    String residual = config.layer().residualTarget(outs, features);
    FusionNetwork net = new FusionNetwork(spec, features, fx, specs, fy, config.layer(), loss,
        x.length, task.forcing().stepSeconds(), rn,
        FusionNetInputs.skip(outs, residual, features, fx, fy));
    return new Setup(net, x, y, outs);
  }

  /**
   * The network with its input and target matrices.
   *
   * @param network the untrained network
   * @param x features [time][feature]
   * @param y observed targets [time][output] (NaN where missing)
   * @param outputs the predicted targets, in column order
   */
  public record Setup(FusionNetwork network, double[][] x, double[][] y, List<String> outputs) {}

  @Override
  protected Result run(CouplingTask task) {
    long t0 = System.nanoTime();
    Budget.SafetyCap cap = task.budget().startCap();
    Setup st = setup(task);
    FusionNetwork net = st.network();
    TimeSplit s = task.split();
    int n = st.x().length;
    double[][] sim = config.pretrain()
        ? FusionNetInputs.simulationMatrix(task, st.outputs()) : null;
    Diagnostics.Builder d = Diagnostics.builder();
    boolean[] physicsRows = config.physicsRows() == LossSpec.PhysicsRows.ALL
        ? TaskData.range(n, 0, n) : TaskData.trainRows(s);
    if (sim != null) {
      Map<String, INDArray> pf = net.feed(st.x(), sim, TaskData.range(n, 0, n), new boolean[n],
          physicsRows, false);
      FusionTraining.Report pr = FusionTraining.train(net, pf, net.spec().pretrainEpochs(),
          net.spec().learningRate(), 0, false, cap);
      d.curve("pretrain.loss", pr.curves().get("loss")).scalar("pretrainEpochs", pr.epochs());
    }
    boolean validate = TaskData.hasValidationData(st.y(), s);
    Map<String, INDArray> feed = net.feed(st.x(), st.y(), TaskData.trainRows(s),
        TaskData.validationRows(s), physicsRows, true);
    int warmup = net.loss().terms().isEmpty() ? 0 : net.spec().epochs() / 4;
    FusionTraining.Report r = FusionTraining.train(net, feed, net.spec().epochs(),
        net.spec().learningRate(), net.spec().patience(), validate, cap, warmup);
    double fitSeconds = (System.nanoTime() - t0) * 1e-9;
    long t1 = System.nanoTime();
    double[][] pred = net.predict(st.x());
    List<VariableSpec> specs = st.outputs().stream().map(task::targetSpec).toList();
    Frame all = TaskData.frame(task, specs, pred);
    Frame predictions = all.select(st.outputs().stream().filter(task.targets()::contains)
        .toList());
    double predictSeconds = (System.nanoTime() - t1) * 1e-9;
    d.scalar("epochs", r.epochs()).scalar("bestEpoch", r.bestEpoch())
        .scalar("earlyStopped", r.earlyStopped() ? 1 : 0)
        .scalar("trainMisfit", r.atBest("misfit"));
    cap.report(d);
    if (validate) {
      d.scalar("validationMisfit", r.atBest("val_misfit"));
      for (String t : st.outputs()) {
        if (task.observations().has(t)) {
          d.scalar("validationRmse." + t, Metrics.rmse(all.values(t),
              task.observations().values(t), s.trainEnd(), s.validationEnd()));
        }
      }
    }
    for (PhysicsTerm t : net.loss().terms()) {
      d.scalar("term." + t.name(), r.atBest(t.name())).scalar("weight." + t.name(), t.weight())
          .curve("term." + t.name(), r.curves().get(t.name()));
    }
    net.fittedTermValues().forEach(d::scalar);
    for (PhysicsTerm t : net.loss().terms()) {
      if (t instanceof HeatEquationResidual h) {
        d.scalar(t.name() + ".kappaLearned", h.learnDiffusivity() ? 1 : 0);
        d.note(t.name() + ": diffusivity " + (h.learnDiffusivity() ? "learned from "
            : "fixed at the prior lambda/C = ") + h.diffusivity() + " m2 s-1");
      }
    }
    r.curves().forEach((k, v) -> {
      if (k.equals("loss") || k.equals("misfit") || k.equals("val_misfit")) {
        d.curve(k, v);
      }
    });
    double alpha = net.fittedTermValues().getOrDefault("layer.alpha", net.fittedTermValues()
        .getOrDefault("energy-balance.alpha", FusionNetInputs.prior(task, "alpha", 0.2)));
    PhysicsConsistency.energyBalance(all, task.forcing(), alpha, 0, n, 10)
        .ifPresent(e -> d.scalar("energyResidualMeanAbs", e.meanAbsResidual())
            .scalar("energyInconsistentFraction", e.inconsistentFraction()));
    d.note(net.spec().toString()).note("features: " + net.features());
    if (!task.targets().stream().allMatch(st.outputs()::contains)) {
      d.note("not predicted (no training observations, simulation or physics constraint): "
          + task.targets().stream().filter(t -> !st.outputs().contains(t)).toList());
    }
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("config", config.toString());
    cfg.put("net", net.spec().toString());
    cfg.put("terms", net.loss().weights().toString());
    return new Result(predictions, Map.of(), d.build(), cfg, predictSeconds)
        .timed(fitSeconds, predictSeconds);
  }

  private List<String> setupFeatures(CouplingTask task) {
    List<String> aux = config.auxiliaryInputs() ? List.copyOf(task.auxiliary().names())
        : List.of();
    return FeatureSpec.standard(List.copyOf(task.forcing().names())).withAuxiliary(aux).columns();
  }

}
