package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.lsm.solver.StepSolver;
import org.junit.jupiter.api.Test;

/** Lockstep multi-start LM (the estimate path) against one Commons Math LM per start. */
class BatchLeastSquaresTest {
  static final List<FitParam> FIT = List.of(FitParam.ALPHA, FitParam.HBETA, FitParam.LAMBDA,
      FitParam.TB, FitParam.C);

  /** As {@link BatchObjectiveTest#objective(StepSolver)} over 73 levels, hbeta fitted, exact steps. */
  static Objective objective() {
    return BatchObjectiveTest.objective(StepSolver.EXACT, FIT, 73, 5);
  }

  static List<double[]> starts(int count, long seed) {
    return BatchObjectiveTest.uniformStarts(count, seed, new double[] {0.1, 10, 0.3, 288, 1e6},
        new double[] {0.3, 30, 1.7, 10, 2e6});
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
