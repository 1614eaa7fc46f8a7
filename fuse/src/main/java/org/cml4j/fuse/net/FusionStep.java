package org.cml4j.fuse.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One evaluation of a {@link FusionGraph}'s loss: the graph's outputs (loss, misfit, validation
 * misfit, each physics term) plus the L2 penalty {@code l2 * sum(W^2)} on the weight matrices
 * (the skip connection towards its start), which is added with its analytic gradient outside the
 * graph (saves graph ops). Package-private: see {@link FusionNetwork}.
 */
final class FusionStep {
  private FusionStep() {}

  /** Loss values at the current weights. */
  static Map<String, Double> evaluate(FusionGraph g, Map<String, INDArray> feed) {
    return values(g, g.sd.output(feed, outputNames(g)));
  }

  /** Gradient of the total loss with respect to every trainable variable (flattened). */
  static Map<String, double[]> gradients(FusionGraph g, Map<String, INDArray> feed) {
    Map<String, INDArray> gr = g.sd.calculateGradients(feed, g.trainable);
    Map<String, double[]> out = new LinkedHashMap<>();
    g.trainable.forEach(n -> out.put(n, flat(gr.get(n))));
    addPenaltyGradient(g, out);
    return out;
  }

  /** Loss values and gradients in one forward/reverse pass. */
  static FusionNetwork.Step step(FusionGraph g, Map<String, INDArray> feed) {
    OutAndGrad og = g.sd.calculateGradientsAndOutputs(feed, outputNames(g), g.trainable);
    Map<String, double[]> gr = new LinkedHashMap<>();
    g.trainable.forEach(n -> gr.put(n, flat(og.getGradients().get(n))));
    addPenaltyGradient(g, gr);
    return new FusionNetwork.Step(values(g, og.getOutputs()), gr);
  }

  /** Copy of a variable's values (flattened, c order). */
  static double[] parameter(FusionGraph g, String name) {
    return flat(g.sd.getVariable(name).getArr());
  }

  private static double penalty(FusionGraph g) {
    double s = 0;
    for (String w : g.weightMatrices) {
      for (double v : parameter(g, w)) {
        s += v * v;
      }
    }
    if (g.skip != null) {
      double[] p = parameter(g, "Wskip");
      double[] p0 = flatInit(g);
      for (int i = 0; i < p.length; i++) {
        s += (p[i] - p0[i]) * (p[i] - p0[i]);
      }
    }
    return g.loss.l2() * s;
  }

  private static double[] flatInit(FusionGraph g) {
    int h = g.headWidth();
    double[] f = new double[g.features.size() * h];
    for (int i = 0; i < g.features.size(); i++) {
      System.arraycopy(g.skip.matrix()[i], 0, f, i * h, h);
    }
    return f;
  }

  private static void addPenaltyGradient(FusionGraph g, Map<String, double[]> grads) {
    double l2 = g.loss.l2();
    for (String w : g.weightMatrices) {
      double[] p = parameter(g, w);
      double[] gw = grads.get(w);
      for (int i = 0; i < p.length; i++) {
        gw[i] += 2 * l2 * p[i];
      }
    }
    if (g.skip != null) {
      double[] p = parameter(g, "Wskip");
      double[] p0 = flatInit(g);
      double[] gw = grads.get("Wskip");
      for (int i = 0; i < p.length; i++) {
        gw[i] += 2 * l2 * (p[i] - p0[i]);
      }
    }
  }

  private static List<String> outputNames(FusionGraph g) {
    List<String> outs = new ArrayList<>(List.of("loss", "misfit", "val_misfit"));
    outs.addAll(g.termOutputs);
    return outs;
  }

  private static Map<String, Double> values(FusionGraph g, Map<String, INDArray> r) {
    Map<String, Double> v = new LinkedHashMap<>();
    double pen = penalty(g);
    v.put("loss", r.get("loss").getDouble(0) + pen);
    v.put("l2", pen);
    v.put("misfit", r.get("misfit").getDouble(0));
    v.put("val_misfit", r.get("val_misfit").getDouble(0));
    for (int i = 0; i < g.termOutputs.size(); i++) {
      v.put(g.loss.terms().get(i).name(), r.get(g.termOutputs.get(i)).getDouble(0));
    }
    return v;
  }

  static double[] flat(INDArray a) {
    return a.dup('c').reshape(a.length()).toDoubleVector();
  }
}
