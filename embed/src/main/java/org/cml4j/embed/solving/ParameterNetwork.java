package org.cml4j.embed.solving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.features.FeatureTable;
import org.cml4j.core.learn.Learner;
import org.cml4j.core.learn.LearnerSpec;
import org.cml4j.core.learn.Learners;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ModelRun;
import org.cml4j.core.spi.ParameterGradient;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.core.vars.Frame;
import org.cml4j.core.optim.Adam;

/**
 * Time-dependent parameters learned through the physics: an MLP maps per-step features (forcing,
 * time of day, auxiliary inputs) to the logarithm of one or more positive mechanism parameters
 * (e.g. hbeta(t)), and is trained end to end by back-propagating the mechanism's discrete adjoint
 * into the network: the adjoint gives {@code dL/dp(t)} for every step, the chain rule through
 * {@code p = exp(y)} gives the upstream gradient {@code dL/dy(t) = dL/dp(t) p(t)}, and
 * {@link Learner#backprop} turns it into the gradient with respect to the weights (cf. the
 * differentiable-parameter-learning framework of Tsai et al. 2021). Constant parameters may be
 * fitted jointly (in log space when positive). Adam on all of them; the weights of the epoch with
 * the lowest validation loss are kept. The output layer starts at zero, so training starts from
 * the given constant values.
 */
public final class ParameterNetwork {
  private final SeriesObjective objective;
  private final double[][] features;
  private final List<ParameterInfo> learned;
  private final List<ParameterInfo> constants;
  private final Learner net;
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
      double[] trainLoss, double[] validationLoss, int bestEpoch, Frame outputs) {}

  /**
   * @param objective misfit (its variables and observations)
   * @param features per-step features [step][feature], finite
   * @param learned positive parameters learned as series
   * @param constants constant parameters fitted jointly (may be empty)
   * @param settings network settings
   */
  public ParameterNetwork(SeriesObjective objective, double[][] features,
      List<ParameterInfo> learned, List<ParameterInfo> constants, Settings settings) {
    for (ParameterInfo p : learned) {
      if (!p.positive()) {
        throw new IllegalArgumentException("learned parameter series must be positive (learned"
            + " in log space); " + p.name() + " is not");
      }
    }
    this.objective = objective;
    this.features = features;
    this.learned = List.copyOf(learned);
    this.constants = List.copyOf(constants);
    LearnerSpec spec = LearnerSpec.mlp(settings.hidden())
        .withActivation(org.cml4j.core.learn.Activation.TANH).withSeed(settings.seed());
    this.net = Learners.create(spec, features[0].length, learned.size());
    this.settings = settings;
  }

  /** The network (for gradient checks and inspection). */
  public Learner network() {
    return net;
  }

  /** Sets the feature scaler (fitted on rows [0, fitEnd)) and the output scaler around start. */
  public void initialise(Map<String, Double> start, int fitEnd) {
    double[][] rows = java.util.Arrays.copyOf(features, fitEnd);
    double[] mean = new double[learned.size()];
    double[] scale = new double[learned.size()];
    for (int j = 0; j < mean.length; j++) {
      mean[j] = Math.log(start.get(learned.get(j).name()));
      scale[j] = settings.outputScale();
    }
    net.setScalers(Standardizer.fit(rows, "parameter-network features"),
        Standardizer.of(mean, scale));
    double[] w = net.params();
    int h = settings.hidden()[settings.hidden().length - 1];
    int last = h * learned.size() + learned.size();
    java.util.Arrays.fill(w, w.length - last, w.length, 0);
    net.setParams(w);
  }

  /** The learned series for the current weights. */
  public Map<String, double[]> series() {
    double[][] y = net.predict(features);
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int j = 0; j < learned.size(); j++) {
      ParameterInfo p = learned.get(j);
      double[] s = new double[y.length];
      for (int t = 0; t < s.length; t++) {
        s[t] = Math.max(Math.max(p.lower(), 1e-6 * p.nominal()), Math.min(p.upper(),
            Math.exp(y[t][j])));
      }
      out.put(p.name(), s);
    }
    return out;
  }

  /**
   * Loss over [from, to) and its gradient with respect to the network weights (in
   * {@code gradW}) and the constants (physical units, in {@code gradC}; may be null).
   */
  public double lossAndGradient(Map<String, Double> consts, int from, int to, double[] gradW,
      double[] gradC) {
    Map<String, double[]> s = series();
    ModelRun run = objective.run(consts, s);
    double loss = objective.loss(run.outputs(), from, to);
    ParameterGradient g = objective.gradient(run, from, to);
    double[][] up = new double[features.length][learned.size()];
    for (int j = 0; j < learned.size(); j++) {
      double[] gs = g.timeVarying().get(learned.get(j).name());
      double[] p = s.get(learned.get(j).name());
      for (int t = 0; t < up.length; t++) {
        up[t][j] = gs[t] * p[t];
      }
    }
    double[] gw = net.backprop(features, up);
    System.arraycopy(gw, 0, gradW, 0, gw.length);
    if (gradC != null) {
      for (int i = 0; i < constants.size(); i++) {
        gradC[i] = g.constant().get(constants.get(i).name());
      }
    }
    return loss;
  }

  /** Loss over [from, to) at the current weights. */
  public double loss(Map<String, Double> consts, int from, int to) {
    return objective.loss(objective.run(consts, series()).outputs(), from, to);
  }

  /**
   * Trains on [0, trainEnd), early-stopping on [trainEnd, valEnd) (if that period has
   * observations), starting from the constant values in {@code start} (all parameters).
   */
  public Result train(Map<String, Double> start, int trainEnd, int valEnd) {
    initialise(start, trainEnd);
    Map<String, Double> consts = new LinkedHashMap<>(start);
    int nw = net.numParams();
    int nc = constants.size();
    double[] x = new double[nw + nc];
    System.arraycopy(net.params(), 0, x, 0, nw);
    double[] lr = new double[nw + nc];
    java.util.Arrays.fill(lr, 0, nw, settings.learningRate());
    for (int i = 0; i < nc; i++) {
      ParameterInfo p = constants.get(i);
      x[nw + i] = p.positive() ? Math.log(consts.get(p.name())) : consts.get(p.name());
      lr[nw + i] = settings.constantRate() * (p.positive() ? 1 : p.name().equals("Tb") ? 10
          : 0.1);
    }
    Adam adam = new Adam(Adam.Settings.pytorchDecimal(), lr, true);
    double[] gw = new double[nw];
    double[] gc = new double[nc];
    double[] grad = new double[nw + nc];
    List<Double> tl = new ArrayList<>();
    List<Double> vl = new ArrayList<>();
    boolean hasVal = valEnd > trainEnd;
    double best = Double.POSITIVE_INFINITY;
    double[] bestX = x.clone();
    int bestEpoch = 0;
    int since = 0;
    for (int epoch = 0; epoch <= settings.epochs(); epoch++) {
      setX(x, consts);
      Map<String, double[]> s = series();
      ModelRun run = objective.run(consts, s);
      double trainLoss = objective.loss(run.outputs(), 0, trainEnd);
      double valLoss = hasVal ? objective.loss(run.outputs(), trainEnd, valEnd) : Double.NaN;
      tl.add(trainLoss);
      vl.add(valLoss);
      double score = hasVal && !Double.isNaN(valLoss) ? valLoss : trainLoss;
      if (score < best) {
        best = score;
        bestX = x.clone();
        bestEpoch = epoch;
        since = 0;
      } else if (settings.patience() > 0 && ++since >= settings.patience()) {
        break;
      }
      if (epoch == settings.epochs()) {
        break;
      }
      ParameterGradient g = objective.gradient(run, 0, trainEnd);
      double[][] up = new double[features.length][learned.size()];
      for (int j = 0; j < learned.size(); j++) {
        double[] gs = g.timeVarying().get(learned.get(j).name());
        double[] p = s.get(learned.get(j).name());
        for (int t = 0; t < up.length; t++) {
          up[t][j] = gs[t] * p[t];
        }
      }
      System.arraycopy(net.backprop(features, up), 0, gw, 0, nw);
      for (int i = 0; i < nc; i++) {
        ParameterInfo p = constants.get(i);
        double gi = g.constant().get(p.name());
        gc[i] = p.positive() ? gi * consts.get(p.name()) : gi;
      }
      System.arraycopy(gw, 0, grad, 0, nw);
      System.arraycopy(gc, 0, grad, nw, nc);
      adam.step(x, grad);
    }
    setX(bestX, consts);
    Map<String, double[]> s = series();
    Frame out = objective.run(consts, s).outputs();
    return new Result(s, Map.copyOf(consts), tl.stream().mapToDouble(Double::doubleValue)
        .toArray(), vl.stream().mapToDouble(Double::doubleValue).toArray(), bestEpoch, out);
  }

  private void setX(double[] x, Map<String, Double> consts) {
    int nw = net.numParams();
    net.setParams(java.util.Arrays.copyOf(x, nw));
    for (int i = 0; i < constants.size(); i++) {
      ParameterInfo p = constants.get(i);
      double v = p.positive() ? Math.exp(x[nw + i]) : x[nw + i];
      double lo = p.positive() ? Math.max(p.lower(), 1e-6 * p.nominal()) : p.lower();
      v = Math.max(lo, Math.min(p.upper(), v));
      x[nw + i] = p.positive() ? Math.log(v) : v;
      consts.put(p.name(), v);
    }
  }

  /**
   * Per-step features: every forcing variable, sin and cos of the hour of day (from the axis) and
   * every auxiliary variable; missing values are an error naming the variable and step.
   */
  public static double[][] features(Frame forcing, Frame auxiliary) {
    return FeatureTable.rejectingGaps(forcing, "gap-fill it before learning parameters from it")
        .add(forcing, forcing.names(), "").add(auxiliary, auxiliary.names(), "")
        .addHourOfDay("hour_sin", "hour_cos").matrix();
  }
}
