package org.cml4j.fuse.net;

import org.cml4j.fuse.loss.TermContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@link TermContext} handed to physics terms while a {@link FusionGraph} is built: the main
 * forward pass's outputs and features, the network re-evaluated on inputs shifted per feature
 * (one extra forward pass and placeholder per shifted feature, one shift per feature), the row
 * and pair weights and trainable scalars owned by the terms.
 */
final class GraphTermContext implements TermContext {
  private final FusionGraph g;
  private final FusionGraph.Forward main;

  GraphTermContext(FusionGraph g, FusionGraph.Forward main) {
    this.g = g;
    this.main = main;
  }

  @Override
  public SameDiff sd() {
    return g.sd;
  }

  @Override
  public SDVariable outputs() {
    return main.physical();
  }

  @Override
  public int index(String name) {
    int k = g.targetNames().indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no network output " + name + "; outputs are "
          + g.targetNames());
    }
    return k;
  }

  @Override
  public int outputCount() {
    return g.targets.size();
  }

  @Override
  public SDVariable output(String name) {
    return main.column(name);
  }

  @Override
  public SDVariable shiftedOutputs(String feature, double delta) {
    int j = g.features.indexOf(feature);
    if (j < 0) {
      throw new IllegalArgumentException("no input feature " + feature + "; inputs are "
          + g.features);
    }
    FusionGraph.Forward m = g.shifted.get(j);
    double dz = delta / g.featureScaler.scales()[j];
    if (m == null) {
      g.shiftZ.put(j, dz);
      m = g.forward(g.sd.placeHolder("x_shift_" + j, DataType.DOUBLE, g.rows, g.features.size()),
          false);
      g.shifted.put(j, m);
    } else if (g.shiftZ.get(j) != dz) {
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
    return g.sd.getVariable("prow");
  }

  @Override
  public SDVariable pairWeights() {
    return g.sd.getVariable("ppair");
  }

  @Override
  public int rows() {
    return g.rows;
  }

  @Override
  public double stepSeconds() {
    return g.stepSeconds;
  }

  @Override
  public SDVariable trainableScalar(String name, Double initial) {
    return g.scalar(name, initial);
  }
}
