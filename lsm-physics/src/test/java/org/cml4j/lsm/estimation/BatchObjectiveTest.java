package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cml4j.lsm.batch.BatchRunner;
import org.cml4j.lsm.experiment.Huang2025;
import org.cml4j.lsm.gradient.GradientMode;
import org.cml4j.lsm.model.InitialState;
import org.cml4j.lsm.model.Output;
import org.cml4j.lsm.model.SurfaceForcing;
import org.cml4j.lsm.solver.SoilColumnModel;
import org.cml4j.lsm.solver.StepSolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batched objective and lockstep multi-start Adam against their scalar counterparts. */
class BatchObjectiveTest {
  static final List<FitParam> FIT = List.of(FitParam.ALPHA, FitParam.H, FitParam.BETA,
      FitParam.LAMBDA, FitParam.TB, FitParam.C);
  static final BatchRunner RUNNER = new BatchRunner(2, 64);

  @AfterAll
  static void close() {
    RUNNER.close();
  }

  /** Synthetic two-depth experiment: truth of Huang et al. (2025), 0.05 K noise, 49 levels. */
  static Objective objective(StepSolver solver) {
    return objective(solver, FIT, 49, 11);
  }

  /**
   * Fits {@code fit} with {@code solver} to the exact-step outputs at the surface and 0.05 m of the
   * truth of Huang et al. (2025) over {@code levels} hourly levels, plus 0.05 K Gaussian noise
   * drawn with {@code noiseSeed}.
   */
  static Objective objective(StepSolver solver, List<FitParam> fit, int levels, long noiseSeed) {
    List<Output> outs = List.of(Output.SURFACE_TEMPERATURE, Output.soilTemperature(0.05));
    SoilColumnModel model = SoilColumnModel.huang2025(StepSolver.EXACT);
    SurfaceForcing f = Huang2025.forcing(levels);
    Observations obs = new Observations(outs, model.simulate(Huang2025.truth(), f).outputs(outs))
        .withGaussianNoise(0.05, noiseSeed);
    return new Objective(SoilColumnModel.huang2025(solver), f, InitialState.uniformTb(), obs,
        new ParameterSpace(fit, Huang2025.truth()), solver == StepSolver.JACOBI
            ? GradientMode.UNROLLED : GradientMode.IMPLICIT);
  }

  static List<double[]> starts(int count, long seed) {
    return uniformStarts(count, seed, new double[] {0.1, 8, 0.8, 0.4, 288, 1.5e6},
        new double[] {0.2, 15, 1.5, 1, 10, 1.5e6});
  }

  /** {@code count} seeded starts, coordinate i uniform in [low_i, low_i + width_i). */
  static List<double[]> uniformStarts(int count, long seed, double[] low, double[] width) {
    Random rnd = new Random(seed);
    List<double[]> s = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double[] x = new double[low.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = low[j] + width[j] * rnd.nextDouble();
      }
      s.add(x);
    }
    return s;
  }

  /** EXACT with the implicit adjoint; JACOBI with the unrolled one (the authors' configuration). */
  @ParameterizedTest
  @EnumSource(StepSolver.class)
  void batchedValuesAndGradientsEqualTheScalarObjective(StepSolver solver) {
    Objective o = objective(solver);
    BatchObjective b = new BatchObjective(o, RUNNER);
    List<double[]> thetas = starts(9, 3);
    // misfit gradients sum seeds 2(y - obs)/n of both signs, so the model's 1e-14 relative
    // round-off differences show up at about 1e-9 relative here
    List<Objective.ValueGradient> got = b.valueAndGradient(thetas);
    double[] values = b.values(thetas);
    for (int i = 0; i < thetas.size(); i++) {
      Objective.ValueGradient ref = o.valueAndGradient(thetas.get(i));
      assertThat(got.get(i).value()).isCloseTo(ref.value(),
          org.assertj.core.data.Offset.offset(1e-10 * ref.value()));
      assertThat(values[i]).isCloseTo(ref.value(),
          org.assertj.core.data.Offset.offset(1e-10 * ref.value()));
      for (int j = 0; j < FIT.size(); j++) {
        double r = ref.gradient()[j];
        assertThat(got.get(i).gradient()[j]).as("start %d, %s", i, FIT.get(j))
            .isCloseTo(r, org.assertj.core.data.Offset.offset(1e-7 * Math.abs(r)));
      }
    }
    assertThat(o.forwardRuns()).isEqualTo(9 + 9 + 9);
  }

  @ParameterizedTest
  @EnumSource(StepSolver.class)
  void lockstepAdamFollowsEachStartsScalarIteration(StepSolver solver) {
    Objective o = objective(solver);
    AdamOptimizer adam = new AdamOptimizer(AdamConfig.huang2025(o.space()));
    List<double[]> starts = starts(6, 8);
    int[] seen = {0};
    List<FitResult> batched = adam.fitAll(new BatchObjective(o, RUNNER), starts,
        d -> seen[0] = d);
    assertThat(seen[0]).isEqualTo(6);
    for (int i = 0; i < starts.size(); i++) {
      FitResult ref = adam.fit(o, starts.get(i));
      FitResult got = batched.get(i);
      assertThat(got.iterations()).as("start %d", i).isEqualTo(ref.iterations());
      assertThat(got.converged()).isEqualTo(ref.converged());
      for (int j = 0; j < FIT.size(); j++) {
        assertThat(got.fitted()[j]).as("start %d, %s", i, FIT.get(j)).isCloseTo(ref.fitted()[j],
            org.assertj.core.data.Offset.offset(1e-8 * Math.abs(ref.fitted()[j])));
      }
      assertThat(got.loss()).isCloseTo(ref.loss(),
          org.assertj.core.data.Offset.offset(1e-8 * ref.loss()));
      assertThat(got.initial()).containsExactly(starts.get(i));
    }
  }

  @Test
  void jacobiObjectivesAreBatchedOnlyOnRequest() {
    Objective jacobi = objective(StepSolver.JACOBI);
    assertThat(BatchObjective.supports(jacobi)).isFalse();
    assertThat(BatchLeastSquares.supports(jacobi)).isFalse();
    assertThat(BatchObjective.supports(objective(StepSolver.EXACT))).isTrue();
    assertThatThrownBy(() -> new BatchLeastSquares(RUNNER).fitStarts(jacobi, starts(1, 1)))
        .hasMessageContaining("problem 0 cannot run on the batched kernel (EXACT step solver");
  }
}
