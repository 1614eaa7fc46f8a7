package org.cml4j.embed.solving;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.core.learn.adjoint.AdjointNetwork;
import org.cml4j.core.learn.adjoint.JointConstants;
import org.cml4j.core.learn.adjoint.LogParameterHead;
import org.cml4j.core.optim.Adam;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.Diagnostics;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.embed.TaskSupport;

/**
 * Time-dependent parameters learned through the physics, the embedding's configuration of
 * {@link AdjointNetwork}: an MLP maps per-step features (forcing, time of day, auxiliary inputs)
 * to the logarithm of one or more positive mechanism parameters (e.g. hbeta(t),
 * {@link LogParameterHead}) and is trained end to end through the mechanism's discrete adjoint.
 * Constant parameters may be fitted jointly (in log space when positive, {@link JointConstants}).
 * Adam on all of them; the weights of the epoch with the lowest validation loss are kept. The
 * output layer starts at zero, so training starts from the given constant values.
 */
public final class ParameterNetwork {
  private final SeriesObjective objective;
  private final double[][] features;
  private final LogParameterHead head;
  private final JointConstants constants;
  private final Settings settings;

  /**
   * Settings.
   *
   * @param hidden hidden widths (smooth activation: tanh)
   * @param epochs full-batch training iterations
   * @param learningRate Adam rate of the network weights
   * @param constantRate Adam rate of the constant parameters (log space for positive ones,
   *     physical units otherwise scaled by 1/10 of the rate for albedo and 10x for Tb)
   * @param outputScale standard deviation of log p represented by one unit of network output
   * @param patience epochs without validation improvement before stopping (0 = never)
   * @param seed weight-initialisation seed
   */
  public record Settings(int[] hidden, int epochs, double learningRate, double constantRate,
      double outputScale, int patience, long seed) {
    public Settings {
      hidden = hidden.clone();
    }

    /** 16x16 tanh, the given epochs, rates 0.01 / 0.01, output scale 0.5, patience 40. */
    public static Settings standard(int epochs, long seed) {
      return new Settings(new int[] {16, 16}, epochs, 0.01, 0.01, 0.5, 40, seed);
    }

    /** Standard settings with the task's seed and 80 / 250 / 600 epochs by budget. */
    public static Settings forTask(CouplingTask task) {
      return standard(task.budget().scale(80, 250, 600), task.seed());
    }
  }

  /**
   * Trains a network with {@link Settings#forTask} learning the named parameters of the task's
   * mechanism from {@code start}, on the task's training period with early stopping on its
   * validation period.
   */
  public static Result train(CouplingTask task, SeriesObjective objective, double[][] features,
      List<String> learned, List<ParameterInfo> constants, Map<String, Double> start) {
    List<ParameterInfo> lp = learned.stream().map(task.mechanism()::parameter).toList();
    return new ParameterNetwork(objective, features, lp, constants, Settings.forTask(task))
        .train(start, task.split().trainEnd(), task.split().validationEnd());
  }

  /**
   * Outcome of training.
   *
   * @param series learned parameter series (physical units, one value per step)
   * @param constants constant parameters (fitted and fixed)
   * @param trainLoss loss per epoch on the training period
   * @param validationLoss loss per epoch on the validation period (NaN if none)
   * @param bestEpoch epoch whose weights were kept (0 = the starting constants)
   * @param outputs mechanism outputs with the kept weights
   */
  public record Result(Map<String, double[]> series, Map<String, Double> constants,
      double[] trainLoss, double[] validationLoss, int bestEpoch, Frame outputs) {
    /** The task's {@code targets} simulated with the learned series and constants. */
    public Frame simulate(CouplingTask task, List<String> targets) {
      return TaskSupport.simulate(task, constants, series, targets);
    }

    /** Adds the best and last epoch, the loss curves and the learned series (name(t)). */
    public Diagnostics.Builder describe(Diagnostics.Builder d) {
      d.scalar("bestEpoch", bestEpoch).scalar("epochs", trainLoss.length - 1)
          .curve("trainLoss", trainLoss).curve("validationLoss", validationLoss);
      series.forEach((k, v) -> d.curve(k + "(t)", v));
      return d;
    }
  }

  /**
   * @param objective misfit (its variables and observations)
   * @param features per-step features [step][feature], finite
   * @param learned positive parameters learned as series
   * @param constants constant parameters fitted jointly (may be empty)
   * @param settings network settings
   */
  public ParameterNetwork(SeriesObjective objective, double[][] features,
      List<ParameterInfo> learned, List<ParameterInfo> constants, Settings settings) {
    this.head = new LogParameterHead(learned);
    this.objective = objective;
    this.features = features;
    this.constants = new JointConstants(constants);
    this.settings = settings;
  }

  /**
   * The adjoint network starting from the constant values in {@code start} (all parameters):
   * feature scaler fitted on rows [0, trainEnd), output {@code log p = log start + outputScale z},
   * misfit on [0, trainEnd), validation on [trainEnd, valEnd).
   */
  public AdjointNetwork network(Map<String, Double> start, int trainEnd, int valEnd) {
    double[] mean = new double[head.width()];
    double[] scale = new double[head.width()];
    for (int j = 0; j < mean.length; j++) {
      mean[j] = Math.log(start.get(head.parameters().get(j).name()));
      scale[j] = settings.outputScale();
    }
    return new AdjointNetwork(new AdjointNetwork.Problem(objective.mechanism(),
        objective.input(start), head, features, objective.misfit(trainEnd, valEnd), constants),
        AdjointNetwork.mlp(settings.hidden(), Arrays.copyOf(features, trainEnd), mean, scale, 0,
            settings.seed()));
  }

  /**
   * Trains on [0, trainEnd), early-stopping on [trainEnd, valEnd) (if that period has
   * observations), starting from the constant values in {@code start} (all parameters).
   */
  public Result train(Map<String, Double> start, int trainEnd, int valEnd) {
    AdjointNetwork an = network(start, trainEnd, valEnd);
    int nw = an.network().params().length;
    double[] lr = new double[nw + constants.size()];
    Arrays.fill(lr, 0, nw, settings.learningRate());
    for (int i = 0; i < constants.size(); i++) {
      ParameterInfo p = constants.parameters().get(i);
      lr[nw + i] = settings.constantRate() * (p.positive() ? 1 : p.name().equals("Tb") ? 10
          : 0.1);
    }
    AdjointNetwork.Result r = an.train(new Adam(Adam.Settings.pytorchDecimal(), lr, true),
        new AdjointNetwork.Settings(settings.epochs(), settings.patience(), 0, true, null));
    Frame out = an.forward().run().outputs();
    objective.count(r.forwardRuns() + 1, r.adjointRuns());
    return new Result(head.series(r.u()), Map.copyOf(r.parameters()), r.loss(), r.validation(),
        r.bestIndex(), out);
  }

  /**
   * Per-step features: every forcing variable, every auxiliary variable and sin and cos of the
   * hour of day (from the axis); missing values are an error naming the variable and step.
   */
  public static double[][] features(Frame forcing, Frame auxiliary) {
    return FeatureTable.rejectingGaps(forcing, "gap-fill it before learning parameters from it")
        .add(forcing, forcing.names(), "").add(auxiliary, auxiliary.names(), "")
        .addHourOfDay("hour_sin", "hour_cos").matrix();
  }
}
