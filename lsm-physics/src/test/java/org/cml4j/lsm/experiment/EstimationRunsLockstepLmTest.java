package org.cml4j.lsm.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cml4j.lsm.estimation.FitParam;
import org.cml4j.lsm.estimation.FitResult;
import org.cml4j.lsm.estimation.LevenbergMarquardtFit;
import org.cml4j.lsm.estimation.Objective;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code estimate}'s multi-start LM ({@link EstimationRuns#fitAll} with "lm") runs all starts in
 * lockstep on the batched kernel, and lands where one Commons Math LM per start lands (1e-6
 * relative), on the paper's two-depth experiment and on a real site.
 */
class EstimationRunsLockstepLmTest {
  static final List<FitParam> REDUCED = List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C,
      FitParam.HBETA, FitParam.TB);

  @Test
  void huang2025TwoDepthStartsEqualThePerStartPath() {
    Huang2025Experiment e = Huang2025Experiment.load(
        SharedData.dir().resolve("huang2025-synthetic"), 2);
    Objective o = e.objective(StepSolver.EXACT, REDUCED);
    compare(o, e.starts(REDUCED).subList(0, 6));
  }

  @Test
  void bondvilleSiteStartsEqualThePerStartPath() {
    SiteExperiment e = SiteExperiment.load(SitePresets.bondville1998(SharedData.dir()));
    Objective o = e.objective(StepSolver.EXACT);
    compare(o, e.starts(4, 42), 1e-6);
  }

  /**
   * Phoenix's optimum lies in a flat valley: both paths stop at the same cost (1e-8 relative is asserted) but
   * up to 1.3e-5 apart along the valley (measured), so the parameters are held to 3e-5 here.
   */
  @Test
  void phoenixSiteStartsReachTheSameCostAlongAFlatValley() {
    SiteExperiment e = SiteExperiment.load(SitePresets.phoenix2012(SharedData.dir()));
    Objective o = e.objective(StepSolver.EXACT);
    compare(o, e.starts(4, 42), 3e-5);
  }

  private static void compare(Objective o, List<double[]> starts) {
    compare(o, starts, 1e-6);
  }

  private static void compare(Objective o, List<double[]> starts, double tolerance) {
    List<FitResult> lockstep = EstimationRuns.fitAll("lm", o, starts, 2, d -> { });
    List<FitResult> oneThread = EstimationRuns.fitAll("lm", o, starts, 1, d -> { });
    double worst = 0;
    for (int i = 0; i < starts.size(); i++) {
      FitResult got = lockstep.get(i);
      assertThat(got.stopReason()).as("start " + i).contains("batched LM");
      assertThat(oneThread.get(i).fitted()).isEqualTo(got.fitted());
      FitResult ref = new LevenbergMarquardtFit().fit(o, starts.get(i));
      assertThat(got.converged()).as("start " + i + ": " + got.stopReason() + " vs "
          + ref.stopReason()).isEqualTo(ref.converged());
      if (!ref.converged()) {
        continue;
      }
      for (int k = 0; k < got.fitted().length; k++) {
        double rel = Math.abs(got.fitted()[k] / ref.fitted()[k] - 1);
        worst = Math.max(worst, rel);
        assertThat(rel).as("start " + i + " coordinate " + k).isLessThan(tolerance);
      }
      assertThat(Math.abs(got.loss() / ref.loss() - 1)).as("start " + i + " loss")
          .isLessThan(1e-8);
    }
    System.out.println("estimate lm, lockstep vs per start: largest relative difference " + worst);
  }
}
