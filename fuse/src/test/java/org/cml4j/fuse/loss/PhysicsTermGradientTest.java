package org.cml4j.fuse.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.learn.Standardizer;
import org.cml4j.core.vars.VariableSpec;
import org.cml4j.fuse.loss.LossSpec.PhysicsRows;
import org.cml4j.fuse.net.FusionNetwork;
import org.cml4j.fuse.net.NetSpec;
import org.cml4j.fuse.net.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SameDiff gradient of each physics term (and of the data misfit) with respect to every
 * trainable variable of a small network, against central finite differences of the term's value.
 */
class PhysicsTermGradientTest {
  static final int ROWS = 24;
  static final List<String> FEATURES = List.of("SWdown", "LWdown", "f2");
  static final List<VariableSpec> TARGETS = List.of(new VariableSpec("SurfTemp", "K"),
      new VariableSpec("SoilTemp_0.05", "K"), new VariableSpec("SoilTemp_0.1", "K"),
      new VariableSpec("SoilTemp_0.2", "K"), new VariableSpec("Rnet", "W m-2"),
      new VariableSpec("Qg", "W m-2"), new VariableSpec("LWup", "W m-2"),
      new VariableSpec("Qh", "W m-2"),
      new VariableSpec("Qle", "W m-2"));

  @Test
  void heatEquationResidualWithLearnedDiffusivity() {
    double err = check(new HeatEquationResidual(List.of("SurfTemp", "SoilTemp_0.05",
        "SoilTemp_0.1", "SoilTemp_0.2"), 4e-7, true, 0.95, 0.1, 1), OutputLayer.FREE, 0);
    assertThat(err).isLessThan(1e-7);
    double lw = check(new HeatEquationResidual(List.of("LWup", "SoilTemp_0.05",
        "SoilTemp_0.1", "SoilTemp_0.2"), 4e-7, true, 0.95, 0.1, 1), OutputLayer.FREE, 0);
    assertThat(lw).as("surface temperature from LWup").isLessThan(1e-7);
  }

  @Test
  void energyBalanceClosure() {
    assertThat(check(new EnergyBalanceClosure(new NetRadiation(NetRadiation.Source.RNET, 0.2,
        0.95), "Qg", List.of("Qh", "Qle"), 10, 1), OutputLayer.FREE, 0)).isLessThan(1e-7);
  }

  @Test
  void energyBalanceClosureWithNetRadiationFromLongwaveAndLearnedAlbedo() {
    assertThat(check(new EnergyBalanceClosure(new NetRadiation(NetRadiation.Source.LWUP, 0.2,
        0.95), "Qg", List.of("Qh", "Qle"), 10, 1), OutputLayer.FREE, 0)).isLessThan(1e-7);
    assertThat(check(new EnergyBalanceClosure(new NetRadiation(NetRadiation.Source.SURFTEMP,
        0.2, 0.95), "Qg", List.of("Qh", "Qle"), 10, 1), OutputLayer.FREE, 0)).isLessThan(1e-7);
  }

  @Test
  void boundsAndMonotonicity() {
    assertThat(check(new BoundConstraint("Qg", "W m-2", -20, 60, 10, 1), OutputLayer.FREE, 0))
        .isLessThan(1e-7);
    assertThat(check(MonotonicConstraint.of("SurfTemp", "K", 0.5, "SWdown", 100, true, 1),
        OutputLayer.FREE, 0)).isLessThan(1e-7);
    assertThat(check(new MonotonicConstraint(List.of(new VariableSpec("Qg", "W m-2"),
        new VariableSpec("Qle", "W m-2")), new double[] {5, 5}, "SWdown", 100, true, 1),
        OutputLayer.FREE, 0)).isLessThan(1e-7);
  }

  @Test
  void dataMisfitThroughTheEnergyConservingLayer() {
    assertThat(check(null, OutputLayer.ENERGY_CONSERVING, 1)).isLessThan(1e-7);
  }

  @Test
  void energyConservingLayerWithNetRadiationFromLongwaveAndASkipConnection() {
    List<VariableSpec> noRnet = TARGETS.stream().filter(v -> !v.name().equals("Rnet")).toList();
    assertThat(check(null, OutputLayer.ENERGY_CONSERVING, 1, noRnet, true)).isLessThan(1e-7);
    assertThat(check(new HeatEquationResidual(List.of("LWup", "SoilTemp_0.05", "SoilTemp_0.1"),
        4e-7, true, 0.95, 0.1, 1), OutputLayer.FREE, 1, noRnet, true)).isLessThan(1e-7);
  }

  /**
   * Largest difference between the SameDiff and central-FD gradients over all parameters,
   * relative to the largest gradient component (components that are exactly zero, e.g. the
   * output bias in a monotonicity term, make element-wise relative errors meaningless).
   */
  static double check(PhysicsTerm term, OutputLayer layer, double dataWeight) {
    return check(term, layer, dataWeight, TARGETS, false);
  }

  static double check(PhysicsTerm term, OutputLayer layer, double dataWeight,
      List<VariableSpec> targets, boolean skip) {
    Random rnd = new Random(7);
    double[][] x = new double[ROWS][FEATURES.size()];
    double[][] y = new double[ROWS][targets.size()];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = j == 0 ? 400 * rnd.nextDouble() : j == 1 ? 350 + 30 * rnd.nextGaussian()
            : rnd.nextGaussian();
      }
      for (int k = 0; k < y[i].length; k++) {
        String n = targets.get(k).name();
        y[i][k] = n.startsWith("S") ? 290 + 3 * rnd.nextGaussian() : n.equals("LWup")
            ? 420 + 20 * rnd.nextGaussian() : 50 + 100 * rnd.nextGaussian();
      }
    }
    y[3][2] = Double.NaN;
    Standardizer fx = Standardizer.fitOnePass(x, 0, ROWS);
    Standardizer fy = Standardizer.fitOnePass(y, 0, ROWS);
    List<PhysicsTerm> terms = new ArrayList<>();
    if (term != null) {
      terms.add(term);
    }
    LossSpec loss = new LossSpec(dataWeight, 0, terms, PhysicsRows.ALL);
    int head = targets.size() - (layer == OutputLayer.FREE ? 0 : 1);
    FusionNetwork.Skip sk = null;
    if (skip) {
      double[][] m = new double[FEATURES.size()][head];
      double[] b = new double[head];
      for (int j = 0; j < head; j++) {
        m[j % FEATURES.size()][j] = 0.5 + 0.1 * j;
        b[j] = 0.1 * j;
      }
      sk = new FusionNetwork.Skip(m, b);
    }
    FusionNetwork net = new FusionNetwork(new NetSpec(new int[] {5}, 1, 0, 1e-2, 0, 3),
        FEATURES, fx, targets, fy, layer, loss.withL2(skip ? 0.01 : 0), ROWS, 3600, null, sk);
    boolean[] all = new boolean[ROWS];
    boolean[] none = new boolean[ROWS];
    java.util.Arrays.fill(all, true);
    Map<String, INDArray> feed = net.feed(x, y, all, none, all, true);
    Map<String, double[]> grad = net.gradients(feed);
    double worst = 0;
    double largest = 0;
    for (String v : net.trainable()) {
      double[] p = net.parameter(v);
      double[] g = grad.get(v);
      for (int i = 0; i < p.length; i++) {
        double h = 1e-6 * Math.max(1, Math.abs(p[i]));
        double keep = p[i];
        p[i] = keep + h;
        net.setParameter(v, p);
        double up = net.evaluate(feed).get("loss");
        p[i] = keep - h;
        net.setParameter(v, p);
        double down = net.evaluate(feed).get("loss");
        p[i] = keep;
        net.setParameter(v, p);
        double fd = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - g[i]));
        largest = Math.max(largest, Math.abs(g[i]));
      }
    }
    double value = net.evaluate(feed).get("loss");
    worst /= largest;
    System.out.printf("gradient check %s (%s): loss %.4g, max |SameDiff - FD| / max |gradient|"
        + " %.2e over %s%n", term == null ? "data misfit" : term.name(), layer, value, worst,
        net.trainable());
    assertThat(value).as("the term is active at this point").isGreaterThan(0);
    return worst;
  }
}
