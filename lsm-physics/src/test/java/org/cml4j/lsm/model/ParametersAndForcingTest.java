package org.cml4j.lsm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cml4j.lsm.estimation.FitParam;
import org.junit.jupiter.api.Test;

/** Parameter tables, the LWup inversion and forcing assembly of the model package. */
class ParametersAndForcingTest {

  @Test
  void fitCoordinatesTakeTheirRangeFromTheModelParameterUnlessNarrowed() {
    assertThat(FitParam.LAMBDA.min()).isEqualTo(Param.LAMBDA.min());
    assertThat(FitParam.LAMBDA.max()).isEqualTo(Param.LAMBDA.max());
    assertThat(FitParam.HBETA.min()).isEqualTo(1e-3);
    assertThat(FitParam.HBETA.max()).isEqualTo(Param.HBETA.max());
    assertThat(FitParam.TB.positive()).isFalse();
    assertThat(FitParam.EPS.positive()).isTrue();
    assertThat(FitParam.BETA.modelParam()).isNull();
    assertThat(FitParam.C.unit()).isEqualTo("J m-3 K-1");
    assertThat(Param.ALPHA.info().unit()).isEqualTo("1");
    assertThat(Param.ALPHA.unit()).isEqualTo("-");
    assertThat(Param.TB.info().nominal()).isEqualTo(293.0);
  }

  @Test
  void symbolsParseCaseInsensitivelyAndUnknownOnesListTheKnown() {
    assertThat(Param.fromSymbol(" tb ")).isEqualTo(Param.TB);
    assertThat(FitParam.fromSymbol("BETA")).isEqualTo(FitParam.BETA);
    assertThatThrownBy(() -> Param.fromSymbol("h")).hasMessage(
        "unknown parameter 'h'; known: alpha, lambda, C, hbeta, Tb, eps");
    assertThatThrownBy(() -> FitParam.fromSymbol("k")).hasMessage(
        "unknown fit parameter 'k'; known: alpha, lambda, C, hbeta, Tb, eps, h, beta");
  }

  @Test
  void surfaceTemperatureFromLwupInvertsTheLongwaveOutput() {
    double ts = 301.5;
    double ldown = 350;
    double eps = ColumnParameters.DEFAULT_EPS;
    double lwup = eps * Output.SIGMA * Math.pow(ts, 4) + (1 - eps) * ldown;
    double[] back = Output.surfaceTemperatureFromLwup(new double[] {lwup}, new double[] {ldown});
    assertThat(back[0]).isCloseTo(ts, within(1e-9));
  }

  @Test
  void forcingLevelsArePickedAndConcatenatedInOrder() {
    SurfaceForcing f = new SurfaceForcing(new double[] {0, 100, 200}, new double[] {300, 310, 320},
        new double[] {280, 281, 282});
    SurfaceForcing lead = f.levels(new int[] {0, 1, 0});
    assertThat(lead.kdown()).containsExactly(0, 100, 0);
    assertThat(lead.ta()).containsExactly(280, 281, 280);
    SurfaceForcing all = lead.followedBy(f);
    assertThat(all.length()).isEqualTo(6);
    assertThat(all.ldown()).containsExactly(300, 310, 300, 300, 310, 320);
  }
}
