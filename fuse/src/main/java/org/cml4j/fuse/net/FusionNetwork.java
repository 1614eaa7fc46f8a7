package org.cml4j.fuse.net;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cml4j.core.learn.Nd4jRuntime;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.NetRadiation;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A physics-guided network as one SameDiff graph (double precision): a tanh MLP over z-scored
 * features, an {@link OutputLayer} mapping to the targets in physical units, and the loss of a
 * {@link LossSpec} — data misfit of z-scored targets and physics terms written as SameDiff
 * expressions on the outputs, plus the L2 penalty on the weight matrices (added with its analytic
 * gradient outside the graph, which saves graph ops). One reverse pass per epoch gives the
 * gradient of the whole loss; the same pass returns each term's value, so training reports every
 * term over epochs.
 *
 * <p>The graph is built for a fixed number of rows (the whole time axis of a task: physics terms
 * such as the heat-equation residual couple consecutive rows). Only SameDiff variables (weights
 * and terms' own scalars) are differentiated; placeholders (inputs, targets, masks, weights of the
 * terms) never are. Not thread-safe. The graph is built by {@link FusionGraph} (physics terms see
 * a {@link GraphTermContext}), fed by {@link FusionFeed} and evaluated by {@link FusionStep}.
 */
public final class FusionNetwork {
  /** The graph and everything it was built from (spec, features, targets, loss, rows): one home. */
  private final FusionGraph g;

  /**
   * Builds the graph; validates the loss against the outputs and features first (before any
   * training) and fails listing every problem.
   *
   * @param spec architecture and training settings
   * @param features names of the input columns
   * @param featureScaler z-scoring of the input columns
   * @param targets output variables with units, in column order
   * @param targetScaler z-scoring of the targets (its sd sets the output scale)
   * @param layer output layer
   * @param loss loss specification
   * @param rows number of rows (time steps) the graph works on, >= 2
   * @param stepSeconds time step between rows [s]
   * @param radiation net radiation of the energy-conserving layer (ignored by the free layer;
   *     null = detect with albedo 0.2, emissivity 0.95)
   */
  public FusionNetwork(NetSpec spec, List<String> features, Standardizer featureScaler,
      List<VariableSpec> targets, Standardizer targetScaler, OutputLayer layer, LossSpec loss,
      int rows, double stepSeconds, NetRadiation radiation) {
    this(spec, features, featureScaler, targets, targetScaler, layer, loss, rows, stepSeconds,
        radiation, null);
  }

  /**
   * Same as the other constructor, plus a {@link Skip} connection (null for none).
   */
  public FusionNetwork(NetSpec spec, List<String> features, Standardizer featureScaler,
      List<VariableSpec> targets, Standardizer targetScaler, OutputLayer layer, LossSpec loss,
      int rows, double stepSeconds, NetRadiation radiation, Skip skip) {
    List<String> feats = List.copyOf(features);
    List<VariableSpec> outs = List.copyOf(targets);
    if (featureScaler.columns() != features.size() || targetScaler.columns() != targets.size()) {
      throw new IllegalArgumentException("scalers have " + featureScaler.columns() + " feature and "
          + targetScaler.columns() + " target columns, expected " + features.size() + " and "
          + targets.size());
    }
    if (rows < 2) {
      throw new IllegalArgumentException("a fusion network needs at least 2 rows, got " + rows);
    }
    List<String> names = names(outs);
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("duplicate targets " + names);
    }
    String residual = layer.residualTarget(names, feats);
    NetRadiation rad = residual == null ? null : radiation != null ? radiation
        : NetRadiation.detect(names, feats, 0.2, 0.95).orElseThrow();
    loss.validate(outs, feats);
    int h = targets.size() - (residual == null ? 0 : 1);
    if (skip != null && (skip.matrix().length != features.size() || skip.bias().length != h)) {
      throw new IllegalArgumentException("skip connection must be [" + features.size() + "]["
          + h + "] with " + h + " biases");
    }
    Nd4jRuntime.configure();
    this.g = new FusionGraph(spec, feats, featureScaler, outs, targetScaler, loss, rows,
        stepSeconds, residual, rad, skip);
  }

  /**
   * A trainable linear skip connection from the inputs to the network's output layer,
   * {@code head = MLP(x) + x W_skip}, starting at {@code matrix} [inputs][head outputs] with output
   * biases {@code bias}, and regularised towards its start by the L2 penalty: e.g. initialised to
   * pass physics-simulation inputs through to the matching outputs, so the network starts at the
   * physics and learns a correction (used with physics inputs, mode 7).
   *
   * @param matrix initial skip weights [nIn][nHead] in z-score units
   * @param bias initial output biases [nHead]
   */
  public record Skip(double[][] matrix, double[] bias) {}

  /** Number of outputs of the output layer (targets less the energy residual). */
  public int headWidth() {
    return g.headWidth();
  }

  /** Target names in column order. */
  public List<String> targetNames() {
    return names(g.targets);
  }

  private static List<String> names(List<VariableSpec> targets) {
    return targets.stream().map(VariableSpec::name).toList();
  }

  /** Input feature names. */
  public List<String> features() {
    return g.features;
  }

  /** The loss specification. */
  public LossSpec loss() {
    return g.loss;
  }

  /** The settings. */
  public NetSpec spec() {
    return g.spec;
  }

  /** Names of the trainable SameDiff variables (weights, biases, terms' own scalars). */
  public List<String> trainable() {
    return List.copyOf(g.trainable);
  }

  /**
   * The trainable scalars owned by physics terms or the output layer (e.g. the heat equation's
   * log diffusivity, the learned albedo's logit), a subset of {@link #trainable()}.
   */
  public List<String> termScalars() {
    return List.copyOf(g.termScalars);
  }

  /** Number of rows of the graph. */
  public int rows() {
    return g.rows;
  }

  /**
   * Placeholder values for one phase of training.
   *
   * @param x features [rows][nIn] in original units (finite)
   * @param y targets [rows][nOut] in original units, NaN = missing
   * @param dataRows rows whose targets enter the misfit
   * @param validationRows rows whose targets enter the validation misfit
   * @param physicsRows rows physics terms apply to
   * @param physics whether the physics terms are on (off during pretraining)
   */
  public Map<String, INDArray> feed(double[][] x, double[][] y, boolean[] dataRows,
      boolean[] validationRows, boolean[] physicsRows, boolean physics) {
    return FusionFeed.feed(g, x, y, dataRows, validationRows, physicsRows, physics);
  }

  /**
   * Scales the physics-term weights of a feed to {@code factor} times their configured values (a
   * curriculum: 0 = data only, 1 = full physics).
   */
  public void scaleTerms(Map<String, INDArray> feed, double factor) {
    FusionFeed.scaleTerms(g, feed, factor);
  }

  /**
   * Loss, misfit, validation misfit and each physics term (by term name, unweighted) at the
   * current weights.
   */
  public Map<String, Double> evaluate(Map<String, INDArray> feed) {
    return FusionStep.evaluate(g, feed);
  }

  /** Gradient of the total loss with respect to every trainable variable (flattened, c order). */
  public Map<String, double[]> gradients(Map<String, INDArray> feed) {
    return FusionStep.gradients(g, feed);
  }

  /** Loss values and gradients in one forward/reverse pass. */
  Step step(Map<String, INDArray> feed) {
    return FusionStep.step(g, feed);
  }

  /** Values and gradients of one pass. */
  record Step(Map<String, Double> values, Map<String, double[]> gradients) {}

  /** Predictions [rows][nOut] in target units for features in original units. */
  public double[][] predict(double[][] x) {
    FusionFeed.check(g, x, g.features.size(), "features");
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(g.featureScaler.transform(x)));
    return g.sd.output(ph, "Y").get("Y").toDoubleMatrix();
  }

  /** Copy of a trainable variable's values (flattened, c order). */
  public double[] parameter(String name) {
    return FusionStep.parameter(g, name);
  }

  /** Sets a trainable variable's values (flattened, c order). */
  public void setParameter(String name, double[] values) {
    INDArray a = g.sd.getVariable(name).getArr();
    if (values.length != a.length()) {
      throw new IllegalArgumentException("variable " + name + " has " + a.length()
          + " values, got " + values.length);
    }
    a.assign(Nd4j.createFromArray(values).reshape('c', a.shape()));
  }

  /** Fitted values of the physics terms' own quantities (e.g. kappa), by term-qualified name. */
  public Map<String, Double> fittedTermValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (PhysicsTerm t : g.loss.terms()) {
      t.fitted(g.sd).forEach((k, v) -> m.put(t.name() + "." + k, v));
    }
    if (g.radiation != null && g.radiation.learnsAlbedo()) {
      m.put("layer.alpha", g.radiation.fittedAlbedo(g.sd));
    }
    return m;
  }
}
