package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cml4j.lsm.experiment.Huang2025Experiment;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The paper's inverse experiments on its published synthetic targets and 50 starts. */
class Huang2025InversionTest {
  static final List<FitParam> PAPER = List.of(FitParam.ALPHA, FitParam.H, FitParam.BETA,
      FitParam.LAMBDA, FitParam.TB, FitParam.C);
  static final List<FitParam> REDUCED = List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C,
      FitParam.HBETA, FitParam.TB);

  static Huang2025Experiment experiment(int depths) {
    return Huang2025Experiment.load(SharedData.dir().resolve("huang2025-synthetic"), depths);
  }

  @Test
  void levenbergMarquardtSendsAllFiftyStartsToTheTruth() {
    Huang2025Experiment e = experiment(2);
    Objective o = e.objective(StepSolver.EXACT, REDUCED);
    List<FitResult> rs = MultiStart.run(e.starts(REDUCED),
        (i, s) -> new LevenbergMarquardtFit().fit(o, s), 2, d -> { });
    assertThat(rs).hasSize(50);
    for (FitResult r : rs) {
      assertThat(r.converged()).as(r.stopReason()).isTrue();
      assertThat(r.named().get("lambda")).isCloseTo(0.8, org.assertj.core.data.Percentage.withPercentage(0.5));
      assertThat(r.named().get("C")).isCloseTo(2.2e6, org.assertj.core.data.Percentage.withPercentage(0.5));
      assertThat(r.named().get("alpha")).isCloseTo(0.2, org.assertj.core.data.Percentage.withPercentage(0.5));
      assertThat(r.named().get("hbeta")).isCloseTo(25, org.assertj.core.data.Percentage.withPercentage(0.5));
      assertThat(r.named().get("Tb")).isCloseTo(293, org.assertj.core.data.Percentage.withPercentage(0.5));
    }
    // every start lands on the same optimum
    double lo = rs.stream().mapToDouble(r -> r.named().get("lambda")).min().orElseThrow();
    double hi = rs.stream().mapToDouble(r -> r.named().get("lambda")).max().orElseThrow();
    assertThat(hi - lo).isLessThan(1e-5);
  }

  @Test
  void levenbergMarquardtWithThePapersJacobiSolverRecoversTheTruthExactly() {
    Huang2025Experiment e = experiment(2);
    Objective o = e.objective(StepSolver.JACOBI, REDUCED);
    List<double[]> starts = e.starts(REDUCED).subList(0, 4);
    for (double[] s : starts) {
      FitResult r = new LevenbergMarquardtFit().fit(o, s);
      assertThat(Math.abs(r.named().get("lambda") - 0.8) / 0.8).isLessThan(1e-4);
      assertThat(Math.abs(r.named().get("Tb") - 293)).isLessThan(0.01);
    }
  }

  @Test
  void adamWithThePapersSettingsRecoversLambdaInAsManyStartsAsPublishedButOne() {
    Huang2025Experiment e = experiment(2);
    Objective o = e.objective(StepSolver.EXACT, PAPER);
    List<FitResult> rs = MultiStart.run(e.starts(PAPER),
        (i, s) -> new AdamOptimizer(AdamConfig.huang2025(o.space())).fit(o, s), 2, d -> { });
    long ours = rs.stream().filter(r -> Math.abs(r.named().get("lambda") - 0.8) <= 0.008).count();
    long theirs = java.util.stream.IntStream.range(0, 50)
        .filter(i -> Math.abs(e.publishedFinal(i, FitParam.LAMBDA) - 0.8) <= 0.008).count();
    assertThat(theirs).isEqualTo(40);
    // measured: 39 of 50 (trial 46 exhausts the 151-step budget at lambda 0.851; the authors'
    // autograd-through-Jacobi run reached 0.800). Every other start agrees with the publication.
    assertThat(ours).isGreaterThanOrEqualTo(39);
    assertThat(rs.stream().mapToInt(FitResult::iterations).max().orElseThrow()).isLessThanOrEqualTo(151);
  }

  @Test
  void diagnosticsFlagLambdaAndCWithOneDepthAndHAndBetaWithTwo() {
    Huang2025Experiment e1 = experiment(1);
    Objective o1 = e1.objective(StepSolver.EXACT, REDUCED);
    FitResult r1 = new LevenbergMarquardtFit().fit(o1, e1.starts(REDUCED).get(0));
    IdentifiabilityReport d1 = new Identifiability().analyze(o1, r1.fitted(), Double.NaN);
    assertThat(d1.isIdentifiable("lambda")).isFalse();
    assertThat(d1.isIdentifiable("C")).isFalse();
    assertThat(d1.verdict()).contains("NOT identifiable").contains("lambda").contains("C");
    assertThat(d1.weakDirections()).anyMatch(w -> w.contains("lambda") && w.contains("C"));

    Huang2025Experiment e2 = experiment(2);
    Objective o2 = e2.objective(StepSolver.EXACT, PAPER);
    double[] truth = {0.2, 15, 1.5, 0.8, 293, 2.2e6};
    IdentifiabilityReport d2 = new Identifiability().analyze(o2, truth, Double.NaN);
    assertThat(d2.isIdentifiable("h")).isFalse();
    assertThat(d2.isIdentifiable("beta")).isFalse();
    assertThat(d2.isIdentifiable("lambda")).isTrue();
    assertThat(d2.isIdentifiable("C")).isTrue();
    assertThat(d2.isIdentifiable("alpha")).isTrue();
    assertThat(d2.reduced().isIdentifiable("hbeta")).isTrue();
    assertThat(d2.verdict()).contains("hbeta itself is identifiable");
    assertThat(d2.correlation()[0][0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void noisyObservationsAreFittedWithinTheirStandardErrors() {
    Huang2025Experiment e = experiment(2);
    Observations noisy = e.observations().withGaussianNoise(0.05, 42);
    Objective o = new Objective(e.objective(StepSolver.JACOBI, REDUCED).model(),
        e.objective(StepSolver.JACOBI, REDUCED).forcing(), e.initialState(), noisy,
        new ParameterSpace(REDUCED, org.cml4j.lsm.experiment.Huang2025.truth()));
    FitResult r = new LevenbergMarquardtFit().fit(o, e.starts(REDUCED).get(3));
    IdentifiabilityReport d = new Identifiability().analyze(o, r.fitted(), 0.05);
    int iLambda = d.names().indexOf("lambda");
    assertThat(Math.abs(Math.log(r.named().get("lambda") / 0.8)))
        .isLessThan(3 * d.standardErrors()[iLambda]);
    assertThat(Math.sqrt(r.loss())).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void misuseGivesClearErrors() {
    assertThatThrownBy(() -> new ParameterSpace(List.of(FitParam.H), org.cml4j.lsm.experiment.Huang2025.truth()))
        .hasMessageContaining("fit both or fit hbeta");
    assertThatThrownBy(() -> FitParam.fromSymbol("kappa")).hasMessageContaining("known: alpha");
    assertThatThrownBy(() -> Huang2025Experiment.load(java.nio.file.Path.of("/nonexistent"), 2))
        .hasMessageContaining("cannot read /nonexistent/target_T_surface.txt");
  }
}
