package org.cml4j.fuse.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.learn.Nd4jRuntime;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.NetRadiation;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.cml4j.fuse.loss.TermContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
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
 * terms) never are. Not thread-safe.
 */
public final class FusionNetwork {
  private final NetSpec spec;
  private final List<String> features;
  private final Standardizer featureScaler;
  private final List<VariableSpec> targets;
  private final Standardizer targetScaler;
  private final OutputLayer layer;
  private final LossSpec loss;
  private final int rows;
  private final double stepSeconds;
  private final SameDiff sd = SameDiff.create();
  private final List<String> trainable = new ArrayList<>();
  private final List<String> weightMatrices = new ArrayList<>();
  private final List<String> termScalars = new ArrayList<>();
  private final Map<Integer, Forward> shifted = new LinkedHashMap<>();
  private final Map<Integer, Double> shiftZ = new LinkedHashMap<>();
  private final List<String> termOutputs = new ArrayList<>();
  private final String residual;
  private final NetRadiation radiation;
  private final Skip skip;

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
    this.spec = spec;
    this.features = List.copyOf(features);
    this.featureScaler = featureScaler;
    this.targets = List.copyOf(targets);
    this.targetScaler = targetScaler;
    this.layer = layer;
    this.loss = loss;
    this.rows = rows;
    this.stepSeconds = stepSeconds;
    if (featureScaler.columns() != features.size() || targetScaler.columns() != targets.size()) {
      throw new IllegalArgumentException("scalers have " + featureScaler.columns() + " feature and "
          + targetScaler.columns() + " target columns, expected " + features.size() + " and "
          + targets.size());
    }
    if (rows < 2) {
      throw new IllegalArgumentException("a fusion network needs at least 2 rows, got " + rows);
    }
    List<String> names = targetNames();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("duplicate targets " + names);
    }
    this.residual = layer.residualTarget(names, this.features);
    this.radiation = residual == null ? null : radiation != null ? radiation
        : NetRadiation.detect(names, this.features, 0.2, 0.95).orElseThrow();
    loss.validate(this.targets, this.features);
    if (skip != null && (skip.matrix().length != features.size()
        || skip.bias().length != headWidth())) {
      throw new IllegalArgumentException("skip connection must be [" + features.size() + "]["
          + headWidth() + "] with " + headWidth() + " biases");
    }
    this.skip = skip;
    Nd4jRuntime.configure();
    build();
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
    return targets.size() - (residual == null ? 0 : 1);
  }

  /** Target names in column order. */
  public List<String> targetNames() {
    return targets.stream().map(VariableSpec::name).toList();
  }

  /** Input feature names. */
  public List<String> features() {
    return features;
  }

  /** The loss specification. */
  public LossSpec loss() {
    return loss;
  }

  /** The settings. */
  public NetSpec spec() {
    return spec;
  }

  /** Names of the trainable SameDiff variables (weights, biases, terms' own scalars). */
  public List<String> trainable() {
    return List.copyOf(trainable);
  }

  /**
   * The trainable scalars owned by physics terms or the output layer (e.g. the heat equation's
   * log diffusivity, the learned albedo's logit), a subset of {@link #trainable()}.
   */
  public List<String> termScalars() {
    return List.copyOf(termScalars);
  }

  /** Number of rows of the graph. */
  public int rows() {
    return rows;
  }

  private void build() {
    sd.placeHolder("x", DataType.DOUBLE, rows, features.size());
    SDVariable yObs = sd.placeHolder("y_obs", DataType.DOUBLE, rows, targets.size());
    SDVariable mask = sd.placeHolder("mask", DataType.DOUBLE, rows, targets.size());
    SDVariable vmask = sd.placeHolder("vmask", DataType.DOUBLE, rows, targets.size());
    sd.placeHolder("prow", DataType.DOUBLE, rows, 1);
    sd.placeHolder("ppair", DataType.DOUBLE, rows - 1, 1);
    SDVariable wData = sd.placeHolder("w_data", DataType.DOUBLE);
    SDVariable invCount = sd.placeHolder("inv_count", DataType.DOUBLE);
    SDVariable invValCount = sd.placeHolder("inv_vcount", DataType.DOUBLE);
    Random rnd = new Random(spec.seed());
    int in = features.size();
    int[] hidden = spec.hidden();
    for (int l = 0; l <= hidden.length; l++) {
      boolean last = l == hidden.length;
      int out = last ? headWidth() : hidden[l];
      double lim = Math.sqrt(6.0 / (in + out)) * (last && skip != null ? 0.1 : 1);
      double[][] w = new double[in][out];
      for (double[] r : w) {
        for (int j = 0; j < out; j++) {
          r[j] = (2 * rnd.nextDouble() - 1) * lim;
        }
      }
      sd.var("W" + l, Nd4j.createFromArray(w));
      sd.var("b" + l, last && skip != null ? Nd4j.createFromArray(new double[][] {skip.bias()})
          : Nd4j.zeros(DataType.DOUBLE, 1, out));
      trainable.add("W" + l);
      trainable.add("b" + l);
      weightMatrices.add("W" + l);
      in = out;
    }
    if (skip != null) {
      sd.var("Wskip", Nd4j.createFromArray(skip.matrix()));
      trainable.add("Wskip");
    }
    Forward main = forward(sd.getVariable("x"), true);
    SDVariable d = main.z().sub(yObs);
    SDVariable dm = d.mul(mask);
    // misfit: mean over observed training entries; the placeholders carry 1 / count
    SDVariable misfit = sd.identity("misfit", dm.mul(dm).sum().mul(invCount));
    SDVariable dv = d.mul(vmask);
    sd.identity("val_misfit", dv.mul(dv).sum().mul(invValCount));
    SDVariable total = misfit.mul(wData);
    Context ctx = new Context(main);
    for (int i = 0; i < loss.terms().size(); i++) {
      PhysicsTerm t = loss.terms().get(i);
      SDVariable v = sd.identity("term_" + i, t.build(ctx));
      termOutputs.add("term_" + i);
      SDVariable wt = sd.placeHolder("w_term_" + i, DataType.DOUBLE);
      total = total.add(v.mul(wt));
    }
    sd.identity("loss", total);
    sd.setLossVariables("loss");
    PrintStream stdout = System.out;
    synchronized (System.class) {
      try {
        // ND4J 1.0.0-M2.1 prints one line per differentiated op while building the reverse graph
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        sd.createGradFunction();
      } finally {
        System.setOut(stdout);
      }
    }
  }

  /**
   * The network's outputs on one input: z-scored outputs [rows, nOut] for the misfit, the physical
   * outputs [rows, nOut] and physical columns created on demand (few ops: SameDiff's per-op cost
   * dominates small graphs).
   */
  private final class Forward {
    private final SDVariable z;
    private final SDVariable physical;
    private final SDVariable input;
    private final Map<String, SDVariable> raw = new HashMap<>();
    private final Map<String, SDVariable> columns = new HashMap<>();

    Forward(SDVariable z, SDVariable physical, SDVariable input) {
      this.input = input;
      this.z = z;
      this.physical = physical;
    }

    SDVariable z() {
      return z;
    }

    SDVariable physical() {
      return physical;
    }

    SDVariable feature(String name) {
      return raw.computeIfAbsent(name, n -> rawFeature(input, n));
    }

    SDVariable column(String name) {
      SDVariable c = columns.get(name);
      if (c == null) {
        int k = targetNames().indexOf(name);
        if (k < 0) {
          throw new IllegalArgumentException("no network output " + name + "; outputs are "
              + targetNames());
        }
        c = sd.slice(physical, new int[] {0, k}, rows, 1);
        columns.put(name, c);
      }
      return c;
    }
  }

  /** The network applied to z-scored inputs. */
  private Forward forward(SDVariable x, boolean named) {
    SDVariable a = x;
    int layers = spec.hidden().length;
    for (int l = 0; l < layers; l++) {
      a = sd.math().tanh(a.mmul(sd.getVariable("W" + l)).add(sd.getVariable("b" + l)));
    }
    SDVariable head = a.mmul(sd.getVariable("W" + layers)).add(sd.getVariable("b" + layers));
    if (skip != null) {
      head = head.add(x.mmul(sd.getVariable("Wskip")));
    }
    List<String> names = targetNames();
    double[] mu = targetScaler.means();
    double[] sdv = targetScaler.scales();
    if (residual == null) {
      SDVariable phys = head.mul(row(sdv)).add(row(mu));
      if (named) {
        phys = sd.identity("Y", phys);
      }
      return new Forward(head, phys, x);
    }
    // energy-conserving layer: the head predicts every target but the turbulent fluxes, plus
    // (when Qh and Qle are both targets) the logit of the evaporative fraction
    List<String> turb = residual.equals(Variables.QLE) ? List.of(Variables.QH, Variables.QLE)
        : List.of(Variables.QHQLE);
    List<String> headNames = new ArrayList<>();
    List<Double> muH = new ArrayList<>();
    List<Double> sdH = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      if (!turb.contains(names.get(k))) {
        headNames.add(names.get(k));
        muH.add(mu[k]);
        sdH.add(sdv[k]);
      }
    }
    int free = headNames.size();
    SDVariable physHead = sd.slice(head, new int[] {0, 0}, rows, free)
        .mul(row(sdH.stream().mapToDouble(Double::doubleValue).toArray()))
        .add(row(muH.stream().mapToDouble(Double::doubleValue).toArray()));
    Map<String, SDVariable> cols = new HashMap<>();
    java.util.function.Function<String, SDVariable> col = n -> cols.computeIfAbsent(n,
        q -> sd.slice(physHead, new int[] {0, headNames.indexOf(q)}, rows, 1));
    SDVariable available = radiation.build(sd, col, f -> rawFeature(x, f), this::scalar)
        .sub(col.apply(Variables.QG));
    if (turb.size() == 1) {
      cols.put(Variables.QHQLE, available);
    } else {
      SDVariable ef = sd.nn().sigmoid(sd.slice(head, new int[] {0, free}, rows, 1));
      SDVariable qle = available.mul(ef);
      cols.put(Variables.QLE, qle);
      cols.put(Variables.QH, available.sub(qle));
    }
    SDVariable phys = sd.concat(1, names.stream().map(col).toArray(SDVariable[]::new));
    if (named) {
      phys = sd.identity("Y", phys);
    }
    SDVariable z = phys.sub(row(mu)).div(row(sdv));
    return new Forward(z, phys, x);
  }

  /** Raw (unscaled) input feature [rows, 1] from z-scored inputs {@code x}. */
  private SDVariable rawFeature(SDVariable x, String name) {
    int j = features.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("no input feature " + name + "; inputs are " + features);
    }
    return sd.slice(x, new int[] {0, j}, rows, 1).mul(featureScaler.scales()[j])
        .add(featureScaler.means()[j]);
  }

  /** A trainable scalar created once per name. */
  private SDVariable scalar(String name, Double initial) {
    if (sd.hasVariable(name)) {
      return sd.getVariable(name);
    }
    trainable.add(name);
    termScalars.add(name);
    return sd.var(name, Nd4j.scalar(initial));
  }

  private SDVariable row(double[] v) {
    return sd.constant(Nd4j.createFromArray(new double[][] {v}));
  }

  /** The term context handed to physics terms while the graph is built. */
  private final class Context implements TermContext {
    private final Forward main;

    Context(Forward main) {
      this.main = main;
    }

    @Override
    public SameDiff sd() {
      return sd;
    }

    @Override
    public SDVariable outputs() {
      return main.physical();
    }

    @Override
    public int index(String name) {
      int k = targetNames().indexOf(name);
      if (k < 0) {
        throw new IllegalArgumentException("no network output " + name + "; outputs are "
            + targetNames());
      }
      return k;
    }

    @Override
    public int outputCount() {
      return targets.size();
    }

    @Override
    public SDVariable output(String name) {
      return main.column(name);
    }

    @Override
    public SDVariable shiftedOutputs(String feature, double delta) {
      int j = features.indexOf(feature);
      if (j < 0) {
        throw new IllegalArgumentException("no input feature " + feature + "; inputs are "
            + features);
      }
      Forward m = shifted.get(j);
      if (m == null) {
        shiftZ.put(j, delta / featureScaler.scales()[j]);
        m = forward(sd.placeHolder("x_shift_" + j, DataType.DOUBLE, rows, features.size()),
            false);
        shifted.put(j, m);
      } else if (shiftZ.get(j) != delta / featureScaler.scales()[j]) {
        throw new IllegalArgumentException("feature " + feature + " is shifted by two different"
            + " amounts; use one shift per feature");
      }
      return m.physical();
    }

    @Override
    public SDVariable feature(String name) {
      return main.feature(name);
    }

    @Override
    public SDVariable rowWeights() {
      return sd.getVariable("prow");
    }

    @Override
    public SDVariable pairWeights() {
      return sd.getVariable("ppair");
    }

    @Override
    public int rows() {
      return rows;
    }

    @Override
    public double stepSeconds() {
      return stepSeconds;
    }

    @Override
    public SDVariable trainableScalar(String name, Double initial) {
      return scalar(name, initial);
    }
  }

  // ---------------------------------------------------------------- feeding and evaluation

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
    check(x, features.size(), "features");
    check(y, targets.size(), "targets");
    double[][] xs = featureScaler.transform(x);
    double[] mu = targetScaler.means();
    double[] sdv = targetScaler.scales();
    double[][] yz = new double[rows][targets.size()];
    double[][] m = new double[rows][targets.size()];
    double[][] vm = new double[rows][targets.size()];
    double[][] pr = new double[rows][1];
    int count = 0;
    int vcount = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < targets.size(); k++) {
        boolean ok = !Double.isNaN(y[i][k]);
        yz[i][k] = ok ? (y[i][k] - mu[k]) / sdv[k] : 0;
        m[i][k] = ok && dataRows[i] ? 1 : 0;
        vm[i][k] = ok && validationRows[i] ? 1 : 0;
        count += (int) m[i][k];
        vcount += (int) vm[i][k];
      }
      pr[i][0] = physicsRows[i] ? 1 : 0;
    }
    double[][] pp = new double[rows - 1][1];
    double np = 0;
    double npp = 0;
    for (int i = 0; i < rows; i++) {
      np += pr[i][0];
      if (i > 0) {
        pp[i - 1][0] = pr[i][0];
        npp += pr[i][0];
      }
    }
    for (int i = 0; i < rows; i++) {
      pr[i][0] /= Math.max(1, np);
      if (i > 0) {
        pp[i - 1][0] /= Math.max(1, npp);
      }
    }
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(xs));
    ph.put("y_obs", Nd4j.createFromArray(yz));
    ph.put("mask", Nd4j.createFromArray(m));
    ph.put("vmask", Nd4j.createFromArray(vm));
    ph.put("prow", Nd4j.createFromArray(pr));
    ph.put("ppair", Nd4j.createFromArray(pp));
    ph.put("w_data", Nd4j.scalar(physics ? loss.dataWeight() : 1.0));
    ph.put("inv_count", Nd4j.scalar(1.0 / Math.max(1, count)));
    ph.put("inv_vcount", Nd4j.scalar(1.0 / Math.max(1, vcount)));
    for (int i = 0; i < loss.terms().size(); i++) {
      ph.put("w_term_" + i, Nd4j.scalar(physics ? loss.terms().get(i).weight() : 0.0));
    }
    for (var e : shiftZ.entrySet()) {
      double[][] s = new double[rows][];
      for (int i = 0; i < rows; i++) {
        s[i] = xs[i].clone();
        s[i][e.getKey()] += e.getValue();
      }
      ph.put("x_shift_" + e.getKey(), Nd4j.createFromArray(s));
    }
    return ph;
  }

  /**
   * Scales the physics-term weights of a feed to {@code factor} times their configured values (a
   * curriculum: 0 = data only, 1 = full physics).
   */
  public void scaleTerms(Map<String, INDArray> feed, double factor) {
    for (int i = 0; i < loss.terms().size(); i++) {
      feed.put("w_term_" + i, Nd4j.scalar(factor * loss.terms().get(i).weight()));
    }
  }

  private void check(double[][] m, int cols, String what) {
    if (m.length != rows) {
      throw new IllegalArgumentException(what + " have " + m.length + " rows, the network was"
          + " built for " + rows);
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i].length != cols) {
        throw new IllegalArgumentException(what + " row " + i + " has " + m[i].length
            + " columns, expected " + cols);
      }
    }
  }

  /**
   * Loss, misfit, validation misfit and each physics term (by term name, unweighted) at the
   * current weights.
   */
  public Map<String, Double> evaluate(Map<String, INDArray> feed) {
    List<String> outs = outputNames();
    Map<String, INDArray> r = sd.output(feed, outs);
    return values(r);
  }

  /** The L2 penalty {@code l2 * sum(W^2)} over the weight matrices (added to the graph's loss). */
  private double penalty() {
    double s = 0;
    for (String w : weightMatrices) {
      for (double v : parameter(w)) {
        s += v * v;
      }
    }
    if (skip != null) {
      double[] p = parameter("Wskip");
      double[] p0 = flatInit();
      for (int i = 0; i < p.length; i++) {
        s += (p[i] - p0[i]) * (p[i] - p0[i]);
      }
    }
    return loss.l2() * s;
  }

  private double[] flatInit() {
    double[] f = new double[features.size() * headWidth()];
    for (int i = 0; i < features.size(); i++) {
      System.arraycopy(skip.matrix()[i], 0, f, i * headWidth(), headWidth());
    }
    return f;
  }

  private void addPenaltyGradient(Map<String, double[]> g) {
    for (String w : weightMatrices) {
      double[] p = parameter(w);
      double[] gw = g.get(w);
      for (int i = 0; i < p.length; i++) {
        gw[i] += 2 * loss.l2() * p[i];
      }
    }
    if (skip != null) {
      double[] p = parameter("Wskip");
      double[] p0 = flatInit();
      double[] gw = g.get("Wskip");
      for (int i = 0; i < p.length; i++) {
        gw[i] += 2 * loss.l2() * (p[i] - p0[i]);
      }
    }
  }

  /** Gradient of the total loss with respect to every trainable variable (flattened, c order). */
  public Map<String, double[]> gradients(Map<String, INDArray> feed) {
    Map<String, INDArray> g = sd.calculateGradients(feed, trainable);
    Map<String, double[]> out = new LinkedHashMap<>();
    trainable.forEach(n -> out.put(n, flat(g.get(n))));
    addPenaltyGradient(out);
    return out;
  }

  /** Loss values and gradients in one forward/reverse pass. */
  Step step(Map<String, INDArray> feed) {
    OutAndGrad og = sd.calculateGradientsAndOutputs(feed, outputNames(), trainable);
    Map<String, double[]> g = new LinkedHashMap<>();
    trainable.forEach(n -> g.put(n, flat(og.getGradients().get(n))));
    addPenaltyGradient(g);
    return new Step(values(og.getOutputs()), g);
  }

  /** Values and gradients of one pass. */
  record Step(Map<String, Double> values, Map<String, double[]> gradients) {}

  private List<String> outputNames() {
    List<String> outs = new ArrayList<>(List.of("loss", "misfit", "val_misfit"));
    outs.addAll(termOutputs);
    return outs;
  }

  private Map<String, Double> values(Map<String, INDArray> r) {
    Map<String, Double> v = new LinkedHashMap<>();
    double pen = penalty();
    v.put("loss", r.get("loss").getDouble(0) + pen);
    v.put("l2", pen);
    v.put("misfit", r.get("misfit").getDouble(0));
    v.put("val_misfit", r.get("val_misfit").getDouble(0));
    for (int i = 0; i < termOutputs.size(); i++) {
      v.put(loss.terms().get(i).name(), r.get(termOutputs.get(i)).getDouble(0));
    }
    return v;
  }

  /** Predictions [rows][nOut] in target units for features in original units. */
  public double[][] predict(double[][] x) {
    check(x, features.size(), "features");
    Map<String, INDArray> ph = new HashMap<>();
    ph.put("x", Nd4j.createFromArray(featureScaler.transform(x)));
    return sd.output(ph, "Y").get("Y").toDoubleMatrix();
  }

  /** Copy of a trainable variable's values (flattened, c order). */
  public double[] parameter(String name) {
    return flat(sd.getVariable(name).getArr());
  }

  /** Sets a trainable variable's values (flattened, c order). */
  public void setParameter(String name, double[] values) {
    INDArray a = sd.getVariable(name).getArr();
    if (values.length != a.length()) {
      throw new IllegalArgumentException("variable " + name + " has " + a.length()
          + " values, got " + values.length);
    }
    a.assign(Nd4j.createFromArray(values).reshape('c', a.shape()));
  }

  /** Fitted values of the physics terms' own quantities (e.g. kappa), by term-qualified name. */
  public Map<String, Double> fittedTermValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (PhysicsTerm t : loss.terms()) {
      t.fitted(sd).forEach((k, v) -> m.put(t.name() + "." + k, v));
    }
    if (radiation != null && radiation.learnsAlbedo()) {
      m.put("layer.alpha", radiation.fittedAlbedo(sd));
    }
    return m;
  }

  private static double[] flat(INDArray a) {
    return a.dup('c').reshape(a.length()).toDoubleVector();
  }
}
