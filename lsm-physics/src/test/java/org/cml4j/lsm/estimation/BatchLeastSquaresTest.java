package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.junit.jupiter.api.Test;

/** Lockstep multi-start LM (the estimate path) against one Commons Math LM per start. */
class BatchLeastSquaresTest {
  static final List<FitParam> FIT = List.of(FitParam.ALPHA, FitParam.HBETA, FitParam.LAMBDA,
      FitParam.TB, FitParam.C);

  static Objective objective() {
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));
    SoilColumnModel model = SoilColumnModel.huang2025(StepSolver.EXACT);
    SurfaceForcing f = Huang2025.forcing(73);
    Observations obs = new Observations(outs, model.simulate(Huang2025.truth(), f).outputs(outs))
        .withGaussianNoise(0.05, 5);
    return new Objective(model, f, InitialState.uniformTb(), obs,
        new ParameterSpace(FIT, Huang2025.truth()));
  }

  static List<double[]> starts(int count, long seed) {
    Random rnd = new Random(seed);
    List<double[]> s = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      s.add(new double[] {0.1 + 0.3 * rnd.nextDouble(), 10 + 30 * rnd.nextDouble(),
          0.3 + 1.7 * rnd.nextDouble(), 288 + 10 * rnd.nextDouble(),
          1e6 + 2e6 * rnd.nextDouble()});
    }
    return s;
  }

  @Test
  void everyStartReachesThePerStartOptimumAndThreadsChangeNoBit() {
    Objective o = objective();
    List<double[]> s = starts(6, 17);
    int[] told = {0};
    List<FitResult> one = BatchLeastSquares.fitAll(o, s, 1, n -> told[0] = n);
    List<FitResult> two = BatchLeastSquares.fitAll(o, s, 2, n -> { });
    assertThat(told[0]).isEqualTo(6);
    double worst = 0;
    for (int i = 0; i < s.size(); i++) {
      FitResult ref = new LevenbergMarquardtFit().fit(o, s.get(i));
      FitResult got = one.get(i);
      assertThat(got.converged()).as(got.stopReason()).isEqualTo(ref.converged());
      assertThat(two.get(i).fitted()).isEqualTo(got.fitted());
      assertThat(two.get(i).loss()).isEqualTo(got.loss());
      if (!ref.converged()) {
        continue;
      }
      for (int k = 0; k < FIT.size(); k++) {
        double rel = Math.abs(got.fitted()[k] / ref.fitted()[k] - 1);
        worst = Math.max(worst, rel);
        assertThat(rel).as("start " + i + " " + FIT.get(k)).isLessThan(1e-6);
      }
      assertThat(Math.abs(got.loss() / ref.loss() - 1)).isLessThan(1e-9);
    }
    System.out.println("lockstep LM vs Commons Math LM per start: largest relative difference "
        + worst);
  }
}
