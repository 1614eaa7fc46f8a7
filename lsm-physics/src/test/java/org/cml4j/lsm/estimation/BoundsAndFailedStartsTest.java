package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cml4j.lsm.experiment.EstimationRuns;
import org.cml4j.lsm.model.ColumnParameters;
import org.cml4j.lsm.model.Param;
import org.junit.jupiter.api.Test;

/**
 * Every optimiser path hands the model parameters strictly inside their bounds (the model rejects
 * an initial temperature of exactly 150 or 400 K), a diverged coordinate is named, and a failing
 * start is recorded while the others go on.
 */
class BoundsAndFailedStartsTest {
  static final ColumnParameters BASE = ColumnParameters.builder().alpha(0.2).lambda(0.8).set(Param.C, 2.2e6)
      .hbeta(25).tb(293).build();

  @Test
  void clampAndToModelStayStrictlyInsideEveryBound() {
    ParameterSpace s = new ParameterSpace(List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C,
        FitParam.HBETA, FitParam.TB), BASE);
    for (double[] theta : List.of(new double[] {0, 1e-3, 1e4, 1e-3, 150},
        new double[] {1, 10, 1e8, 1e3, 400}, new double[] {-5, -1, -1e9, -3, -1e9},
        new double[] {7, 1e300, Double.POSITIVE_INFINITY, 1e9, Double.POSITIVE_INFINITY},
        new double[] {1.38e-209, 1e-300, 1, 1e-300, 149.999999})) {
      double[] c = s.clamp(theta);
      ColumnParameters m = s.toModel(theta);
      for (int i = 0; i < c.length; i++) {
        FitParam f = s.free().get(i);
        assertThat(c[i]).as(f.symbol()).isGreaterThan(f.min()).isLessThan(f.max());
        assertThat(m.constant(f.modelParam())).as(f.symbol()).isGreaterThan(f.min())
            .isLessThan(f.max());
      }
    }
    double tb = s.toModel(new double[] {0.2, 0.8, 2.2e6, 25, 150}).constant(Param.TB);
    assertThat(tb).isGreaterThan(150).isLessThan(150 + 1e-6);
    // inside the bounds nothing moves
    double[] mid = {0.2, 0.8, 2.2e6, 25, 293};
    assertThat(s.clamp(mid)).containsExactly(mid);
  }

  @Test
  void aNanCoordinateIsNamedAsADivergence() {
    ParameterSpace s = new ParameterSpace(List.of(FitParam.ALPHA, FitParam.LAMBDA), BASE);
    assertThatThrownBy(() -> s.clamp(new double[] {Double.NaN, 1}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("alpha")
        .hasMessageContaining("NaN").hasMessageContaining("diverged")
        .hasMessageContaining("[0.0, 1.0]");
  }

  @Test
  void aFailedStartIsRecordedAndTheOthersGoOn() {
    List<double[]> starts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      starts.add(new double[] {i});
    }
    List<FitResult> rs = MultiStart.run(starts, (i, s) -> {
      if (i == 1 || i == 3) {
        throw new IllegalArgumentException("initial profile: node 100 temperature 150.0 K is "
            + "outside (150, 400) K");
      }
      return new FitResult("lm", s, s, Map.of("x", s[0]), 10.0 - i, 1, 1, 1, true, "ok", 0);
    }, 2, n -> { });
    assertThat(rs).hasSize(5);
    assertThat(rs.stream().filter(MultiStart::isFailed).count()).isEqualTo(2);
    assertThat(rs.get(1).stopReason()).startsWith("failed: initial profile: node 100");
    assertThat(rs.get(1).loss()).isNaN();
    // the best is the lowest loss among the starts that did not fail; failed ones leave the summary
    assertThat(EstimationRuns.best(rs)).isEqualTo(4);
    assertThat(EstimationRuns.summary(rs).get("x").get("min")).isEqualTo(0.0);
    assertThat(EstimationRuns.summary(rs).get("x").get("max")).isEqualTo(4.0);
  }

  @Test
  void whenEveryStartFailsTheRunFailsNamingTheReasons() {
    List<double[]> starts = List.of(new double[] {0}, new double[] {1});
    assertThatThrownBy(() -> MultiStart.run(starts, (i, s) -> {
      throw new IllegalArgumentException("window too short " + i);
    }, 1, n -> { })).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all 2 starts failed").hasMessageContaining("window too short 0");
    assertThatThrownBy(() -> MultiStart.run(starts, (i, s) -> {
      throw new IllegalStateException("bug " + i);
    }, 1, n -> { })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("all 2 starts failed");
  }

  @Test
  void anOutOfMemoryErrorIsNotSwallowedAsAFailedStart() {
    List<double[]> starts = List.of(new double[] {0});
    assertThatThrownBy(() -> MultiStart.run(starts, (i, s) -> {
      throw new OutOfMemoryError("Java heap space");
    }, 1, n -> { })).isInstanceOf(OutOfMemoryError.class);
  }
}
