package org.cml4j.fuse.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.cml4j.core.learn.Nd4jRuntime;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.core.vars.Variables;
import org.cml4j.fuse.loss.LossSpec;
import org.cml4j.fuse.loss.NetRadiation;
import org.cml4j.fuse.loss.PhysicsTerm;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of a {@link FusionNetwork} (double precision): placeholders, the tanh MLP
 * weights (Glorot-uniform, seeded), the forward pass to z-scored and physical outputs (free or
 * energy-conserving output layer, optional skip connection), the misfit and the physics terms
 * built through a {@link GraphTermContext}, and the reverse graph. Package-private: the network's
 * public face is {@link FusionNetwork}.
 */
final class FusionGraph {
  final NetSpec spec;
  final List<String> features;
  final Standardizer featureScaler;
  final List<VariableSpec> targets;
  final Standardizer targetScaler;
  final LossSpec loss;
  final int rows;
  final double stepSeconds;
  final String residual;
  final NetRadiation radiation;
  final FusionNetwork.Skip skip;
  final SameDiff sd = SameDiff.create();
  final List<String> trainable = new ArrayList<>();
  final List<String> weightMatrices = new ArrayList<>();
  final List<String> termScalars = new ArrayList<>();
  final Map<Integer, Forward> shifted = new LinkedHashMap<>();
  final Map<Integer, Double> shiftZ = new LinkedHashMap<>();
  final List<String> termOutputs = new ArrayList<>();

  FusionGraph(NetSpec spec, List<String> features, Standardizer featureScaler,
      List<VariableSpec> targets, Standardizer targetScaler, LossSpec loss, int rows,
      double stepSeconds, String residual, NetRadiation radiation, FusionNetwork.Skip skip) {
    this.spec = spec;
    this.features = features;
    this.featureScaler = featureScaler;
    this.targets = targets;
    this.targetScaler = targetScaler;
    this.loss = loss;
    this.rows = rows;
    this.stepSeconds = stepSeconds;
    this.residual = residual;
    this.radiation = radiation;
    this.skip = skip;
    build();
  }

  /** Number of outputs of the output layer (targets less the energy residual). */
  int headWidth() {
    return targets.size() - (residual == null ? 0 : 1);
  }

  /** Target names in column order. */
  List<String> targetNames() {
    return targets.stream().map(VariableSpec::name).toList();
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
    GraphTermContext ctx = new GraphTermContext(this, main);
    for (int i = 0; i < loss.terms().size(); i++) {
      PhysicsTerm t = loss.terms().get(i);
      SDVariable v = sd.identity("term_" + i, t.build(ctx));
      termOutputs.add("term_" + i);
      SDVariable wt = sd.placeHolder("w_term_" + i, DataType.DOUBLE);
      total = total.add(v.mul(wt));
    }
    sd.identity("loss", total);
    sd.setLossVariables("loss");
    Nd4jRuntime.createGradFunctionQuietly(sd);
  }

  /**
   * The network's outputs on one input: z-scored outputs [rows, nOut] for the misfit, the physical
   * outputs [rows, nOut] and physical columns created on demand (few ops: SameDiff's per-op cost
   * dominates small graphs).
   */
  final class Forward {
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
  Forward forward(SDVariable x, boolean named) {
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
    Function<String, SDVariable> col = n -> cols.computeIfAbsent(n,
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
  SDVariable scalar(String name, Double initial) {
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
}
