package org.cml4j.embed.solving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cml4j.core.learn.adjoint.AdjointNetwork;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.core.spi.ParameterInfo;
import org.cml4j.lsm.coupling.LsmMechanism;
import org.cml4j.lsm.rich.SoilProperties;
import org.cml4j.testbeds.twin.TwinScenario;
import org.junit.jupiter.api.Test;

class ParameterNetworkGradientTest {
  private static final Map<String, Double> START = Map.of("alpha", 0.2, "lambda", 0.9, "C", 2.4e6,
      "hbeta", 22.0, "Tb", 291.0, "eps", 0.95);

  /** A 3-day twin observing SurfTemp and QhQle, with the nominal soil. */
  private static CouplingTask task() {
    TwinScenario sc = TwinScenario.builder().days(3).seed(2).resolution(101, 1)
        .soil(SoilProperties.uniform(0.9, 2.4e6)).build();
    return sc.task(TwinScenario.TaskOptions.standard()
        .withObserved(List.of("SurfTemp", "QhQle")).withTargets(List.of("QhQle")));
  }

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
    CouplingTask task = task();
    LsmMechanism m = LsmMechanism.huang2025();
    ParameterNetwork pn = network(task, m);
    AdjointNetwork an = pn.network(START, 60, 60);
    double[] w = an.network().params();
    Random rnd = new Random(4);
    for (int i = 0; i < w.length; i++) {
      w[i] = 0.3 * rnd.nextGaussian();
    }
    an.network().setParams(w);
    double[] grad = an.gradient(an.forward());
    int checked = 0;
    for (int i = 0; i < w.length; i += Math.max(1, w.length / 12)) {
      double h = 1e-6;
      double[] wp = w.clone();
      wp[i] += h;
      double lp = loss(pn, START, wp);
      wp[i] -= 2 * h;
      double lm = loss(pn, START, wp);
      double fd = (lp - lm) / (2 * h);
      assertThat(grad[i]).as("weight " + i).isCloseTo(fd, org.assertj.core.data.Offset.offset(
          1e-6 * Math.max(1e-3, Math.abs(fd))));
      checked++;
    }
    double h = 1e-6;
    Map<String, Double> consts = new LinkedHashMap<>(START);
    consts.put("lambda", 0.9 + h);
    double lp = loss(pn, consts, w);
    consts.put("lambda", 0.9 - h);
    double lm = loss(pn, consts, w);
    // the constant is trained in log space: d/d log(lambda) = lambda d/d lambda
    assertThat(grad[w.length] / 0.9).isCloseTo((lp - lm) / (2 * h),
        org.assertj.core.data.Offset.offset(1e-6 * Math.abs((lp - lm) / (2 * h))));
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  private static double loss(ParameterNetwork pn, Map<String, Double> start, double[] w) {
    AdjointNetwork an = pn.network(start, 60, 60);
    an.network().setParams(w);
    return an.forward().evaluation().loss();
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

  /**
   * On this 3-day twin (Climate.summer weather) ten epochs lower the 48-h training loss every
   * epoch but raise the 12-h validation loss from the start (seeds 1–3 alike): early stopping
   * must then return the untrained evaluation, i.e. the start constants and the constant hbeta
   * (the output layer starts at zero), not the last epoch's.
   */
  @Test
  void trainingKeepsTheBestEvaluationAndCountsItsRuns() {
    CouplingTask task = task();
    LsmMechanism m = LsmMechanism.huang2025();
    ParameterNetwork pn = network(task, m);
    ParameterNetwork.Result r = pn.train(START, 48, 60);
    assertThat(r.trainLoss()).hasSize(11).hasSameSizeAs(r.validationLoss());
    for (int e = 1; e < r.trainLoss().length; e++) {
      assertThat(r.trainLoss()[e]).as("train loss, epoch " + e).isLessThan(r.trainLoss()[e - 1]);
    }
    double best = r.validationLoss()[r.bestEpoch()];
    for (double v : r.validationLoss()) {
      assertThat(best).isLessThanOrEqualTo(v);
    }
    assertThat(r.bestEpoch()).isZero();
    double[] hbeta = r.series().get("hbeta");
    assertThat(hbeta).hasSize(task.forcing().size());
    for (double h : hbeta) {
      assertThat(h).isCloseTo(22.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(r.constants().get("lambda")).isCloseTo(0.9,
        org.assertj.core.data.Offset.offset(1e-12));
  }
}
