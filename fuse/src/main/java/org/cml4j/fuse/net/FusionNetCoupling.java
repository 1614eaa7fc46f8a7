package org.cml4j.fuse.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.metrics.PhysicsConsistency;
import org.cml4j.core.provenance.RunProvenance;
import org.cml4j.core.spi.Applicability;
import org.cml4j.core.spi.Capabilities;
import org.cml4j.core.spi.Coupling;
import org.cml4j.core.spi.CouplingMode;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.MechanismModel;
import org.cml4j.core.spi.Requirement;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.vars.TimeSplit;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.data.FeatureSpec;
import org.cml4j.fuse.data.TaskData;
import org.cml4j.fuse.data.ZScore;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.cml4j.fuse.loss.PhysicsTerms;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fusion coupling built on one {@link FusionNetwork}: physics outputs as inputs (auxiliary
 * variables, mode 7), physics terms in the loss (mode 8), an energy-conserving output layer
 * (mode 9) and pretraining on physics simulations (the cascade element of Read et al. 2019), each
 * switched on by the {@link FusionNetConfig}. The network reads the task's forcing (current values,
 * 6/24/72 h moving averages, hour of day) plus the auxiliary variables, is trained full-batch on the
 * training period with early stopping on the validation period, and predicts every target over the
 * whole axis. Physics terms act on all rows by default: the forcing of the validation and test
 * periods is known, their observations are not used.
 */
public final class FusionNetCoupling implements Coupling {
  private final String name;
  private final CouplingMode mode;
  private final String description;
  private final FusionNetConfig config;

  public FusionNetCoupling(String name, CouplingMode mode, String description,
      FusionNetConfig config) {
    this.name = name;
    this.mode = mode;
    this.description = description;
    this.config = config;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CouplingMode mode() {
    return mode;
  }

  @Override
  public String description() {
    return description;
  }

  /** The configuration. */
  public FusionNetConfig config() {
    return config;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.requiring(Requirement.OBSERVED_TARGETS);
  }

  @Override
  public Applicability applicability(CouplingTask task) {
    Applicability a = capabilities().check(task);
    if (!a.applicable()) {
      return a;
    }
    try {
      config.layer().residualTarget(task.targets());
    } catch (IllegalArgumentException e) {
      return Applicability.no(e.getMessage());
    }
    if (config.pretrain() && simulated(task).isEmpty()) {
      return Applicability.no("pretraining needs auxiliary simulations named <target>"
          + FusionNetConfig.SIMULATION_SUFFIX);
    }
    return Applicability.yes();
  }

  /** The network, features and loss this coupling would train on the task (validated). */
  public Setup setup(CouplingTask task) {
    double[][] y = TaskData.observedTargets(task);
    List<String> aux = config.auxiliaryInputs() ? List.copyOf(task.auxiliary().names())
        : List.of();
    FeatureSpec fs = FeatureSpec.standard(List.copyOf(task.forcing().names())).withAuxiliary(aux);
    double[][] x = fs.matrix(task.forcing(), task.auxiliary());
    List<String> features = fs.columns();
    List<VariableSpec> targets = TaskData.targetSpecs(task);
    List<PhysicsTerm> terms = PhysicsTerms.forTargets(task.targets(), features, config.physics(),
        diffusivity(task));
    LossSpec loss = new LossSpec(1, config.l2(), terms, config.physicsRows());
    TimeSplit s = task.split();
    int epochs = task.budget().scale(400, 1200, 3000);
    int pre = config.pretrain() ? task.budget().scale(200, 500, 1000) : 0;
    NetSpec spec = new NetSpec(config.hidden(), epochs, pre, config.learningRate(),
        task.budget().scale(150, 300, 500), task.seed());
    FusionNetwork net = new FusionNetwork(spec, features, ZScore.fit(x, 0, x.length), targets,
        ZScore.fit(y, 0, s.trainEnd()), config.layer(), loss, x.length,
        task.forcing().stepSeconds());
    return new Setup(net, x, y);
  }

  /**
   * The network with its input and target matrices.
   *
   * @param network the untrained network
   * @param x features [time][feature]
   * @param y observed targets [time][target] (NaN where missing)
   */
  public record Setup(FusionNetwork network, double[][] x, double[][] y) {}

  @Override
  public CouplingSolution solve(CouplingTask task) {
    long t0 = System.nanoTime();
    Setup st = setup(task);
    FusionNetwork net = st.network();
    TimeSplit s = task.split();
    int n = st.x().length;
    double[][] sim = config.pretrain() ? simulationMatrix(task) : null;
    Diagnostics.Builder d = Diagnostics.builder();
    double budgetSeconds = task.budget().maxSeconds();
    boolean[] physicsRows = config.physicsRows() == LossSpec.PhysicsRows.ALL
        ? TaskData.range(n, 0, n) : TaskData.trainRows(s);
    if (sim != null) {
      Map<String, INDArray> pf = net.feed(st.x(), sim, TaskData.range(n, 0, n), new boolean[n],
          physicsRows, false);
      FusionTraining.Report pr = FusionTraining.train(net, pf, net.spec().pretrainEpochs(),
          net.spec().learningRate(), 0, false, budgetSeconds / 2);
      d.curve("pretrain.loss", pr.curves().get("loss")).scalar("pretrainEpochs", pr.epochs());
    }
    boolean validate = TaskData.hasValidationData(st.y(), s);
    Map<String, INDArray> feed = net.feed(st.x(), st.y(), TaskData.trainRows(s),
        TaskData.validationRows(s), physicsRows, true);
    double left = Math.max(1, budgetSeconds - (System.nanoTime() - t0) * 1e-9);
    int warmup = net.loss().terms().isEmpty() ? 0 : Integer.getInteger("fuse.warmup", net.spec().epochs() / 4);
    FusionTraining.Report r = FusionTraining.train(net, feed, net.spec().epochs(),
        net.spec().learningRate(), net.spec().patience(), validate, left, warmup);
    double fitSeconds = (System.nanoTime() - t0) * 1e-9;
    long t1 = System.nanoTime();
    double[][] pred = net.predict(st.x());
    Frame predictions = TaskData.frame(task, TaskData.targetSpecs(task), pred);
    double predictSeconds = (System.nanoTime() - t1) * 1e-9;
    d.scalar("epochs", r.epochs()).scalar("bestEpoch", r.bestEpoch())
        .scalar("earlyStopped", r.earlyStopped() ? 1 : 0)
        .scalar("trainMisfit", r.atBest("misfit"));
    if (validate) {
      d.scalar("validationMisfit", r.atBest("val_misfit"));
      for (int k = 0; k < task.targets().size(); k++) {
        double[] obs = task.observations().values(task.targets().get(k));
        double[] p = predictions.values(task.targets().get(k));
        d.scalar("validationRmse." + task.targets().get(k), TaskData.rmse(p, obs, s.trainEnd(),
            s.validationEnd()));
      }
    }
    for (PhysicsTerm t : net.loss().terms()) {
      d.scalar("term." + t.name(), r.atBest(t.name())).scalar("weight." + t.name(), t.weight())
          .curve("term." + t.name(), r.curves().get(t.name()));
    }
    net.fittedTermValues().forEach(d::scalar);
    r.curves().forEach((k, v) -> {
      if (k.equals("loss") || k.equals("misfit") || k.equals("val_misfit")) {
        d.curve(k, v);
      }
    });
    PhysicsConsistency.energyBalance(predictions, task.forcing(), Double.NaN, 0, n, 10)
        .ifPresent(e -> d.scalar("energyResidualMeanAbs", e.meanAbsResidual())
            .scalar("energyInconsistentFraction", e.inconsistentFraction()));
    d.note(net.spec().toString()).note("features: " + net.features());
    Map<String, String> cfg = new LinkedHashMap<>();
    cfg.put("config", config.toString());
    cfg.put("net", net.spec().toString());
    cfg.put("terms", net.loss().weights().toString());
    return new CouplingSolution(name, predictions, Map.of(), d.build(), fitSeconds,
        predictSeconds, RunProvenance.of(name, "fuse", cfg, task.seed(), task.fingerprint()));
  }

  /** Simulated targets [time][target] from auxiliary {@code <target>_physics} (NaN if absent). */
  private double[][] simulationMatrix(CouplingTask task) {
    List<String> have = simulated(task);
    if (have.isEmpty()) {
      throw new IllegalArgumentException("pretraining needs auxiliary simulations of the targets"
          + " named <target>" + FusionNetConfig.SIMULATION_SUFFIX + " (e.g. from a physics stage);"
          + " the task's auxiliary variables are " + task.auxiliary().names());
    }
    int n = task.split().size();
    double[][] m = new double[n][task.targets().size()];
    for (int k = 0; k < task.targets().size(); k++) {
      String v = task.targets().get(k) + FusionNetConfig.SIMULATION_SUFFIX;
      double[] c = task.auxiliary().has(v) ? task.auxiliary().values(v) : null;
      for (int i = 0; i < n; i++) {
        m[i][k] = c == null ? Double.NaN : c[i];
      }
    }
    return m;
  }

  private static List<String> simulated(CouplingTask task) {
    List<String> l = new ArrayList<>();
    for (String t : task.targets()) {
      if (task.auxiliary().has(t + FusionNetConfig.SIMULATION_SUFFIX)) {
        l.add(t);
      }
    }
    return l;
  }

  /** Initial diffusivity lambda / C [m2 s-1]: known parameters, else the mechanism's nominal. */
  static double diffusivity(CouplingTask task) {
    MechanismModel m = task.mechanism();
    double lambda = task.knownParameters().getOrDefault("lambda", nominal(m, "lambda", 0.8));
    double c = task.knownParameters().getOrDefault("C", nominal(m, "C", 2.2e6));
    return lambda / c;
  }

  private static double nominal(MechanismModel m, String p, double fallback) {
    return m.parameters().stream().filter(i -> i.name().equals(p)).findFirst()
        .map(i -> i.nominal()).orElse(fallback);
  }
}
