package org.cml4j.lsm.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.cml4j.lsm.experiment.BondvilleDepthStudy;
import org.cml4j.lsm.experiment.SiteExperiment;
import org.cml4j.lsm.experiment.SitePriors;
import org.cml4j.lsm.solver.StepSolver;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class PriorTest {
  private static final double[] THETA = {0.25, 1.1, 2.4e6, 22, 289.5}; // alpha lambda C hbeta Tb

  private static SiteExperiment bondville() {
    return SiteExperiment.load(BondvilleDepthStudy.request(SharedData.dir(),
        Instant.parse("1998-10-08T06:00:00Z")));
  }

  /** Central difference of f along coordinate i with relative step 1e-5. */
  private static double fd(java.util.function.ToDoubleFunction<double[]> f, double[] x, int i) {
    double h = 1e-5 * Math.abs(x[i]);
    double[] a = x.clone();
    double[] b = x.clone();
    a[i] += h;
    b[i] -= h;
    return (f.applyAsDouble(a) - f.applyAsDouble(b)) / (2 * h);
  }

  @Test
  void penaltyGradientAndRowJacobianMatchFiniteDifferences() {
    ParameterSpace space = new ParameterSpace(List.of(FitParam.ALPHA, FitParam.LAMBDA, FitParam.C,
        FitParam.HBETA, FitParam.TB), null);
    Prior p = SitePriors.build(EnumSet.allOf(SitePriors.Choice.class), 288.0, "SoilTemp_0.08",
        285.0, 6.0);
    assertThat(p.active(space)).hasSize(4);
    double[] g = p.penaltyGradient(space, THETA);
    double[][] j = p.jacobian(space, THETA);
    for (int i = 0; i < THETA.length; i++) {
      double want = fd(t -> p.penalty(space, t), THETA, i);
      assertThat(g[i]).as("d penalty / d %s", space.free().get(i)).isCloseTo(want,
          within(1e-6 * Math.max(1, Math.abs(want))));
      for (int k = 0; k < j.length; k++) {
        int kk = k;
        double wr = fd(t -> p.rows(space, t)[kk], THETA, i);
        assertThat(j[k][i]).isCloseTo(wr, within(1e-6 * Math.max(1e-9, Math.abs(wr)) + 1e-12));
      }
    }
    // the Tb rows are linear in Tb: sqrt(w) (Tb - mu) / sd
    assertThat(p.rows(space, THETA)[0]).isCloseTo(Math.sqrt(6) * (289.5 - 288) / 3, within(1e-12));
    // a prior on a coordinate that is not fitted adds no row
    ParameterSpace noTb = new ParameterSpace(List.of(FitParam.LAMBDA, FitParam.C), null);
    assertThat(p.rows(noTb, new double[] {1, 2e6})).hasSize(2);
  }

  @Test
  void penalisedObjectiveGradientAndResidualsIncludeThePrior() {
    SiteExperiment e = bondville();
    Objective plain = e.objective(StepSolver.EXACT);
    Prior p = e.prior(EnumSet.of(SitePriors.Choice.TB_DEEP, SitePriors.Choice.TEXTURE), 6.0);
    Objective o = plain.withPrior(p);
    double pen = p.penalty(o.space(), THETA);
    assertThat(pen).isPositive();
    assertThat(o.value(THETA)).isCloseTo(plain.value(THETA) + pen / o.observations().count(),
        within(1e-12));
    double[] g = o.valueAndGradient(THETA).gradient();
    for (int i = 0; i < THETA.length; i++) {
      double want = fd(o::value, THETA, i);
      assertThat(g[i]).as("d loss / d %s", o.space().free().get(i)).isCloseTo(want,
          within(2e-4 * Math.abs(want) + 1e-9));
    }
    Objective.Residuals r = o.residuals(THETA);
    assertThat(r.r()).hasSize(o.residualCount()).hasSize(o.observations().count() + 3);
    double[] rows = p.rows(o.space(), THETA);
    int n0 = o.observations().count();
    for (int k = 0; k < rows.length; k++) {
      assertThat(r.r()[n0 + k]).isEqualTo(rows[k]);
      assertThat(r.jacobian()[n0 + k]).containsExactly(p.jacobian(o.space(), THETA)[k]);
    }
  }

  @Test
  void contractionFlagsAPriorThatDecidedAndNotOneTheDataOverrule() {
    SiteExperiment e = bondville();
    Objective plain = e.objective(StepSolver.EXACT);
    Prior tight = new Prior(List.of(new Prior.Term(FitParam.TB, 289, 0.001, false, "tight")), 6);
    Prior loose = new Prior(List.of(new Prior.Term(FitParam.TB, 289, 1e4, false, "loose")), 6);
    Prior.Report t = tight.report(plain.withPrior(tight), THETA);
    Prior.Report l = loose.report(plain.withPrior(loose), THETA);
    assertThat(t.terms().get(0).contraction()).isLessThan(0.01);
    assertThat(t.anyDecided()).isTrue();
    assertThat(t.text()).contains("PRIOR DECIDED");
    assertThat(t.terms().get(0).zScore()).isCloseTo(500, within(1e-6));
    assertThat(l.terms().get(0).contraction()).isGreaterThan(0.99);
    assertThat(l.anyDecided()).isFalse();
    assertThat(l.penaltyShare()).isLessThan(1e-6);
  }

  @Test
  void badPriorsAreRejectedWithTheAllowedValues() {
    assertThatThrownBy(() -> SitePriors.parse("tb-deep,foo")).hasMessageContaining("'foo'")
        .hasMessageContaining("none, tb-deep, tb-air, texture, all");
    assertThat(SitePriors.parse("none")).isEmpty();
    assertThat(SitePriors.parse("all")).hasSize(3);
    assertThatThrownBy(() -> new Prior.Term(FitParam.LAMBDA, -1, 0.5, true, ""))
        .hasMessageContaining("mean > 0 in log space");
    assertThatThrownBy(() -> new Prior(List.of(), 0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> SitePriors.build(EnumSet.of(SitePriors.Choice.TB_DEEP), Double.NaN,
        "", 290, 6)).hasMessageContaining("tb-deep needs a fitted soil temperature");
  }
}
