package org.cml4j.embed.solving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.embed.physics.SoilProperties;
import org.cml4j.embed.twin.TwinScenario;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.junit.jupiter.api.Test;

class ParameterNetworkGradientTest {
  private static final Map<String, Double> START = Map.of("alpha", 0.2, "lambda", 0.9, "C", 2.4e6,
      "hbeta", 22.0, "Tb", 291.0, "eps", 0.95);

  private static ParameterNetwork network(CouplingTask task, LsmMechanism m) {
    SeriesObjective obj = new SeriesObjective(m, task.forcing(), task.observations(),
        List.of("SurfTemp", "QhQle"), task.initialObservations(), 0, 60);
    double[][] x = ParameterNetwork.features(task.forcing(), task.auxiliary());
    List<ParameterInfo> learned = List.of(m.parameter("hbeta"));
    List<ParameterInfo> consts = List.of(m.parameter("lambda"));
    return new ParameterNetwork(obj, x, learned, consts, new ParameterNetwork.Settings(
        new int[] {5}, 10, 0.01, 0.01, 0.5, 0, 3));
  }

  @Test
  void networkWeightAndConstantGradientsThroughTheAdjointMatchFiniteDifferences() {
    TwinScenario sc = TwinScenario.builder().days(3).seed(2).resolution(101, 1)
        .soil(SoilProperties.uniform(0.9, 2.4e6)).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "QhQle")).withTargets(List.of("QhQle")));
    LsmMechanism m = LsmMechanism.huang2025();
    ParameterNetwork pn = network(task, m);
    pn.initialise(START, 60);
    double[] w = pn.network().params();
    Random rnd = new Random(4);
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.3 * rnd.nextGaussian();
    }
    pn.network().setParams(w);
    Map<String, Double> consts = new LinkedHashMap<>(START);
    double[] gw = new double[w.length];
    double[] gc = new double[1];
    pn.lossAndGradient(consts, 0, 60, gw, gc);
    int checked = 0;
    for (int i = 0; i < w.length; i += Math.max(1, w.length / 12)) {
      double h = 1e-6;
      double[] wp = w.clone();
      wp[i] += h;
      pn.network().setParams(wp);
      double lp = pn.loss(consts, 0, 60);
      wp[i] -= 2 * h;
      pn.network().setParams(wp);
      double lm = pn.loss(consts, 0, 60);
      double fd = (lp - lm) / (2 * h);
      assertThat(gw[i]).as("weight " + i).isCloseTo(fd, org.assertj.core.data.Offset.offset(
          1e-6 * Math.max(1e-3, Math.abs(fd))));
      checked++;
    }
    pn.network().setParams(w);
    double h = 1e-6;
    consts.put("lambda", 0.9 + h);
    double lp = pn.loss(consts, 0, 60);
    consts.put("lambda", 0.9 - h);
    double lm = pn.loss(consts, 0, 60);
    assertThat(gc[0]).isCloseTo((lp - lm) / (2 * h), org.assertj.core.data.Offset.offset(
        1e-6 * Math.abs((lp - lm) / (2 * h))));
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  @Test
  void onlyPositiveParametersCanBeLearnedAsSeries() {
    TwinScenario sc = TwinScenario.builder().days(3).seed(2).resolution(101, 1).build();
    CouplingTask task = sc.task(TwinScenario.TaskOptions.standard());
    LsmMechanism m = LsmMechanism.huang2025();
    SeriesObjective obj = new SeriesObjective(m, task.forcing(), task.observations(),
        List.of("SurfTemp"), task.initialObservations(), 0, 40);
    assertThatThrownBy(() -> new ParameterNetwork(obj, new double[73][2],
        List.of(m.parameter("Tb")), List.of(), ParameterNetwork.Settings.standard(5, 1)))
        .hasMessageContaining("Tb is not");
  }
}
